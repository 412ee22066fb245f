// exit: 134
// stderr: panicked at programs/panics/panic_in_panic_message.t:18:5: checking (1, 
// stderr: panicked at programs/panics/panic_in_panic_message.t:12:25: a bad point
// stderr: fatal runtime error: panicked while formatting a panic message, aborting
// A Display impl that panics while the message of another panic is being formatted: the
// runtime reports the partial message and the new panic, and aborts (SIGABRT), even
// under a catch.
struct Point { x: i64, y: i64 }
impl Display for Point {
    fn fmt(&self, f: &mut Formatter) {
        write(f, "({}, ", self.x);
        if self.y < 0 { panic("a bad point"); }
        write(f, "{})", self.y)
    }
}

fn check(p: Point) -> i64 {
    panic("checking {}", p);
}

fn main() {
    let r = std::panic::catch(|| check(Point { x: 1, y: -1 }));
    println("not reached {}", r.is_err());
}
