// String equality compares contents, not identity.
fn make(which: i64) -> String {
    if which == 0 { "alpha" } else if which == 1 { "beta" } else { "alpha" }
}

fn main() {
    let a = make(0);
    let b = make(1);
    let c = make(2);
    println("a == b: {}", a == b);
    println("a == c: {}", a == c);
    println("a != b: {}", a != b);
    println("a != c: {}", a != c);
    println("a == literal: {}", a == "alpha");
    println("prefix: {}", "alph" == a);
    println("longer: {}", "alphabet" == a);
    println("case: {}", "Alpha" == a);
    println("empty vs space: {}", "" == " ");
    println("nul inside: {}", "a\0b" == "a\0c");
    println("nul inside same: {}", "a\0b" == "a\0b");
    let mut s = "x";
    let mut n = 0;
    while s != "done" {
        n += 1;
        if n == 3 { s = "done"; }
    }
    println("loop ran {} times", n);
}
