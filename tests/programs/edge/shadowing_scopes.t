// Shadowing in nested blocks, shadowing with a different type, block expressions as
// values, and variables captured by name in format strings.
fn main() {
    let x = 5;
    let y = {
        let x = x * 2;
        let x = x + 1;
        x * 10
    };
    println("{x} {y}");
    let x = "five";
    println("{x}");
    let x = x == "five";
    println("{x}");
    let mut total = 0;
    for i in 0..4 {
        let total_here = total + i;
        let i = i * 100;
        total = total_here + i;
    }
    println("{total}");
    let v = if total > 500 {
        let total = 1;
        total
    } else {
        2
    };
    println("{v} {total}");
    let (a, b) = (1, 2);
    let (b, a) = (a, b);
    println("{a} {b}");
    let s = 'o';
    println("{s}");
}
