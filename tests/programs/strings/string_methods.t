fn main() {
    let mut s = String::new();
    s.push_str("héllo");
    s.push(' ');
    s.push('w');
    s = s + "orld";
    println("{s} {}", s.len());
    println("[{}] [{}]", s.slice(0, 6), s[7..12]);
    for c in s.chars().rev() { print("{c}"); }
    println("");
    let parts: Vec<String> = "a,b,,c".split(",").collect();
    println("{:?} {}", parts, parts.join("+"));
    println("[{}]", "  pad me \n".trim());
    println("{} {} {:?} {:?}", s.starts_with("hé"), s.ends_with("ld"), s.find("o"), s.rfind("o"));
    println("{}", "a-b-c".replace("-", "::"));
    println("{}", "Hello".to_uppercase() + "Hello".to_lowercase());
    println("{}", "ab".repeat(3));
    let words: Vec<String> = "  the quick\tbrown  fox ".split_whitespace().collect();
    println("{:?}", words);
    for l in "one\ntwo\r\nthree".lines() { print("<{l}>"); }
    println("");
    println("{} {} {}", "apple" < "banana", "b" > "abc", "x".cmp(&"x") == Ordering::Equal);
    let t: String = "abc".chars().rev().collect();
    println("{t}");
    let mut big = String::new();
    let mut i = 0;
    while i < 10000 { big.push_str("xy"); i += 1; }
    println("{}", big.len());
}
