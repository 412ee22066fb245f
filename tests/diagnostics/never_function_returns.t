// A function declared to return `!` must not return normally.
fn stop() -> ! {
    println("stopping");
}

fn main() {
    stop();
}
