// exit: 101
// stderr: panicked at programs/process/panic_message.t:13:9: bad value 7 (limit 5, strict=true, name=widget)
// panic formats its message like println and reports the location of the call.
fn check(v: i64, limit: i64) {
    let name = "widget";
    let strict = true;
    if v <= limit {
        println("{} ok", v);
    }
    if v > limit {
        // the panic is on the next line, column 9
        println("about to panic");
        panic("bad value {} (limit {limit}, strict={strict}, name={name})", v);
    }
}

fn main() {
    check(3, 5);
    check(7, 5);
    println("not reached");
}
