// The object whose field a copy came from is dropped while the copy is alive.
class Inner { id: i64 }
impl Drop for Inner {
    fn drop(&mut self) { println("drop inner {}", self.id); }
}
class Outer { i: Inner, o: Option<Inner> }
impl Drop for Outer {
    fn drop(&mut self) { println("drop outer of {}", self.i.id); }
}

fn make(id: i64) -> Outer { Outer { i: Inner { id }, o: Some(Inner { id: id + 1 }) } }

fn reassign() -> i64 {
    let mut o = make(1);
    let x = o.i;
    o = make(10);
    println("x still {}", x.id);
    let y = o.i;
    x.id + y.id
}

fn optional() -> i64 {
    let mut o = make(20);
    if let Some(p) = o.o {
        o = make(30);
        println("p still {}", p.id);
        return p.id;
    }
    0
}

fn through(o: Outer) -> i64 {
    let x = o.i;
    let t = o;
    println("x {}", x.id);
    x.id + t.i.id
}

fn sink(o: Outer) -> i64 { 0 }

fn relied() -> i64 {
    let o = make(50);
    let x = o.i;
    sink(move o);
    println("x after sink {}", x.id);
    x.id
}

fn main() {
    println("relied {}", relied());
    println("reassign {}", reassign());
    println("optional {}", optional());
    println("through {}", through(make(40)));
    println("end");
}
