//! fmt_gen.rs — generates the formatting tests native-runtime/test-c/fmt_*.c
//! and their .expected files, using Rust's own `format!` as the oracle.
//!
//! Each test is a C program that stands in for compiled T code: it calls the
//! runtime's trt_fmt_* functions on a list of values with a list of specs
//! and prints the results; the .expected file holds what Rust prints for the
//! same values and specs.  Rust specs must be literals, so every spec is
//! listed once below as a string; the same string is parsed here into the C
//! initializer of a trt_fmt_spec (the layout in include/trt_fmt.h).
//!
//! Run it by hand after changing it (the build never runs it), from the
//! repository root:
//!     rustc -O -o /tmp/fmt_gen native-runtime/test-c/gen/fmt_gen.rs
//!     /tmp/fmt_gen native-runtime/test-c
//! `/tmp/fmt_gen DIR SCALE` multiplies the random float samples by SCALE, for
//! a long run outside the repository (the files get big).
//!
//! Conventions of the float tests: one line per value, the outputs for each
//! spec separated by one space; runs of 10 or more '0' characters are
//! written `~N~` by a sink in the C program and by `squeeze` here, so that
//! 1e300 does not cost 300 bytes of zeros in the expected file.
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

// ---- specs -------------------------------------------------------------------

struct Spec {
    src: &'static str,
    fill: char,
    align: u8,
    flags: u8,
    width: i32,
    prec: i32,
    kind: u8,
}

const DISPLAY: u8 = 0;
const DEBUG: u8 = 1;
const LOWER_HEX: u8 = 2;
const UPPER_HEX: u8 = 3;
const OCTAL: u8 = 4;
const BINARY: u8 = 5;
const LOWER_EXP: u8 = 6;
const UPPER_EXP: u8 = 7;
const PLUS: u8 = 1;
const ALT: u8 = 2;
const ZERO: u8 = 4;
const DBG_LHEX: u8 = 8;
const DBG_UHEX: u8 = 16;

/// Parses the part of a Rust format spec after `{` (":..." or "").
fn parse(src: &'static str) -> Spec {
    let mut s = Spec { src, fill: ' ', align: 0, flags: 0, width: -1, prec: -1, kind: DISPLAY };
    let body: Vec<char> = src.strip_prefix(':').unwrap_or(src).chars().collect();
    let mut i = 0;
    let align_of = |c: char| match c {
        '<' => Some(1),
        '^' => Some(2),
        '>' => Some(3),
        _ => None,
    };
    if body.len() >= 2 && align_of(body[1]).is_some() {
        s.fill = body[0];
        s.align = align_of(body[1]).unwrap();
        i = 2;
    } else if !body.is_empty() && align_of(body[0]).is_some() {
        s.align = align_of(body[0]).unwrap();
        i = 1;
    }
    if i < body.len() && body[i] == '+' {
        s.flags |= PLUS;
        i += 1;
    }
    if i < body.len() && body[i] == '#' {
        s.flags |= ALT;
        i += 1;
    }
    if i < body.len() && body[i] == '0' {
        s.flags |= ZERO;
        i += 1;
    }
    let num = |i: &mut usize| -> i32 {
        let st = *i;
        while *i < body.len() && body[*i].is_ascii_digit() {
            *i += 1;
        }
        body[st..*i].iter().collect::<String>().parse().unwrap()
    };
    if i < body.len() && body[i].is_ascii_digit() {
        s.width = num(&mut i);
    }
    if i < body.len() && body[i] == '.' {
        i += 1;
        s.prec = num(&mut i);
    }
    let rest: String = body[i..].iter().collect();
    s.kind = match rest.as_str() {
        "" => DISPLAY,
        "?" => DEBUG,
        "x?" => {
            s.flags |= DBG_LHEX;
            DEBUG
        }
        "X?" => {
            s.flags |= DBG_UHEX;
            DEBUG
        }
        "x" => LOWER_HEX,
        "X" => UPPER_HEX,
        "o" => OCTAL,
        "b" => BINARY,
        "e" => LOWER_EXP,
        "E" => UPPER_EXP,
        _ => panic!("unsupported spec {}", src),
    };
    s
}

impl Spec {
    /// { fill, width, precision, kind, align, flags, reserved }
    fn c_init(&self) -> String {
        format!(
            "{{ 0x{:x}, {}, {}, {}, {}, 0x{:02x}, 0 }}",
            self.fill as u32, self.width, self.prec, self.kind, self.align, self.flags
        )
    }
}

type Fmt<T> = Box<dyn Fn(T) -> String>;

macro_rules! fmts {
    ($t:ty; $($s:literal),* $(,)?) => {
        vec![ $( (parse($s), Box::new(|v: $t| format!(concat!("{", $s, "}"), v)) as Fmt<$t>) ),* ]
    };
}

