// A copy at a variable's last use is a move (docs/language.md, "Copies and moves"): the
// copy gets the variable's buffer, nobody else holds it, and copy-on-write changes it in
// place. Blocks are counted with `std::mem::stats()`.
fn live() -> u64 { std::mem::stats().live_blocks }

fn grow(v: Vec<i64>) -> Vec<i64> {
    let mut w = v;          // v's last use: w is v's buffer, no copy when it grows
    w.push(4);
    w
}

fn main() {
    let mut v: Vec<i64> = Vec::with_capacity(8);
    v.push(1);
    let base = live();
    let mut w = v;          // last use of v
    w.push(2);              // unique: in place
    println("{:?} blocks {}", w, live() - base);

    // Not the last use: v2 is read afterwards, so w2 copies its buffer on the first push.
    let mut v2: Vec<i64> = Vec::with_capacity(8);
    v2.push(1);
    let before = live();
    let mut w2 = v2;
    w2.push(2);
    println("{:?} {:?} blocks {}", v2, w2, live() - before);

    // Passed to a function at its last use, grown in there in place.
    let before = live();
    let x = grow(w);
    println("{:?} blocks {}", x, live() - before);

    // In a loop, a variable read on the next iteration is not at its last use.
    let mut acc: Vec<i64> = Vec::with_capacity(4);
    acc.push(0);
    let mut i = 1;
    while i < 4 {
        let mut copy = acc;  // acc is read again next time round: a copy
        copy.push(i);
        println("{:?} {:?}", acc, copy);
        i += 1;
    }

    // Strings: the appended copy takes the buffer.
    let mut s = String::new();
    s.push_str("abc");
    let before = live();
    let mut t = s;
    t.push_str("def");
    println("{} blocks {}", t, live() - before);

    // Only one branch moves; the other keeps reading the variable.
    let mut m: Vec<i64> = Vec::with_capacity(4);
    m.push(7);
    let flip = x.len() > 2;
    if flip {
        let mut n = m;
        n.push(8);
        println("moved {:?}", n);
    } else {
        println("kept {:?}", m);
    }
}
