// Copy-on-write, measured with std::mem::stats(): a vector nobody shares changes in
// place (no allocation per change), a shared one is copied once, on its first change,
// and when everything is gone the allocator is back where it started.
fn allocations() -> u64 { std::mem::stats().allocations }

fn main() {
    let baseline = std::mem::stats();
    let mut v: Vec<i64> = Vec::new();
    let start = allocations();
    for i in 0..1000 { v.push(i); }
    let growth = allocations() - start;
    println("1000 pushes, {} allocations or fewer: {}", 12, growth <= 12);

    let before = allocations();
    for i in 0..1000 { v[i] = v[i] * 2; }
    v.swap(0, 999);
    v.reverse();
    println("in-place changes allocated {}", allocations() - before);

    let copy = v;                   // shares the buffer: no allocation
    let shared = allocations();
    v[0] = -1;                      // the first change copies: the buffer object and its block
    let first = allocations() - shared;
    v[1] = -2;                      // now v's own: in place
    println("copy on first change: {} allocations, then {}", first, allocations() - shared - first);
    println("copy unchanged: {} {}", copy[0], copy[1]);

    let mut nested: Vec<Vec<i64>> = Vec::new();
    for i in 0..10 { nested.push(v); }
    println("ten copies of a vector share one buffer: {}", allocations() - shared - first <= 6);
    let mut inner = nested[3];
    inner.push(7);
    println("{} {}", inner.len(), nested[3].len());

    let live = std::mem::stats();
    println("more blocks live now: {}", live.live_blocks > baseline.live_blocks);
}