// ---- helpers --------------------------------------------------------------------

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64: deterministic, so the files are reproducible.
        self.0 = self.0.wrapping_add(0x9e3779b97f4a7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
}

/// Replaces runs of 10 or more '0' with ~N~ (the C sink does the same).
fn squeeze(s: &str) -> String {
    let mut out = String::new();
    let mut zeros = 0usize;
    let flush = |out: &mut String, zeros: &mut usize| {
        if *zeros >= 10 {
            write!(out, "~{}~", zeros).unwrap();
        } else {
            for _ in 0..*zeros {
                out.push('0');
            }
        }
        *zeros = 0;
    };
    for c in s.chars() {
        if c == '0' {
            zeros += 1;
        } else {
            flush(&mut out, &mut zeros);
            out.push(c);
        }
    }
    flush(&mut out, &mut zeros);
    out
}

/// A C string literal for arbitrary bytes.
fn c_bytes(b: &[u8]) -> String {
    let mut s = String::from("\"");
    for &c in b {
        if c == b'"' || c == b'\\' {
            s.push('\\');
            s.push(c as char);
        } else if (0x20..0x7f).contains(&c) && c != b'?' {
            s.push(c as char);
        } else {
            write!(s, "\\{:03o}", c).unwrap();
        }
    }
    s.push('"');
    s
}

fn header(name: &str, what: &str) -> String {
    format!(
        "/*\n * {}.c — {}\n *\n * GENERATED by native-runtime/test-c/gen/fmt_gen.rs from Rust's format!;\n * do not edit (regenerate: see the generator's comment).  Run like every\n * test-c program (README.md): stdout must equal {}.expected.\n */\n#include \"trt.h\"\n\n",
        name, what, name
    )
}

fn write_test(dir: &Path, name: &str, c: &str, expected: &str) {
    fs::write(dir.join(format!("{}.c", name)), c).unwrap();
    fs::write(dir.join(format!("{}.expected", name)), expected).unwrap();
    fs::write(dir.join(format!("{}.expected_stderr", name)), "").unwrap();
    fs::write(dir.join(format!("{}.expected_status", name)), "0\n").unwrap();
    eprintln!("{}: {} + {} bytes", name, c.len(), expected.len());
}

fn spec_table<T>(name: &str, specs: &[(Spec, Fmt<T>)]) -> String {
    let mut c = format!("static const trt_fmt_spec {}[{}] = {{\n", name, specs.len());
    for (s, _) in specs {
        writeln!(c, "\t{}, /* {{{}}} */", s.c_init(), s.src.replace("*/", "*\\/")).unwrap();
    }
    c.push_str("};\n\n");
    c
}

/// C code shared by the float tests: the zero-squeezing sink.
const SQUEEZE_SINK: &str = r#"/* A sink that writes runs of 10 or more '0' as ~N~ (see the generator),
 * buffering its output and passing it on to the stdout sink. */
struct squeeze {
	trt_sink base;
	trt_sink *to;
	int64_t zeros;
	int64_t n;
	uint8_t buf[512];
};

static void sq_byte(struct squeeze *q, uint8_t b)
{
	if (q->n == (int64_t)sizeof q->buf) {
		trt_sink_write(q->to, q->buf, q->n);
		q->n = 0;
	}
	q->buf[q->n++] = b;
}

static void sq_flush_zeros(struct squeeze *q)
{
	int64_t z = q->zeros;
	q->zeros = 0;
	if (z >= 10) {
		uint8_t d[20];
		int nd = 0;
		do {
			d[nd++] = (uint8_t)('0' + z % 10);
			z /= 10;
		} while (z != 0);
		sq_byte(q, '~');
		while (nd > 0)
			sq_byte(q, d[--nd]);
		sq_byte(q, '~');
	} else {
		for (; z > 0; z--)
			sq_byte(q, '0');
	}
}

static void sq_write(trt_sink *self, const uint8_t *bytes, int64_t len)
{
	struct squeeze *q = (struct squeeze *)self;
	for (int64_t i = 0; i < len; i++) {
		if (bytes[i] == '0') {
			q->zeros++;
		} else {
			sq_flush_zeros(q);
			sq_byte(q, bytes[i]);
		}
	}
}

/* Ends the current value and writes a separator. */
static void sq_sep(struct squeeze *q, uint8_t sep)
{
	sq_flush_zeros(q);
	sq_byte(q, sep);
}

static void sq_done(struct squeeze *q)
{
	sq_flush_zeros(q);
	trt_sink_write(q->to, q->buf, q->n);
	q->n = 0;
}

static struct squeeze sq = { { sq_write }, 0, 0, 0, { 0 } };

"#;

