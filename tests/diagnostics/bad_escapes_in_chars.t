// A bad escape inside a char or byte literal is reported once, for the escape.
fn main() { let b = b'\xff'; let c = '\q'; }
