// By-value class parameters: released by the callee at its end, or on the way out of a panic.
class T { id: i64, next: Option<T> }
impl Drop for T {
    fn drop(&mut self) { println("drop {}", self.id); }
}

fn read(t: T) -> i64 { t.id }

fn overflow(t: T, k: i64) -> i64 { t.id * k }

fn depth(t: T) -> i64 {
    match t.next {
        Some(n) => 1 + depth(n),
        None => 1,
    }
}

fn two(a: T, b: T) -> i64 { a.id - b.id }

fn keep_first(a: T, b: T) -> T { a }

fn late_panic(t: T, k: i64) -> i64 {
    let x = t.id;
    if k > 5 { panic("late {}", k); }
    x
}

fn main() {
    println("read {}", read(T { id: 1, next: None }));
    let a = T { id: 2, next: None };
    println("read {}", read(a));
    println("read moved {}", read(move a));
    let r = std::panic::catch(|| overflow(T { id: 1 << 40, next: None }, 1 << 30));
    println("overflow caught {}", r.is_err());
    let chain = T { id: 10, next: Some(T { id: 11, next: Some(T { id: 12, next: None }) }) };
    println("depth {}", depth(chain));
    println("two {}", two(T { id: 5, next: None }, T { id: 3, next: None }));
    let k = keep_first(T { id: 6, next: None }, T { id: 7, next: None });
    println("kept {}", k.id);
    let r2 = std::panic::catch(|| late_panic(T { id: 8, next: None }, 9));
    println("late caught {}", r2.is_err());
    println("late ok {}", late_panic(T { id: 9, next: None }, 1));
    println("end");
}