/// A float test: every value formatted with every spec, one line per value.
/// `bits_ty` is the C type of the value table, `call` the formatting call.
fn float_test<T: Copy>(
    dir: &Path,
    name: &str,
    what: &str,
    vals: &[u64],
    from_bits: impl Fn(u64) -> T,
    specs: &[(Spec, Fmt<T>)],
    is_f32: bool,
) {
    let mut c = header(name, what);
    c.push_str(SQUEEZE_SINK);
    c.push_str(&spec_table("specs", specs));
    let ty = if is_f32 { "uint32_t" } else { "uint64_t" };
    writeln!(c, "static const {} vals[{}] = {{", ty, vals.len()).unwrap();
    for chunk in vals.chunks(4) {
        let items: Vec<String> = chunk
            .iter()
            .map(|v| if is_f32 { format!("0x{:08x}u", v) } else { format!("0x{:016x}u", v) })
            .collect();
        writeln!(c, "\t{},", items.join(", ")).unwrap();
    }
    c.push_str("};\n\n");
    let (fty, call) = if is_f32 { ("float", "trt_fmt_f32") } else { ("double", "trt_fmt_f64") };
    write!(
        c,
        r#"int32_t t_entry(void)
{{
	sq.to = trt_stream_sink(TRT_STDOUT);
	for (int64_t i = 0; i < (int64_t)(sizeof vals / sizeof vals[0]); i++) {{
		union {{ {ty} u; {fty} f; }} v = {{ .u = vals[i] }};
		for (int64_t s = 0; s < (int64_t)(sizeof specs / sizeof specs[0]); s++) {{
			/* the plain {{}} spec goes through the NULL-spec path */
			const trt_fmt_spec *spec = s == 0 ? 0 : &specs[s];
			{call}(&sq.base, v.f, spec);
			sq_sep(&sq, s + 1 < (int64_t)(sizeof specs / sizeof specs[0]) ? ' ' : '\n');
		}}
	}}
	sq_done(&sq);
	return 0;
}}
"#,
        ty = ty,
        fty = fty,
        call = call
    )
    .unwrap();
    assert_eq!(specs[0].0.src, "", "the first spec of a float test is {{}}");
    let mut e = String::new();
    for &b in vals {
        let v = from_bits(b);
        let outs: Vec<String> = specs.iter().map(|(_, f)| squeeze(&f(v))).collect();
        e.push_str(&outs.join(" "));
        e.push('\n');
    }
    write_test(dir, name, &c, &e);
}

// ---- float values ------------------------------------------------------------------

fn f64_bits(x: f64) -> u64 {
    x.to_bits()
}

/// Values every f64 test starts with.
fn f64_specials() -> Vec<u64> {
    let mut v: Vec<u64> = [
        0.0, -0.0, f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE, -f64::MIN_POSITIVE,
        f64::MAX, f64::MIN, f64::EPSILON, 1.0, -1.0, 0.1, 0.2, 0.3, 1.0 / 3.0, 2.0 / 3.0,
        std::f64::consts::PI, std::f64::consts::E, 1.5, -1.5, 2.5, 0.5, 0.25, 0.125, 100.0,
        123456789.0, 1e21, 1e22, 1e23, 1e-5, 1e-6, 1e-7, 9007199254740992.0,
        9007199254740993.0, 562949953421312.25, 562949953421312.75, 1e15, 1e16, 1e17,
        9999999999999998.0, 0.0001, 0.00009999999999999999, 2.675, 1.005, 0.045, 5e-324,
        -5e-324, 1.7976931348623157e308, 4.9406564584124654e-324, 2.2250738585072009e-308,
    ]
    .iter()
    .map(|&x| f64_bits(x))
    .collect();
    v.extend_from_slice(&[
        0x7ff8000000000000, 0xfff8000000000000, 0x7ff0000000000001, 0x7fffffffffffffff,
        0x000fffffffffffff, 0x0000000000000001, 0x0010000000000000, 0x0010000000000001,
        0x7fefffffffffffff, 0x3ff0000000000001, 0x3fefffffffffffff,
    ]);
    v
}

/// Neighbours of powers of ten and two, Debug's thresholds, ties.
fn f64_structured(r: &mut Rng) -> Vec<u64> {
    let mut v = Vec::new();
    for k in -325..=308 {
        let b = f64_bits(format!("1e{}", k).parse::<f64>().unwrap());
        for d in [-1i64, 0, 1] {
            let x = b as i64 + d;
            if x > 0 && x < 0x7ff0000000000000 {
                v.push(x as u64);
            }
        }
    }
    for e in 0..2046u64 {
        v.push((e + 1) << 52); // 2^(e - 1022)
        if e % 3 == 0 {
            v.push(((e + 1) << 52) - 1); // the largest value below it
        }
    }
    for k in 0..52 {
        v.push(1u64 << k); // subnormal powers of two
    }
    for t in [1e16f64, 1e-4, 1e15, 1e17, 1e-5, 1e-3] {
        let b = f64_bits(t);
        for d in -12i64..=12 {
            v.push((b as i64 + d) as u64);
        }
    }
    // n + j/2^t with t fraction bits: exact ties between two shortest
    // candidates happen here (562949953421312.25 -> ...312.3).
    for t in 1..=12u32 {
        for _ in 0..40 {
            let n = (1u64 << (52 - t)) + r.below(1u64 << (52 - t));
            let j = r.below(1u64 << t) | 1;
            let x = n as f64 + j as f64 / (1u64 << t) as f64;
            v.push(f64_bits(x));
            v.push(f64_bits(-x));
        }
    }
    v
}

