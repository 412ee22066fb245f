// Small syntax details: trailing commas, empty statements, parentheses, and semicolons
// after block expressions.
fn add3(a: i64, b: i64, c: i64,) -> i64 {
    a + b + c
}

fn main() {
    println("{}", add3(1, 2, 3,));
    println("{} {}", 1, 2,);
    ;;
    let x = ((((5))));
    println("{}", x);
    if x > 0 { println("positive"); };
    { println("block"); };
    let y = (x + 1) * ((x - 1));
    println("{y}");
    let z = -(-(x));
    println("{z}");
    let b = !(!(true));
    println("{b}");
}
