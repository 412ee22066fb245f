// A misspelled method on a float gets a suggestion.
fn main() {
    let x = 2.0f64;
    let r = x.sqrtt();
}