/// Decimal strings with few digits: their shortest forms are short, and the
/// interval ends are often exact.
fn short_decimal(r: &mut Rng, emin: i64, emax: i64) -> f64 {
    let digits = r.range(1, 17) as u32;
    let m = 1 + r.below(10u64.pow(digits) - 1);
    let e = r.range(emin, emax);
    let x: f64 = format!("{}e{}", m, e).parse().unwrap();
    if r.below(2) == 0 { x } else { -x }
}

fn random_finite_f64(r: &mut Rng) -> u64 {
    loop {
        let b = r.next();
        if (b >> 52) & 0x7ff != 0x7ff {
            return b;
        }
    }
}

/// A double with its binary exponent drawn uniformly from [lo, hi].
fn f64_with_exp(r: &mut Rng, lo: i64, hi: i64) -> u64 {
    let e = (r.range(lo, hi) + 1023) as u64;
    (r.below(2) << 63) | (e << 52) | (r.next() & ((1u64 << 52) - 1))
}

fn f64_short_values(r: &mut Rng, scale: usize) -> Vec<u64> {
    let mut v = f64_specials();
    v.extend(f64_structured(r));
    for _ in 0..3000 * scale {
        v.push(f64_bits(short_decimal(r, -330, 310)));
    }
    for _ in 0..1000 * scale {
        v.push((r.below(2) << 63) | (r.next() & ((1u64 << 52) - 1))); // subnormal
    }
    for _ in 0..1000 * scale {
        let x = r.next() >> r.below(64);
        v.push(f64_bits(x as f64)); // integers
    }
    for _ in 0..2000 * scale {
        v.push(f64_with_exp(r, -30, 70)); // where Display is short
    }
    while v.len() < 20000 * scale {
        v.push(random_finite_f64(r));
    }
    v
}

fn f64_exact_values(r: &mut Rng, scale: usize) -> Vec<u64> {
    let mut v = f64_specials();
    // Exact ties for {:.N}: few fraction bits.
    for t in 1..=8u32 {
        for _ in 0..60 {
            let n = r.below(1000);
            let j = r.below(1u64 << t) | 1;
            let x = n as f64 + j as f64 / (1u64 << t) as f64;
            v.push(f64_bits(if r.below(2) == 0 { x } else { -x }));
        }
    }
    for _ in 0..2500 * scale {
        v.push(f64_bits(short_decimal(r, -12, 8)));
    }
    while v.len() < 6000 * scale {
        v.push(f64_with_exp(r, -70, 70));
    }
    v
}

fn f64_big_values(r: &mut Rng, scale: usize) -> Vec<u64> {
    let mut v: Vec<u64> = [
        f64::MAX, f64::MIN_POSITIVE, 5e-324, 1e308, 1e-308, 1e300, 1e-300, 2.5e-323,
        1e23, 1e-23, 0.5, 2f64.powi(-1074 + 51),
    ]
    .iter()
    .map(|&x| f64_bits(x))
    .collect();
    v.push(0x000fffffffffffff);
    for _ in 0..20 * scale {
        v.push((r.below(2) << 63) | (r.next() & ((1u64 << 52) - 1)));
    }
    while v.len() < 100 * scale {
        v.push(random_finite_f64(r));
    }
    v
}

