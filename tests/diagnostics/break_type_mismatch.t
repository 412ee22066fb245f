// All `break` values of a loop must have the same type.
fn main() {
    let mut i = 0;
    let v = loop {
        i += 1;
        if i == 3 {
            break "three";
        }
        if i == 5 {
            break 5;
        }
    };
    println("{}", v);
}
