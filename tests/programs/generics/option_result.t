// Option and Result from the prelude: their methods, `?`, and `From` conversion of errors.

enum ParseError {
    Empty,
    BadDigit(char),
    TooBig,
}

impl Display for ParseError {
    fn fmt(&self, f: &mut Formatter) {
        match self {
            ParseError::Empty => write(f, "empty input"),
            ParseError::BadDigit(c) => write(f, "bad digit '{}'", c),
            ParseError::TooBig => write(f, "number too big"),
        }
    }
}

struct AppError {
    code: i32,
}

impl From<ParseError> for AppError {
    fn from(e: ParseError) -> AppError {
        match e {
            ParseError::Empty => AppError { code: 1 },
            ParseError::BadDigit(_) => AppError { code: 2 },
            ParseError::TooBig => AppError { code: 3 },
        }
    }
}

fn digit(c: char) -> Result<i64, ParseError> {
    if c >= '0' && c <= '9' {
        Ok((c as u32 - '0' as u32) as i64)
    } else {
        Err(ParseError::BadDigit(c))
    }
}

fn parse3(digits: [char; 3], used: usize) -> Result<i64, ParseError> {
    if used == 0 {
        return Err(ParseError::Empty);
    }
    let mut n = 0;
    for i in 0..used {
        n = n * 10 + digit(digits[i])?;
    }
    if n > 500 {
        return Err(ParseError::TooBig);
    }
    Ok(n)
}

fn run(digits: [char; 3], used: usize) -> Result<i64, AppError> {
    let n = parse3(digits, used)?;
    Ok(n * 2)
}

fn first_even(xs: [i64; 4]) -> Option<i64> {
    for x in xs {
        if x % 2 == 0 {
            return Some(x);
        }
    }
    None
}

fn halve_first_even(xs: [i64; 4]) -> Option<i64> {
    let e = first_even(xs)?;
    Some(e / 2)
}

fn main() {
    let inputs = [(['1', '2', '3'], 3), (['9', '9', '9'], 3), (['4', 'x', '1'], 3), (['7', '0', '0'], 0), (['4', '2', '0'], 2)];
    for input in inputs {
        let (digits, used) = input;
        match parse3(digits, used) {
            Ok(n) => println("ok {}", n),
            Err(e) => println("error: {}", e),
        }
        match run(digits, used) {
            Ok(n) => println("  run {}", n),
            Err(e) => println("  app error {}", e.code),
        }
    }
    println("{:?}", halve_first_even([3, 5, 8, 10]).unwrap());
    println("{}", halve_first_even([1, 3, 5, 7]).is_none());
    let r: Result<i64, ParseError> = Err(ParseError::TooBig);
    println("{}", r.is_err());
    println("{}", r.unwrap_or(-1));
    let o = Some(3).ok_or(ParseError::Empty);
    println("{}", o.unwrap());
    let none: Option<i64> = None;
    println("{}", none.or(Some(9)).unwrap());
    println("{}", digit('7').ok().unwrap());
    println("{}", digit('z').err().is_some());
    if let Some(v) = first_even([1, 2, 3, 4]) {
        println("first even {}", v);
    }
}
