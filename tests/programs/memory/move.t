// `move x` hands a value over without a copy: the object's count does not change, and
// `x` is not dropped at the end of its scope (its drop flag says so, also when the move
// happened on only one path).
class Token { id: i64 }

impl Drop for Token {
    fn drop(&mut self) { println("drop token {}", self.id); }
}

fn consume(t: Token) -> i64 { t.id }


fn main() {
    let a = Token { id: 1 };
    let w = Weak::from(a);
    let b = move a;
    println("after move: {} strong", w.strong_count());
    println("consumed {}", consume(move b));
    println("still alive: {}", w.upgrade().is_some());

    for i in 0..3 {
        let t = Token { id: 10 + i };
        if i % 2 == 0 {
            println("moving {}", consume(move t));
        } else {
            println("keeping {}", t.id);
        }
        println("end of iteration {}", i);
    }

    let mut r = Token { id: 20 };
    let gone = move r;
    r = Token { id: 21 }; // a new value: usable again
    println("r is {}", r.id);
}
