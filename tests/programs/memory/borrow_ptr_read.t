// `&p.read()` borrows the value at p where it lies (no copy), for `&T` parameters and for
// the operands of generic `==` and `<`; `&mut p.read()` still borrows a copy, so changes
// to it do not reach p. Run under T_LEAK_CHECK: a missing or extra retain would show.
fn same<T: PartialEq>(a: &T, b: &T) -> bool { a == b }
fn less<T: PartialOrd>(a: &T, b: &T) -> bool { a < b }
fn length(s: &String) -> usize { s.len() }
fn grow(s: &mut String) { s.push_str("!"); }

struct Named { name: String, n: i64 }

fn main() {
    unsafe {
        let p: *mut String = std::ptr::alloc(3);
        p.write("alpha".to_uppercase());
        p.add(1).write(format("{}{}", "be", "ta"));
        p.add(2).write("alpha".to_uppercase());
        let key = "ALPHA".to_lowercase().to_uppercase();
        println("{} {} {}", same(&p.read(), &key), same(&p.add(1).read(), &key), length(&p.add(1).read()));
        println("{} {}", less(&p.read(), &p.add(1).read()), p.read() == p.add(2).read());
        grow(&mut p.add(1).read());
        println("{}", p.add(1).read());
        let q: *mut Named = std::ptr::alloc(1);
        q.write(Named { name: "x".to_uppercase(), n: 1 });
        let r = Named { name: "X", n: 1 };
        println("{}", same(&q.read().name, &r.name));
        std::ptr::drop_in_place(q);
        std::ptr::free(q);
        let mut i: usize = 0;
        while i < 3 {
            std::ptr::drop_in_place(p.add(i));
            i += 1;
        }
        std::ptr::free(p);
    }
    // `==` on Strings in variables and fields compares them where they are.
    let a = "ab".to_uppercase();
    let b = Named { name: "AB".to_lowercase().to_uppercase(), n: 2 };
    println("{} {} {}", a == b.name, a != b.name, b.name == "AB");
}
