// Functions with many parameters of mixed types keep them in order.
fn describe(a: i64, b: bool, c: String, d: i64, e: i64, f: bool, g: String, h: i64, i: i64, j: i64) -> String {
    println("a={a} b={b} c={c} d={d} e={e} f={f} g={g} h={h} i={i} j={j}");
    if b && !f { c } else { g }
}

fn weighted(a: i64, b: i64, c: i64, d: i64, e: i64, f: i64, g: i64, h: i64, i: i64) -> i64 {
    a * 1 + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9
}

fn no_params() -> i64 {
    7
}

fn main() {
    let r = describe(1, true, "third", 4, 5, false, "seventh", 8, 9, 10);
    println("returned {}", r);
    println("{}", describe(-1, false, "x", 0, 0, false, "y", 0, 0, no_params()));
    println("weighted = {}", weighted(9, 8, 7, 6, 5, 4, 3, 2, 1));
    println("nested = {}", weighted(no_params(), weighted(1, 1, 1, 1, 1, 1, 1, 1, 1), 0, 0, 0, 0, 0, 0, 1));
}
