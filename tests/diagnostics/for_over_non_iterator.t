// `for` iterates over ranges; an integer is not one.
fn main() {
    let n = 10;
    for i in n {
        println("{}", i);
    }
}
