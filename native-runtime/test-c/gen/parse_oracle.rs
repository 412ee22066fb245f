// parse_oracle.rs — Rust's own answers for the parse_* runtime tests.
//
// parse_gen.py compiles this with rustc and feeds it one case per line:
//     TYPE RADIX HEX
// TYPE is i8 i16 i32 i64 isize u8 u16 u32 u64 usize f32 f64 bool char
// (and nonzero_u8, for the message of IntErrorKind::Zero),
// RADIX is used by the integer types (10 means `str::parse`, anything else
// `from_str_radix`), HEX is the input's bytes in hexadecimal ("-" when
// empty).  For each it prints one line, in the format the generated C tests
// print:
//     ok VALUE      integers in decimal, floats as the hex of their bits
//                   (16 / 8 digits), bool as true/false, char as the hex of
//                   its scalar value
//     err MESSAGE   the error's Display text
use std::io::{self, BufRead, BufWriter, Write};

fn unhex(h: &str) -> Vec<u8> {
    if h == "-" {
        return Vec::new();
    }
    (0..h.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
        .collect()
}

macro_rules! int_case {
    ($t:ty, $s:expr, $radix:expr) => {{
        let r: Result<$t, _> = if $radix == 10 { $s.parse::<$t>() } else { <$t>::from_str_radix($s, $radix) };
        match r {
            Ok(v) => format!("ok {}", v),
            Err(e) => format!("err {}", e),
        }
    }};
}

fn main() {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        let mut it = line.split(' ');
        let ty = it.next().unwrap();
        let radix: u32 = it.next().unwrap().parse().unwrap();
        let bytes = unhex(it.next().unwrap());
        let s = std::str::from_utf8(&bytes).expect("cases must be UTF-8");
        let r = match ty {
            "i8" => int_case!(i8, s, radix),
            "i16" => int_case!(i16, s, radix),
            "i32" => int_case!(i32, s, radix),
            "i64" => int_case!(i64, s, radix),
            "isize" => int_case!(isize, s, radix),
            "u8" => int_case!(u8, s, radix),
            "u16" => int_case!(u16, s, radix),
            "u32" => int_case!(u32, s, radix),
            "u64" => int_case!(u64, s, radix),
            "usize" => int_case!(usize, s, radix),
            // only to obtain IntErrorKind::Zero's message
            "nonzero_u8" => match s.parse::<std::num::NonZeroU8>() {
                Ok(v) => format!("ok {}", v),
                Err(e) => format!("err {}", e),
            },
            "f64" => match s.parse::<f64>() {
                Ok(v) => format!("ok {:016x}", v.to_bits()),
                Err(e) => format!("err {}", e),
            },
            "f32" => match s.parse::<f32>() {
                Ok(v) => format!("ok {:08x}", v.to_bits()),
                Err(e) => format!("err {}", e),
            },
            "bool" => match s.parse::<bool>() {
                Ok(v) => format!("ok {}", v),
                Err(e) => format!("err {}", e),
            },
            "char" => match s.parse::<char>() {
                Ok(v) => format!("ok {:x}", v as u32),
                Err(e) => format!("err {}", e),
            },
            _ => panic!("unknown type {}", ty),
        };
        writeln!(out, "{}", r).unwrap();
    }
}
