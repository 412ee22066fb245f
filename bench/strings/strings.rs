// The same workload as strings.t with Rust's String (std only).
fn main() {
    let n: i64 = @N@ + std::env::args().count() as i64 - 1;
    let mut s = String::new();
    let mut i = 0;
    while i < n { s.push_str(&format!("{},", i)); i += 1; }
    let mut total: i64 = 0;
    for w in s.split(",") { if !w.is_empty() { total += w.parse::<i64>().unwrap(); } }
    let upper = s[0..20].to_uppercase();
    println!("{} {} {}", s.len(), total, upper);
}
