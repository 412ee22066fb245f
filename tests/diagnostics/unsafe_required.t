fn main() {
    let p: *mut i64 = std::ptr::alloc(4);
    p.write(1);
    let x = p.read();
    let a = [1, 2, 3];
    let y = a.get_unchecked(0);
    let q = p as *i64;
    unsafe { q.write(5); }
    std::ptr::free(p);
    println("{} {} {}", x, y, p.is_null());
}
