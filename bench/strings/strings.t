// String workload: appends @N@ formatted numbers to one String (in place: its buffer is
// unique), then splits it back, parses each piece and sums them, and upper-cases a
// prefix. Measures format, push_str, split (substrings share the buffer) and parse.
// The argument count keeps the size from being a compile-time constant.
fn main() {
    let n = @N@ + std::env::arg_count() - 1;
    let mut s = String::new();
    let mut i = 0;
    while i < n { s.push_str(format("{},", i)); i += 1; }
    let mut total: i64 = 0;
    for w in s.split(",") { if !w.is_empty() { total += w.parse::<i64>().unwrap(); } }
    let upper = s.slice(0, 20).to_uppercase();
    println("{} {} {}", s.len(), total, upper);
}
