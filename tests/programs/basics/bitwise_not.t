// `!` on an i64 is bitwise not: !x == -x - 1.
fn main() {
    println("{}", !0);
    println("{}", !-1);
    println("{}", !5);
    println("{}", !-6);
    println("{}", !9223372036854775807);
    println("{}", !(-9223372036854775807 - 1));
    let x = 12345;
    println("{}", !!x);
    println("{}", !x + 1 == -x);
    let mut y = 0x0f;
    y = !y;
    println("{y}");
}
