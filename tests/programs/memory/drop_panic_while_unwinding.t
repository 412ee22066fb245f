// exit: 134
// stderr: panicked while a panic was unwinding, aborting
// A `Drop` that panics while another panic unwinds ends the program: both messages are
// printed, then SIGABRT (status 134 in a shell).
class Bomb { name: String }

impl Drop for Bomb {
    fn drop(&mut self) { panic("{} went off while unwinding", self.name); }
}

fn main() {
    let b = Bomb { name: "bomb" };
    let r = std::panic::catch(|| {
        let inner = Bomb { name: "inner" };
        panic("first");
    });
    println("never printed {}", r.is_err());
}
