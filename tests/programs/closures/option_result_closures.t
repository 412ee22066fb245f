// Option and Result methods that take closures.
fn parse_digit(c: char) -> Result<i64, String> {
    if c >= '0' && c <= '9' { Ok(c as i64 - '0' as i64) } else { Err("not a digit") }
}

fn main() {
    let some: Option<i64> = Some(4);
    let none: Option<i64> = None;
    let base = 10;
    println("{:?} {:?}", some.map(|x| x * base), none.map(|x| x * base));
    println("{} {}", some.map_or(0, |x| x + 1), none.map_or(-1, |x| x + 1));
    println("{:?} {:?}", some.and_then(|x| if x > 3 { Some(x - 3) } else { None }), some.filter(|x| x % 2 == 1));
    println("{} {}", none.unwrap_or_else(|| base * 2), some.is_some_and(|x| x == 4));
    println("{:?} {:?}", none.or_else(|| Some(7)), none.ok_or_else(|| "missing"));
    let digit = parse_digit('7');
    let bad = parse_digit('x');
    println("{:?} {:?}", digit.map(|d| d * 3), bad.map(|d| d * 3));
    println("{:?}", bad.map_err(|e| 42));
    println("{:?}", digit.and_then(|d| if d > 5 { Ok(d) } else { Err("small") }));
    println("{} {}", bad.unwrap_or_else(|e| -1), digit.unwrap_or_else(|e| -1));
    println("{:?}", bad.or_else(|e| parse_digit('2')));
}
