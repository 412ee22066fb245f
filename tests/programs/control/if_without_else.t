// `if` without `else` is a statement of type ().
fn maybe_print(n: i64) {
    if n % 2 == 0 {
        println("{} is even", n);
    }
}

fn main() {
    let mut i = 0;
    while i < 5 {
        maybe_print(i);
        i += 1;
    }
    let u: () = if i > 100 { println("never"); };
    let _keep = u;
    if true {}
    if false {} else {}
    println("end");
}
