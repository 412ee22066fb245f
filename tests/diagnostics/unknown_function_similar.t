// Calling a misspelled function gets a suggestion.
fn compute_total(x: i64) -> i64 {
    x + 1
}

fn main() {
    println("{}", compute_totl(1));
}
