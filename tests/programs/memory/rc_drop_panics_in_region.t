// A drop that panics while a borrowed copy is alive in the caller.
class Bomb { armed: bool, id: i64 }
impl Drop for Bomb {
    fn drop(&mut self) {
        println("drop bomb {}", self.id);
        if self.armed { panic("bomb {}", self.id); }
    }
}
class Box2 { a: Option<Bomb>, b: Bomb }

fn detonate(x: Bomb) -> i64 { x.id }

fn use_both(bx: &Box2) -> i64 {
    if let Some(a) = bx.a {
        let t = detonate(Bomb { armed: true, id: 9 });
        return a.id + t;
    }
    0
}

fn main() {
    let bx = Box2 { a: Some(Bomb { armed: false, id: 1 }), b: Bomb { armed: false, id: 2 } };
    let r = std::panic::catch(|| use_both(&bx));
    println("caught {}", r.is_err());
    println("end");
}