fn f32_values(r: &mut Rng, scale: usize) -> Vec<u64> {
    let mut v: Vec<u64> = [
        0.0f32, -0.0, f32::INFINITY, f32::NEG_INFINITY, f32::NAN, f32::MIN_POSITIVE,
        f32::MAX, f32::MIN, f32::EPSILON, 1.0, 1.1, 0.1, 0.2, 0.3, 1.0 / 3.0, 3.4028235e38,
        1e-45, 1.4e-45, 16777216.0, 16777217.0, 1e16, 1e-4, 9.999999e15, 1e15, 1e17,
        0.00009999999, 2.5, 0.5, 1.5, 1e10, 1e-10,
    ]
    .iter()
    .map(|&x| x.to_bits() as u64)
    .collect();
    for k in -46..=38 {
        let b = format!("1e{}", k).parse::<f32>().unwrap().to_bits();
        for d in [-1i64, 0, 1] {
            let x = b as i64 + d;
            if x > 0 && x < 0x7f800000 {
                v.push(x as u64);
            }
        }
    }
    for e in 0..254u64 {
        v.push((e + 1) << 23);
        v.push(((e + 1) << 23) - 1);
    }
    for t in [1e16f32, 1e-4] {
        for d in -8i64..=8 {
            v.push((t.to_bits() as i64 + d) as u64);
        }
    }
    for _ in 0..1000 * scale {
        let digits = r.range(1, 9) as u32;
        let m = 1 + r.below(10u64.pow(digits) - 1);
        let x: f32 = format!("{}e{}", m, r.range(-46, 38)).parse().unwrap();
        v.push(x.to_bits() as u64);
    }
    for _ in 0..500 * scale {
        v.push(r.below(1 << 23) | (r.below(2) << 31));
    }
    while v.len() < 5000 * scale {
        let b = r.next() as u32;
        if (b >> 23) & 0xff != 0xff {
            v.push(b as u64);
        }
    }
    v
}

// ---- integers ------------------------------------------------------------------

macro_rules! int_specs {
    ($t:ty) => {
        fmts!($t;
            "", ":?", ":x", ":X", ":o", ":b", ":e", ":E",
            ":#x", ":#X", ":#o", ":#b", ":+", ":+x", ":+#x", ":+e", ":#", ":#?", ":+?",
            ":1", ":5", ":<5", ":^5", ":>5", ":*<7", ":*^7", ":*>7", ":é^8", ":😀>6", ":-^30",
            ":05", ":+05", ":#06x", ":#010b", ":+#012o", ":<05", ":*^+08", ":^#10x",
            ":>+#10X", ":030", ":+30", ":0", ":00", ":.3", ":10.3", ":#5", ":#<5x",
            ":.0e", ":.1e", ":.2e", ":.5e", ":.25e", ":+.3E", ":012.2e", ":^15.3e", ":*<12e",
            ":+012.1e", ":#e", ":.0E", ":1e",
            ":x?", ":X?", ":#x?", ":5x?", ":08X?", ":+x?", ":08?", ":^9?", ":+#06?"
        )
    };
}

/// One value of one integer type: (C type tag, value as i128, Rust outputs).
fn int_rows<T: Copy + Into<i128>>(tag: u8, vals: &[T], specs: &[(Spec, Fmt<T>)], rows: &mut Vec<(u8, i128, Vec<String>)>) {
    for &v in vals {
        rows.push((tag, v.into(), specs.iter().map(|(_, f)| f(v)).collect()));
    }
}

