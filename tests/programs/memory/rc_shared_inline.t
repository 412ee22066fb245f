// Retain and release are inline in compiled code for objects that are not shared; shared
// and immortal objects, and the last release, go to the runtime. The header word shows
// which path each copy took: the strong count in units of 4, bit 0 SHARED, bit 1 IMMORTAL
// (docs/abi.md, "Reference counting"). No tasks exist yet, so the test shares objects by
// calling the runtime's trt_rc_share itself; the leak check proves every object is freed.
class Node { id: i64, next: Option<Node> }

impl Drop for Node {
    fn drop(&mut self) {
        println("drop {}", self.id);
        if self.id == 13 { panic("node {} went off", self.id); }
    }
}

extern "C" {
    fn trt_rc_share(obj: *mut u8);
}

// The object's address: a class value is a pointer to its header.
fn address(n: &Node) -> *mut u8 {
    unsafe {
        let p = std::ptr::alloc::<Node>(1);
        p.write(n);
        let a = (p as *mut *mut u8).read();
        let back = p.take();
        std::ptr::free(p);
        a
    }
}

fn strong_word(n: &Node) -> u32 {
    unsafe { (address(&n) as *u32).read() }
}

fn share(n: &Node) {
    unsafe { trt_rc_share(address(&n)); }
}

fn keep(n: Node, v: &mut Vec<Node>) { v.push(n); }

fn explode() -> i64 {
    let bomb = Node { id: 13, next: None };
    share(&bomb);
    let copy = bomb;
    println("bomb {}", strong_word(&bomb));
    7
}

// Copies of an immortal object (what the compiler may emit for constants: strong word 2)
// never write its header.
fn immortal(slot: *mut Node) {
    let fake = unsafe { slot.read() };
    let copy = fake;
    let more = Some(copy);
    println("immortal {}", strong_word(&fake));
}

fn main() {
    // Not shared: the inline paths (4 per reference).
    let a = Node { id: 1, next: None };
    println("plain {}", strong_word(&a));
    let a2 = a;
    println("plain, copied {}", strong_word(&a));

    // Shared: every copy and drop goes through the runtime's atomic paths.
    let s = Node { id: 2, next: None };
    share(&s);
    println("shared {}", strong_word(&s));
    let mut v: Vec<Node> = Vec::new();
    for i in 0..1000 { keep(s, &mut v); }
    println("shared, 1001 references {}", strong_word(&s));
    v.clear();
    println("shared, back to one {}", strong_word(&s));

    // A plain object referencing a shared one: its drop glue releases the shared child.
    {
        let parent = Node { id: 3, next: Some(s) };
        println("shared child {}", strong_word(&s));
    }
    println("shared child released {}", strong_word(&s));

    // The last reference to a shared object: the runtime drops and frees it.
    // (The compiler's types have no `visit` yet, so sharing does not reach the child:
    // share it first, as trt_rc_share would.)
    let mut child = Node { id: 5, next: None };
    share(&child);
    let mut t = Node { id: 4, next: Some(child) };
    share(&t);
    match t.next {
        Some(c) => println("shared child {}", strong_word(&c)),
        None => {}
    }
    child = Node { id: 0, next: None };
    let w = Weak::from(t);
    println("weak sees {}", w.strong_count());
    t = Node { id: 6, next: None };
    println("after the last release {}", w.strong_count());

    // A shared object whose Drop panics, released on the way out of a function.
    let r = std::panic::catch(|| explode());
    match r {
        Ok(v) => println("ok {}", v),
        Err(p) => println("caught: {}", p.message()),
    }
    unsafe {
        // A header {strong 2, weak 0, type null} and room for a Node's fields, never read.
        let object = std::ptr::alloc::<u64>(5);
        object.write(2);
        object.add(1).write(0);
        let slot = std::ptr::alloc::<*mut u64>(1);
        slot.write(object);
        immortal(slot as *mut Node);
        println("immortal after {}", (object as *u32).read());
        std::ptr::free(slot);
        std::ptr::free(object);
    }
    println("end");
}
