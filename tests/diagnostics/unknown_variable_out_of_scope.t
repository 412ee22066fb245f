// A variable declared in an inner block is not visible after it.
fn main() {
    {
        let inner = 5;
        println("{}", inner);
    }
    println("{}", inner);
}