fn int_test(dir: &Path, r: &mut Rng) {
    let mut i64s: Vec<i64> = vec![
        0, 1, -1, 5, -5, 9, 10, 15, 16, 99, 100, 127, -128, 255, 256, 1000, 1234, 1235, 1245,
        1250, 1255, 12345, -12345, 999, 995, 9995, 99950, 1999, 2147483647, -2147483648,
        4294967296, 1000000000000000, 123456789012345678, i64::MAX, i64::MIN, i64::MIN + 1,
        -1000000, 1000000000000000000, 999999999999999999, 10, -10, 120, 125, 135, 1005,
        10050, 100500, 9999999999, 25, 35, 45, 15000001,
    ];
    for _ in 0..150 {
        let x = (r.next() >> r.below(64)) as i64;
        i64s.push(if r.below(2) == 0 { x } else { x.wrapping_neg() });
    }
    let mut u64s: Vec<u64> = vec![
        0, 1, u64::MAX, u64::MAX - 1, 1 << 63, 10000000000000000000, 12345678901234567890,
        18446744073709551000, 9999999999999999999,
    ];
    for _ in 0..30 {
        u64s.push(r.next() >> r.below(64));
    }
    let mut rows = Vec::new();
    let specs = int_specs!(i64);
    int_rows(0, &i64s, &specs, &mut rows);
    int_rows(1, &u64s, &int_specs!(u64), &mut rows);
    int_rows(2, &[i32::MIN, -1, 0, 1, i32::MAX, -123456], &int_specs!(i32), &mut rows);
    int_rows(3, &[i16::MIN, -1, 300, i16::MAX], &int_specs!(i16), &mut rows);
    int_rows(4, &[i8::MIN, -1, 0, 1, i8::MAX, -100], &int_specs!(i8), &mut rows);
    int_rows(5, &[u32::MAX, 0, 1 << 31], &int_specs!(u32), &mut rows);
    int_rows(6, &[u16::MAX, 256], &int_specs!(u16), &mut rows);
    int_rows(7, &[255u8, 0, 7], &int_specs!(u8), &mut rows);

    let mut c = header(
        "fmt_int",
        "integers of every width with every kind and flag.\n *\n * x/X/o/b (and {:x?}) of a signed type take the bits masked to the\n * type's width through trt_fmt_u64, as the compiler passes them.",
    );
    c.push_str(&spec_table("specs", &specs));
    c.push_str("/* ty: 0 i64, 1 u64, 2 i32, 3 i16, 4 i8, 5 u32, 6 u16, 7 u8 */\n");
    c.push_str("struct ival {\n\tuint8_t ty;\n\tuint64_t bits;\n};\n\n");
    writeln!(c, "static const struct ival vals[{}] = {{", rows.len()).unwrap();
    for (tag, v, _) in &rows {
        writeln!(c, "\t{{ {}, 0x{:016x}u }},", tag, *v as i64 as u64).unwrap();
    }
    c.push_str("};\n\n");
    c.push_str(r#"static const uint8_t widths[8] = { 64, 64, 32, 16, 8, 32, 16, 8 };

static bool is_radix(const trt_fmt_spec *s)
{
	return (s->kind >= TRT_FMT_LOWER_HEX && s->kind <= TRT_FMT_BINARY) ||
	       (s->kind == TRT_FMT_DEBUG &&
	        (s->flags & (TRT_FMT_FLAG_DEBUG_LOWER_HEX | TRT_FMT_FLAG_DEBUG_UPPER_HEX)));
}

int32_t t_entry(void)
{
	trt_sink *out = trt_stream_sink(TRT_STDOUT);
	for (int64_t i = 0; i < (int64_t)(sizeof vals / sizeof vals[0]); i++) {
		const struct ival *v = &vals[i];
		bool is_signed = v->ty == 0 || (v->ty >= 2 && v->ty <= 4);
		uint64_t mask = widths[v->ty] == 64 ? ~0ull : (1ull << widths[v->ty]) - 1;
		for (int64_t s = 0; s < (int64_t)(sizeof specs / sizeof specs[0]); s++) {
			const trt_fmt_spec *spec = s == 0 ? 0 : &specs[s];
			if (s > 0)
				trt_sink_write(out, (const uint8_t *)"|", 1);
			if (is_radix(&specs[s]))
				trt_fmt_u64(out, v->bits & mask, spec);
			else if (is_signed)
				trt_fmt_i64(out, (int64_t)v->bits, spec);
			else
				trt_fmt_u64(out, v->bits, spec);
		}
		trt_sink_write(out, (const uint8_t *)"\n", 1);
	}
	return 0;
}
"#);
    let mut e = String::new();
    for (_, _, outs) in &rows {
        assert!(outs.iter().all(|o| !o.contains('|')));
        e.push_str(&outs.join("|"));
        e.push('\n');
    }
    write_test(dir, "fmt_int", &c, &e);
}

// ---- text ----------------------------------------------------------------------

/// Rust's Debug of bytes that may not be UTF-8: valid runs as str Debug
/// does them, each malformed byte as \xNN (what trt_fmt_str promises).
fn debug_bytes(b: &[u8]) -> String {
    let mut s = String::from("\"");
    for chunk in b.utf8_chunks() {
        let d = format!("{:?}", chunk.valid());
        s.push_str(&d[1..d.len() - 1]);
        for &x in chunk.invalid() {
            write!(s, "\\x{:02x}", x).unwrap();
        }
    }
    s.push('"');
    s
}

fn text_test(dir: &Path) {
    let mut strs: Vec<String> = [
        "", "a", "hello", "héllo", "日本語", "😀x😀", "a\u{301}", "\u{301}a", "tab\there",
        "quote\"s'", "back\\slash", "\0\x01\x1f\x7f", "\u{80}\u{9f}\u{a0}\u{ad}",
        "\u{200b}\u{200d}\u{feff}", "\u{2028}\u{2029}", "\u{e000}", "\u{10ffff}",
        "\u{1f600}\u{1f1fa}\u{1f1f8}", "\u{e0001}\u{e0020}", "line\nbreak\r\n", "{}", "|[]",
        "ÿ\u{378}\u{5bf}\u{61c}", "Ω≈ç√∫", "\u{fff9}\u{fffc}\u{fffd}\u{ffff}",
        "e\u{301}\u{302}\u{303}", "\u{1d173}\u{e01ef}", "ab\u{85}cd", "a b",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Long strings crossing many table entries.
    strs.push((0x80u32..0x3000).step_by(23).filter_map(char::from_u32).collect());
    strs.push((0x3000u32..0x30000).step_by(401).filter_map(char::from_u32).collect());
    strs.push((0xe0000u32..0x110000).step_by(4093).filter_map(char::from_u32).collect());
    let specs = fmts!(&str;
        "", ":?", ":10", ":<10", ":^10", ":>10", ":*^9", ":é>7", ":.0", ":.1", ":.3",
        ":10.2", ":^10.4", ":05", ":+", ":#?", ":10?", ":.2?", ":1", ":3", ":😀<6.5", ":-^2"
    );
    let chars_specs = fmts!(char; "", ":?", ":5", ":^5", ":.0", ":-<3", ":05", ":#?", ":>4?");
    let bools_specs = fmts!(bool; "", ":?", ":10", ":^9", ":.2", ":>7?", ":05", ":*<6");

    // Chars: all of ASCII and Latin-1 and a few more with every spec; both
    // sides of every boundary of the escape table with {} and {:?} only.
    let mut chars: Vec<char> = (0u32..0x100).filter_map(char::from_u32).collect();
    chars.extend(['\u{d7ff}', '\u{e000}', '\u{10ffff}', '\u{1f600}', '\u{301}', '日']);
    let mut edges: Vec<char> = Vec::new();
    let esc = |c: char| format!("{:?}", c).starts_with("'\\u{");
    let mut prev = false;
    for cp in 0x100u32..=0x10ffff {
        if let Some(c) = char::from_u32(cp) {
            let e = esc(c);
            if e != prev {
                if let Some(p) = char::from_u32(cp - 1) {
                    edges.push(p);
                }
                edges.push(c);
                prev = e;
            }
        }
    }

    let bad: Vec<Vec<u8>> = vec![
        b"\xff".to_vec(), b"a\x80b".to_vec(), b"\xe2\x82".to_vec(), b"\xe2\x82a".to_vec(),
        b"\xc0\xafz".to_vec(), b"\xed\xa0\x80".to_vec(), b"\xf4\x90\x80\x80".to_vec(),
        b"\xf0\x9f\x98".to_vec(), "ok\u{1f600}".as_bytes().to_vec(), b"\xc3\xa9\xc3".to_vec(),
    ];

    let mut c = header(
        "fmt_text",
        "strings, chars and bools: padding, truncation, Debug escapes.\n *\n * Every output is printed between [ and ].  The escape-table boundaries\n * come from asking Rust which chars its Debug prints as \\u{..}.",
    );
    c.push_str(&spec_table("str_specs", &specs));
    c.push_str(&spec_table("char_specs", &chars_specs));
    c.push_str(&spec_table("bool_specs", &bools_specs));
    c.push_str("struct text {\n\tconst char *p;\n\tint64_t len;\n};\n\n");
    writeln!(c, "static const struct text strs[{}] = {{", strs.len()).unwrap();
    for s in &strs {
        writeln!(c, "\t{{ {}, {} }},", c_bytes(s.as_bytes()), s.len()).unwrap();
    }
    c.push_str("};\n\n");
    writeln!(c, "static const struct text bad[{}] = {{", bad.len()).unwrap();
    for s in &bad {
        writeln!(c, "\t{{ {}, {} }},", c_bytes(s), s.len()).unwrap();
    }
    c.push_str("};\n\n");
    for (name, list) in [("chars", &chars), ("edges", &edges)] {
        writeln!(c, "static const uint32_t {}[{}] = {{", name, list.len()).unwrap();
        for chunk in list.chunks(8) {
            let items: Vec<String> = chunk.iter().map(|&ch| format!("0x{:x}", ch as u32)).collect();
            writeln!(c, "\t{},", items.join(", ")).unwrap();
        }
        c.push_str("};\n\n");
    }
    c.push_str(r#"#define N(a) ((int64_t)(sizeof a / sizeof a[0]))

static trt_sink *out;

static void put(const char *s)
{
	int64_t n = 0;
	while (s[n] != '\0')
		n++;
	trt_sink_write(out, (const uint8_t *)s, n);
}

static const trt_fmt_spec *spec_at(const trt_fmt_spec *t, int64_t i)
{
	return i == 0 ? 0 : &t[i]; /* {} goes through the NULL-spec path */
}

int32_t t_entry(void)
{
	out = trt_stream_sink(TRT_STDOUT);
	for (int64_t i = 0; i < N(strs); i++) {
		for (int64_t s = 0; s < N(str_specs); s++) {
			put("[");
			trt_fmt_str(out, (const uint8_t *)strs[i].p, strs[i].len, spec_at(str_specs, s));
			put("]");
		}
		put("\n");
	}
	static const trt_fmt_spec debug = { ' ', -1, -1, TRT_FMT_DEBUG, 0, 0, 0 };
	for (int64_t i = 0; i < N(bad); i++) {
		put("[");
		trt_fmt_str(out, (const uint8_t *)bad[i].p, bad[i].len, &debug);
		put("]\n");
	}
	for (int64_t i = 0; i < N(chars); i++) {
		for (int64_t s = 0; s < N(char_specs); s++) {
			put("[");
			trt_fmt_char(out, chars[i], spec_at(char_specs, s));
			put("]");
		}
		put("\n");
	}
	/* {} and {:?} (the first two char specs) of the escape-table edges */
	for (int64_t i = 0; i < N(edges); i++) {
		for (int64_t s = 0; s < 2; s++) {
			put("[");
			trt_fmt_char(out, edges[i], spec_at(char_specs, s));
			put("]");
		}
		put("\n");
	}
	for (int64_t i = 0; i < 2; i++) {
		for (int64_t s = 0; s < N(bool_specs); s++) {
			put("[");
			trt_fmt_bool(out, i == 1, spec_at(bool_specs, s));
			put("]");
		}
		put("\n");
	}
	return 0;
}
"#);
    let mut e = String::new();
    for s in &strs {
        for (_, f) in &specs {
            write!(e, "[{}]", f(s.as_str())).unwrap();
        }
        e.push('\n');
    }
    for b in &bad {
        writeln!(e, "[{}]", debug_bytes(b)).unwrap();
    }
    for &ch in &chars {
        for (_, f) in &chars_specs {
            write!(e, "[{}]", f(ch)).unwrap();
        }
        e.push('\n');
    }
    for &ch in &edges {
        for (_, f) in &chars_specs[..2] {
            write!(e, "[{}]", f(ch)).unwrap();
        }
        e.push('\n');
    }
    for b in [false, true] {
        for (_, f) in &bools_specs {
            write!(e, "[{}]", f(b)).unwrap();
        }
        e.push('\n');
    }
    write_test(dir, "fmt_text", &c, &e);
}

// ---- float specs -------------------------------------------------------------------

fn fspec_test(dir: &Path) {
    let vals: Vec<u64> = [
        0.0, -0.0, 1.0, -1.0, 1.5, -2.5, 0.1, 123.456, -123.456, 1e-7, 1e16, 1e21, 1e100,
        5e-324, f64::MAX, f64::NAN, -f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.5, 9.995,
        0.001, -0.0004, 99.99, 0.05,
    ]
    .iter()
    .map(|&x| f64_bits(x))
    .collect();
    let specs = fmts!(f64;
        "", ":?", ":e", ":E", ":10", ":<10", ":^10", ":>10", ":*^12", ":é<9", ":+", ":+?",
        ":+e", ":010", ":+010", ":-^10", ":010.3", ":+012.4e", ":^+15.2", ":.0", ":.1", ":.3",
        ":.0e", ":.3E", ":#?", ":#", ":#010.2", ":12?", ":012?", ":<012", ":.0?", ":.5?",
        ":x?", ":1", ":2.1", ":+.0", ":030.10e", ":😀>20.5", ":^7?", ":+08?", ":200", ":0",
    );
    float_test(dir, "fmt_fspec", "f64 and f32 with fill, alignment, sign, zero padding.",
        &vals, f64::from_bits, &specs, false);
    let vals32: Vec<u64> = vals.iter().map(|&b| (f64::from_bits(b) as f32).to_bits() as u64).collect();
    let specs32 = fmts!(f32;
        "", ":?", ":e", ":10", ":^10", ":+", ":010", ":+010.3", ":.2e", ":12?", ":.0?", ":-<9",
    );
    float_test(dir, "fmt_fspec32", "f32 with fill, alignment, sign, zero padding.",
        &vals32, |b| f32::from_bits(b as u32), &specs32, true);
}

// ---- main -------------------------------------------------------------------------

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(args.get(1).map(|s| s.as_str()).unwrap_or("."));
    let scale: usize = args.get(2).map(|s| s.parse().unwrap()).unwrap_or(1);
    let mut r = Rng(0x7f4a_7c15_2545_f491);

    int_test(dir, &mut r);
    text_test(dir);
    fspec_test(dir);

    let short = fmts!(f64; "", ":?", ":e");
    float_test(
        dir, "fmt_f64_short", "f64 shortest round-trip digits: {}, {:?}, {:e}.",
        &f64_short_values(&mut r, scale), f64::from_bits, &short, false,
    );
    let exact = fmts!(f64; "", ":.0", ":.1", ":.2", ":.5", ":.17", ":.2e", ":.16e");
    float_test(
        dir, "fmt_f64_exact", "f64 exactly rounded digits: {:.N} and {:.Ne}.",
        &f64_exact_values(&mut r, scale), f64::from_bits, &exact, false,
    );
    let big = fmts!(f64; "", ":.0", ":.3", ":.30", ":.1074", ":.40e", ":.800e", ":.0e");
    float_test(
        dir, "fmt_f64_big", "f64 with many exact digits (huge and tiny values).",
        &f64_big_values(&mut r, scale), f64::from_bits, &big, false,
    );
    let f32s = fmts!(f32; "", ":?", ":e", ":.3", ":.8e");
    float_test(
        dir, "fmt_f32", "f32: shortest digits for f32, exact digits.",
        &f32_values(&mut r, scale), |b| f32::from_bits(b as u32), &f32s, true,
    );
}
