// A char literal holds exactly one character.
fn main() {
    let a = 'ab';
    let b = '';
    println("{} {}", a, b);
}
