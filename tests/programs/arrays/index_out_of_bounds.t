// exit: 101
// stderr: panicked at programs/arrays/index_out_of_bounds.t:8:17: index out of bounds: the len is 3 but the index is 3
fn main() {
    let a = [1, 2, 3];
    let mut i = 0;
    while i < 10 {
        println("{}", i);
        let x = a[i];
        i += 1;
        if x < 0 { break; }
    }
}
