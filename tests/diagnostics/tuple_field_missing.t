// Tuple elements are numbered from 0; there is no third one here.
fn main() {
    let pair = (1, true);
    println("{}", pair.2);
}
