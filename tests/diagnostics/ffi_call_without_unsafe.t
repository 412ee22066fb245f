// Calling a foreign function is unsafe: the compiler cannot check what C does.
extern "C" {
    fn abs(x: i32) -> i32;
}

fn main() {
    let a = abs(-3);
    let f = abs;
    println("{}", a + unsafe { abs(4) });
}
