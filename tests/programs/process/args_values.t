// args: alpha beta --flag -x 123 ünïcödé
// Arguments are available by index, as Strings.
fn main() {
    let n = std::env::arg_count();
    let mut i = 1;
    while i < n {
        println("arg {} = [{}]", i, std::env::arg(i));
        i += 1;
    }
    println("has --flag: {}", has_flag("--flag"));
    println("has --other: {}", has_flag("--other"));
}

fn has_flag(f: String) -> bool {
    let mut i = 1;
    while i < std::env::arg_count() {
        if std::env::arg(i) == f {
            return true;
        }
        i += 1;
    }
    false
}
