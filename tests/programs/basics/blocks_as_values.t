// Blocks are expressions; the last expression without a semicolon is the value.
fn square_plus_one(n: i64) -> i64 {
    let sq = { n * n };
    sq + 1
}

fn main() {
    let x = {
        let a = 3;
        let b = 4;
        a * a + b * b
    };
    println("x = {}", x);
    let y = {
        let mut t = 0;
        t += x;
        t += { 1 + { 2 + { 3 } } };
        t
    };
    println("y = {}", y);
    let s = { "block string" };
    println("{}", s);
    let nested = { { { 7 } } };
    println("nested = {nested}");
    println("{}", square_plus_one({ 2 + 3 }));
    // a block whose value is unit
    let u = { let _z = 5; };
    let w: () = u;
    let _ = w;
    println("done");
}
