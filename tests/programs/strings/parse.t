fn port(s: &String) -> Result<u16, ParseError> {
    let n = s.parse::<u16>()?;
    if n == 0 { return Err(ParseError::new("port must not be 0")); }
    Ok(n)
}
fn main() {
    println("{:?} {:?} {:?}", "42".parse::<i64>(), "-7".parse::<i8>(), "300".parse::<u8>());
    println("{:?} {:?}", "x1".parse::<i32>(), "".parse::<u64>());
    println("{:?} {:?} {:?}", "2.5e3".parse::<f64>(), "0.1".parse::<f32>(), "nan?".parse::<f64>());
    println("{:?} {:?} {:?}", "true".parse::<bool>(), "é".parse::<char>(), "ab".parse::<char>());
    for s in ["8080", "0", "99999", "http"] {
        match port(&s) { Ok(p) => println("port {p}"), Err(e) => println("error: {e}") }
    }
    let total: i64 = "1 2 3 40".split(" ").map(|w| w.parse::<i64>().unwrap()).sum();
    println("{total}");
}
