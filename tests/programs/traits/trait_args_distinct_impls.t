// Two impls of one generic trait for one type, differing only in the trait's argument,
// are two functions (they once shared a symbol), as are the instances of a generic impl
// whose parameter appears only in the trait's argument.
struct P { x: i64 }

impl Add<i64> for P { type Output = i64; fn add(self, o: i64) -> i64 { self.x + o } }
impl Add<bool> for P { type Output = i64; fn add(self, o: bool) -> i64 { if o { self.x * 100 } else { 0 } } }

struct Tag<T> { v: T }
struct Table { base: i64 }

impl<T> Index<Tag<T>> for Table {
    type Output = Tag<T>;
    fn index(&self, t: Tag<T>) -> Tag<T> { t }
}

fn main() {
    println("{} {}", P { x: 2 } + 5, P { x: 2 } + true);
    let table = Table { base: 0 };
    let a: Tag<i64> = table[Tag { v: 7 }];
    let b: Tag<String> = table[Tag { v: "seven" }];
    println("{} {}", a.v, b.v);
}
