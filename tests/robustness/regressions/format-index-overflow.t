// Known bug: an argument index too big for an int in a format string crashes tcc check
// (NumberFormatException at tlang.frontend.check.FormatString.parse) instead of a diagnostic.
fn main() {
    println("{99999999999}", 1);
}
