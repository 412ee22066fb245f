// The unit value has no `{}` (Display) form; `{:?}` prints it.
fn nothing() {}

fn main() {
    println("{}", nothing());
}
