// Misusing a String panics with a message and a location, and the program can catch it:
// a byte range past the end, a range off a char boundary, an empty split separator, a
// byte index past the end. Nothing leaks while unwinding.
fn attempt(name: String, f: fn(String) -> String) {
    let s = format("h{}llo", 'é');
    match std::panic::catch(|| f(s)) {
        Ok(v) => println("{name}: ok {v}"),
        Err(p) => println("{name}: {}", p.message()),
    }
}

fn past_end(s: String) -> String { s.slice(2, 40) }
fn inside_char(s: String) -> String { s[0..2] }
fn empty_separator(s: String) -> String { let v: Vec<String> = s.split("").collect(); v[0] }
fn byte_past_end(s: String) -> String { format("{}", s.byte_at(99)) }
fn fine(s: String) -> String { s[1..3] + "!" }

fn main() {
    attempt("past_end", past_end);
    attempt("inside_char", inside_char);
    attempt("empty_separator", empty_separator);
    attempt("byte_past_end", byte_past_end);
    attempt("fine", fine);
}
