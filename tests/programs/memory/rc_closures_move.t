// Copies into closures, moves and by-value hand-overs of objects with a noisy Drop: the
// RC passes (docs/midend.md) must keep every drop where the lowering put it.
class Token { id: i64 }
impl Drop for Token {
    fn drop(&mut self) { println("drop token {}", self.id); }
}
fn consume(t: Token) -> i64 { t.id }
fn keep(t: Token, into: &Bag) { into.t = Some(t); }
class Bag { t: Option<Token> }

fn main() {
    let a = Token { id: 1 };
    let f = || a.id * 2;
    println("f {}", f());
    let b = a;
    println("consume {}", consume(b));
    println("after consume");
    let bag = Bag { t: None };
    keep(a, &bag);
    println("kept");
    let c = Token { id: 2 };
    keep(move c, &bag);
    println("replaced");
    for i in 0..3 {
        let t = Token { id: 10 + i };
        if i == 1 { keep(t, &bag); }
        println("iter {}", i);
    }
    println("end");
}
