// let, let mut, type annotations and shadowing.
fn main() {
    let a = 10;
    let b: i64 = 32;
    let mut c = a + b;
    println("a={} b={} c={}", a, b, c);
    c = c * 2;
    println("c doubled = {c}");
    let flag: bool = c > 80;
    let name: String = "tee";
    println("flag={flag} name={name}");
    // shadowing with a different type
    let a = "now a string";
    println("a is {}", a);
    let a = a == "now a string";
    println("a is {}", a);
    let mut counter = 0;
    counter += 1;
    counter += 1;
    counter -= 5;
    println("counter={}", counter);
    // shadowing inside a block does not leak
    let x = 1;
    {
        let x = 2;
        println("inner x={x}");
    }
    println("outer x={x}");
}
