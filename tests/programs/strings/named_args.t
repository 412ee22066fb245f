// {name} interpolates a variable in scope.
fn report(item: String, qty: i64, ok: bool) {
    println("{item}: {qty} (ok={ok})");
}

fn main() {
    let name = "world";
    println("hello, {name}");
    let x = 1;
    let y = 2;
    println("{x} + {y} = {}", x + y);
    println("{y}{x}{y}");
    report("apples", 12, true);
    let x = "shadowed";
    println("x is now {x}");
    let long_variable_name_2 = 99;
    println("[{long_variable_name_2}]");
    let _under = 5;
    println("{_under}");
    let mut m = 1;
    m += 1;
    println("m = {m}, m again = {m}");
}
