// char literals: escapes and non-ASCII code points, printed as UTF-8.
fn main() {
    let c = 'x';
    let nl = '\n';
    let crab = '\u{1F980}';
    print("{}{}", c, nl);
    println("[{}] [{}] [{}]", 'é', crab, '\'');
    println("{}", c == 'x' && c != 'y' && 'a' < 'b');
    let code = crab as u32;
    println("{}", code);
}
