// link: values_helper.c
// extern "C": T calls C functions (values of each kind through and back, pointers to T's
// memory), and C calls T's `extern "C" fn`s back (values_helper.c), which T can call too.
extern "C" {
    fn c_add(a: i32, b: i32) -> i32;
    fn c_sum_squares(n: i64) -> i64;
    fn c_apply_scale(x: f64) -> f64;
    fn c_count_even(bytes: *u8, n: i64) -> i32;
    fn c_neg8(x: i8) -> i8;
    fn c_twice16(x: u16) -> u16;
    fn c_fill(out: *mut i64, n: i64);
}

extern "C" fn t_square(x: i64) -> i64 { x * x }
extern "C" fn t_scale(x: f64, f: f32) -> f64 { x * (f as f64) }
extern "C" fn t_is_even(x: u8) -> bool { x % 2 == 0 }

fn main() {
    unsafe {
        println("c_add: {}", c_add(40, 2));
        println("c_sum_squares: {}", c_sum_squares(10));
        println("c_apply_scale: {}", c_apply_scale(3.0));
        println("c_neg8: {}", c_neg8(-127));
        println("c_twice16: {}", c_twice16(30000));
        let p = std::ptr::alloc::<u8>(5);
        let mut i = 0usize;
        while i < 5 { p.add(i).write(i as u8); i += 1; }
        println("c_count_even: {}", c_count_even(p as *u8, 5));
        std::ptr::free(p);
        let q = std::ptr::alloc::<i64>(4);
        c_fill(q, 4);
        println("c_fill: {} {}", q.add(1).read(), q.add(3).read());
        std::ptr::free(q);
    }
    println("t_square from T: {}", t_square(12));
    println("t_is_even from T: {}", t_is_even(7));
}
