// The five arithmetic operators, with signs: division truncates toward zero and the
// remainder takes the sign of the dividend.
fn show(a: i64, b: i64) {
    println("{a} + {b} = {}", a + b);
    println("{a} - {b} = {}", a - b);
    println("{a} * {b} = {}", a * b);
    println("{a} / {b} = {}", a / b);
    println("{a} % {b} = {}", a % b);
}

fn main() {
    show(7, 2);
    show(-7, 2);
    show(7, -2);
    show(-7, -2);
    show(0, 5);
    show(100, 7);
    show(6, 3);
}
