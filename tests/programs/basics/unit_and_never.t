// exit: 3
// Functions returning (), implicitly and explicitly, and a diverging function of type !.
fn say(s: String) {
    println("say: {}", s);
}

fn say_explicit(s: String) -> () {
    println("say_explicit: {}", s);
    return;
}

fn stop(code: i64) -> ! {
    println("stopping with {}", code);
    std::process::exit(code as i32)
}

fn pick(n: i64) -> i64 {
    if n >= 0 {
        n * 2
    } else {
        // `!` coerces to i64
        stop(3)
    }
}

fn main() {
    say("one");
    say_explicit("two");
    let r = say("three");
    let r2: () = r;
    let _ignored = r2;
    println("{}", pick(21));
    println("{}", pick(-1));
    println("unreachable");
}
