// When `Drop` runs: at the end of the scope that holds the last reference, in reverse
// declaration order; on `break`, `continue` and `return` for the scopes they leave;
// for a value nobody keeps, at once; an object's fields after the object itself.
class Noisy { name: String }

impl Drop for Noisy {
    fn drop(&mut self) { println("  drop {}", self.name); }
}

class Holder { first: Noisy, second: Noisy }

impl Drop for Holder {
    fn drop(&mut self) { println("  drop holder of {} and {}", self.first.name, self.second.name); }
}

fn make(name: String) -> Noisy { Noisy { name } }

fn early(flag: bool) -> i64 {
    let a = make("early.a");
    if flag {
        let b = make("early.b");
        return 1;
    }
    let c = make("early.c");
    2
}

fn pass_through(n: Noisy) -> Noisy { n }

fn main() {
    println("scope:");
    {
        let a = make("a");
        let b = make("b");
        let c = make("c");
        println("  end of scope");
    }
    println("shadowed copies share one object:");
    {
        let x = make("x");
        let y = x;
        let z = y;
        println("  three references");
    }
    println("loop with break and continue:");
    for i in 0..4 {
        let item = make(if i == 0 { "i0" } else if i == 1 { "i1" } else if i == 2 { "i2" } else { "i3" });
        if i == 1 { continue; }
        if i == 2 { break; }
        println("  body {}", i);
    }
    println("return from inside a block:");
    println("  early(true) = {}", early(true));
    println("  early(false) = {}", early(false));
    println("temporary:");
    make("temp");
    println("  after the statement");
    println("passed through a function:");
    let kept = pass_through(make("kept"));
    println("fields after the object:");
    {
        let h = Holder { first: make("first"), second: make("second") };
    }
    println("reassignment drops the old value:");
    let mut v = make("old");
    v = make("new");
    println("  reassigned");
    println("match arms own their bindings:");
    let maybe = Some(make("inside"));
    match maybe {
        Some(n) => println("  got {}", n.name),
        None => println("  none"),
    }
    println("end of main");
}
