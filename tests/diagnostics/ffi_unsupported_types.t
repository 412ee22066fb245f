// Only integers, floats, bool, raw pointers and () cross between T and C.
struct Point { x: i64, y: i64 }

extern "C" {
    fn takes_string(s: String) -> i32;
    fn gives_point() -> Point;
    fn takes_array(a: [u8; 4]);
    fn fine(p: *mut u8, n: usize, f: f64, b: bool) -> *u8;
}

extern "C" fn generic<T>(x: i64) -> i64 { x }
extern "C" fn takes_tuple(t: (i64, i64)) -> i64 { t.0 }
extern "C" fn gives_char() -> char { 'a' }

fn main() {}

extern "C" fn memcpy(d: *mut u8, s: *u8, n: usize) -> *mut u8 { d }
