// Operations that land exactly on the i64 boundaries do not trap.

fn main() {
    let max = 9223372036854775807;
    let min = -9223372036854775807 - 1;
    println("max = {}", max);
    println("min = {}", min);
    println("max + min = {}", max + min);
    println("min + max = {}", min + max);
    println("(max - 1) + 1 = {}", (max - 1) + 1);
    println("(min + 1) - 1 = {}", (min + 1) - 1);
    println("-max = {}", -max);
    println("-max - 1 = {}", -max - 1);
    println("min / 1 = {}", min / 1);
    println("min / 2 = {}", min / 2);
    println("min / -2 = {}", min / -2);
    println("max / -1 = {}", max / -1);
    println("min % 1 = {}", min % 1);
    println("min % 2 = {}", min % 2);
    println("min % max = {}", min % max);
    println("max % min = {}", max % min);
    println("min * 1 = {}", min * 1);
    println("max * -1 = {}", max * -1);
    println("2^62 * -2 = {}", 4611686018427387904 * -2);
    println("3037000499^2 = {}", 3037000499 * 3037000499);
    println("0 * min = {}", 0 * min);
    println("max - max = {}", max - max);
    println("min - min = {}", min - min);
    println("0 - max = {}", 0 - max);
    println("-1 - max = {}", -1 - max);
}
