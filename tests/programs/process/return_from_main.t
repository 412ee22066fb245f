// An early `return` from main ends the program normally with status 0.
fn main() {
    let mut i = 0;
    while i < 10 {
        if i == 3 {
            println("returning at {}", i);
            return;
        }
        println("i = {}", i);
        i += 1;
    }
    println("not reached");
}
