// exit: 42
// exit deep inside nested calls and loops ends the whole program at once, and stdout
// written before it (without a trailing newline, too) is flushed.
fn level3(n: i64) -> i64 {
    print("level3({}) ", n);
    if n == 2 {
        print("exiting");
        std::process::exit((40 + n) as i32);
    }
    n
}

fn level2(n: i64) -> i64 {
    let mut i = 0;
    while i < 10 {
        level3(n + i);
        i += 1;
    }
    let none = -1;
    none
}

fn level1() {
    println("level1 start");
    let r = level2(0);
    println("level2 returned {}", r);
}

fn main() {
    level1();
    println("main end");
}
