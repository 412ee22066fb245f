// Or-patterns under `@` bindings, and match arms whose block bodies end without a comma.
fn main() {
    let x = 3;
    match x {
        n @ (1 | 3) => println("{}", n),
        _ => println("other"),
    }
    let t = (1, 2);
    let v = match t {
        (0, _) => {
            10
        }
        (_, y) => y,
    };
    println("{}", v);
    let w = match 7 {
        0 => { 10 }
        -5..=5 => 1,
        k @ (6 | 7 | 8) if k > 6 => k * 100,
        _ => 0,
    };
    println("{}", w);
    let pair = (2, 9);
    match pair {
        (a @ (1 | 2), b) | (b, a @ (3 | 4)) => println("{} {}", a, b),
        _ => println("none"),
    }
}
