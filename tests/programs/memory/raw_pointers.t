// Manual memory inside `unsafe { }`: blocks of values from the allocator, pointer
// arithmetic in units of the pointee, reads (copies), takes (moves), writes, and drops.
class Tag { id: i64 }

impl Drop for Tag {
    fn drop(&mut self) { println("drop tag {}", self.id); }
}

/** A fixed-capacity stack of tags over a raw block: what a collection does inside. */
struct TagStack { data: *mut Tag, len: usize, cap: usize }

impl TagStack {
    fn new(cap: usize) -> TagStack {
        TagStack { data: unsafe { std::ptr::alloc(cap) }, len: 0, cap }
    }
    fn push(&mut self, t: Tag) {
        if self.len == self.cap { panic("stack full"); }
        unsafe { self.data.add(self.len).write(t); }
        self.len += 1;
    }
    fn pop(&mut self) -> Option<Tag> {
        if self.len == 0 { return None; }
        self.len -= 1;
        unsafe { Some(self.data.add(self.len).take()) }
    }
    fn release(&mut self) {
        unsafe {
            while self.len > 0 {
                self.len -= 1;
                std::ptr::drop_in_place(self.data.add(self.len));
            }
            std::ptr::free(self.data);
        }
    }
}

fn main() {
    unsafe {
        let n: usize = 6;
        let p: *mut i64 = std::ptr::alloc(n);
        for i in 0..n { p.add(i).write(i as i64 * 3); }
        let grown = std::ptr::realloc(p, 2 * n);
        for i in n..2 * n { grown.add(i).write(-1); }
        let mut sum = 0;
        for i in 0..2 * n { sum += grown.add(i).read(); }
        println("sum {}", sum);
        let middle = grown.add(4);
        println("offset back {} {}", middle.offset(-2).read(), middle.offset(1).read());
        let address = grown as usize;
        println("round trip {}", (address as *mut i64).add(5).read());
        let view = grown as *i64;
        println("read-only view {}", view.add(3).read());
        std::ptr::free(grown);
        println("null {} {}", std::ptr::null::<i64>().is_null(), view.is_null());
        let arr = [10, 20, 30];
        println("unchecked {}", arr.get_unchecked(1));
    }

    let mut s = TagStack::new(4);
    for i in 1..=3 { s.push(Tag { id: i }); }
    match s.pop() {
        Some(t) => println("popped {}", t.id),
        None => println("empty"),
    }
    println("releasing");
    s.release();
    println("done");
}
