// `break` and `continue` may only name labels of loops they are inside.
fn main() {
    'outer: for i in 0..3 {
        if i == 1 { break 'outr; }
    }
    continue 'outer;
}
