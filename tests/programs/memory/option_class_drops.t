// Objects held through `Option<C>` fields (a pointer, null for None) are released exactly
// once: trees, lists, a shared child, fields overwritten with Some and None, values moved
// in and out of vectors, and a panic unwinding through frames that own some. Each object
// says when it is dropped; T_LEAK_CHECK=1 fails the test on any object left behind.

class Tree {
    name: String,
    left: Option<Tree>,
    right: Option<Tree>,
}

impl Drop for Tree {
    fn drop(&mut self) { println("drop {}", self.name); }
}

fn leaf(name: String) -> Tree { Tree { name, left: None, right: None } }

fn count(t: &Tree) -> i64 {
    let mut c = 1;
    if let Some(l) = t.left { c += count(&l); }
    if let Some(r) = t.right { c += count(&r); }
    c
}

fn build(depth: i64) -> Option<Tree> {
    if depth == 0 { return None; }
    Some(Tree { name: format("d{}", depth), left: build(depth - 1), right: None })
}

fn boom(t: Option<Tree>) {
    let held = t;
    if held.is_some() { panic("boom"); }
}

fn main() {
    {
        let root = leaf("root");
        let shared = leaf("shared");
        root.left = Some(shared);
        root.right = Some(Tree { name: "right", left: Some(shared), right: None });
        println("nodes {} (shared counted twice)", count(&root));
        println("overwrite left");
        root.left = Some(leaf("new-left"));
        println("clear right");
        root.right = None;
        println("end of scope");
    }
    println("--");
    {
        let chain = build(3);
        println("chain {}", count(&chain.unwrap()));
        let mut v: Vec<Option<Tree>> = Vec::new();
        v.push(chain);
        v.push(None);
        v.push(Some(leaf("in-vec")));
        let popped = v.pop().unwrap().unwrap();
        println("pop {}", popped.name);
        v[0] = None;
        println("vec of {}", v.len());
    }
    println("--");
    let r = std::panic::catch(|| boom(Some(leaf("unwound"))));
    println("caught {}", r.is_err());
}
