// \x escapes only go up to \x7F (ASCII); use \u{..} for anything else.
fn main() {
    println("byte: \x80");
}
