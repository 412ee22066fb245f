// A misspelled variable gets a suggestion.
fn main() {
    let counter = 0;
    println("{}", countr + 1);
}
