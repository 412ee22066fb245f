// exit: 101
// stderr: panicked at programs/arrays/negative_index.t:7:5: index out of bounds: the len is 4 but the index is -1
fn main() {
    let mut a = [0u8; 4];
    let k: i32 = 2;
    a[k] = 1;
    a[k - 3] = 2;
    println("not reached");
}
