// Strings are values: passed to and returned from functions, chosen by if, stored in
// mutable variables, and returned from loops.
fn pick(i: i64) -> String {
    if i == 0 {
        return "zero";
    }
    if i == 1 { "one" } else { "many" }
}

fn echo(s: String) -> String {
    s
}

fn main() {
    let mut s = pick(0);
    println("{}", s);
    s = pick(1);
    println("{}", s);
    s = echo(pick(5));
    println("{}", s);
    let mut i = 0;
    let mut last = "";
    while i < 3 {
        last = pick(i);
        i += 1;
    }
    println("last = {last}");
    let found = loop {
        break echo("from loop");
    };
    println("{found}");
    let copy = found;
    println("{} {}", copy, found);
}
