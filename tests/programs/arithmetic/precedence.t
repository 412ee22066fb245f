// Operator precedence and associativity.
fn main() {
    println("{}", 2 + 3 * 4);
    println("{}", (2 + 3) * 4);
    println("{}", 20 - 5 - 3);
    println("{}", 20 - (5 - 3));
    println("{}", 100 / 10 / 5);
    println("{}", 100 / (10 / 5));
    println("{}", 17 % 5 * 3);
    println("{}", 2 * 17 % 5);
    println("{}", -2 * 3);
    println("{}", -(2 * 3) + 1);
    println("{}", 1 + 2 * 3 - 4 / 2 + 5 % 3);
    println("{}", 1 + 2 < 4);
    println("{}", 2 * 3 == 6 && 10 / 3 == 3);
    println("{}", !0 + 1);
    println("{}", - - -5);
    println("{}", 7 - -3);
    println("{}", 1 - 2 + 3 - 4 + 5);
    println("{}", 2 * (3 + 4) * 5);
}
