// flags: -O0
// std::backtrace::capture(): the call stack as a value; `{}` prints T's frames innermost
// first (at -O0 every call is a frame of its own).
fn inner(depth: i64) -> std::backtrace::Backtrace {
    if depth > 0 { return middle(depth - 1); }
    std::backtrace::capture()
}
fn middle(depth: i64) -> std::backtrace::Backtrace { inner(depth) }
fn main() {
    let bt = middle(2);
    println("{} frames, first nonzero {}", bt.len(), bt.address(0) != 0);
    println("{}", bt);
    println("{:?}", bt);
}
