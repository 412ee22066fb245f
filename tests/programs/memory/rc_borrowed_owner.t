class Item { id: i64 }
impl Drop for Item {
    fn drop(&mut self) { println("drop item {}", self.id); }
}
class Inner { item: Item }
class Outer { inner: Inner }

fn sink(o: Outer, d: i64) {
    if d > 0 { sink(o, d - 1); return; }
    println("sink");
}

// hp points into owner's object: the copy x must keep the item alive after owner goes.
fn f(hp: &Inner, owner: Outer, d: i64) -> i64 {
    if d > 0 { return f(&hp, owner, d - 1); }
    let x = hp.item;
    sink(move owner, 0);
    println("x is {}", x.id);
    x.id
}

fn main() {
    let o = Outer { inner: Inner { item: Item { id: 7 } } };
    // `f(&o.inner, move o, 0)` (lending a part of o and giving o away in one call) is
    // error E0506 now; lent through a second variable, the callee's copy must still keep
    // the item alive after the owner it was given is gone.
    let inner = o.inner;
    let r = f(&inner, move o, 0);
    println("r {}", r);
}
