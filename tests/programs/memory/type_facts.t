// std::mem::size_of / align_of / needs_drop: constants per instance of a generic function.
class Counter { n: i64 }
struct Pair { a: u8, b: i64 }
struct Plain { xs: [i32; 3], flag: bool }
enum Shape { Dot, Circle(f64), Named(String) }

fn facts<T>() -> (usize, usize, bool) {
    (std::mem::size_of::<T>(), std::mem::align_of::<T>(), std::mem::needs_drop::<T>())
}

fn main() {
    println("i64 {:?}", facts::<i64>());
    println("u8 {:?}", facts::<u8>());
    println("() {:?}", facts::<()>());
    println("Pair {:?}", facts::<Pair>());
    println("Plain {:?}", facts::<Plain>());
    println("Counter {:?}", facts::<Counter>());
    println("Option<Counter> {:?}", facts::<Option<Counter>>());
    println("String {:?}", facts::<String>());
    println("Vec<i64> {:?}", facts::<Vec<i64>>());
    println("Weak<Counter> {:?}", facts::<Weak<Counter>>());
    println("(u8, u16) {:?}", facts::<(u8, u16)>());
    println("Shape needs_drop {}", std::mem::needs_drop::<Shape>());
    println("[i32; 5] {}", std::mem::size_of::<[i32; 5]>());
}
