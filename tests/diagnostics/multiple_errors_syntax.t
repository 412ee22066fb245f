// Syntax errors in two functions: the parser recovers at the next item or statement.
fn broken(a: i64) -> i64 {
    let x = a + ;
    x
}

fn also_broken() {
    let y = 5
    println("{}", y);
}

fn main() {
    println("{}", broken(1));
    also_broken();
}
