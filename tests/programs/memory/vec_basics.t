// Vec<T>: a growable array with value semantics. Copies share the buffer until one of
// them changes (copy-on-write), so `let w = v;` is cheap and `w` never sees v's changes.
#[derive(Debug, Clone, PartialEq)]
struct Point { x: i64, y: i64 }

fn squares(n: i64) -> Vec<i64> {
    let mut v = Vec::new();
    for i in 0..n { v.push(i * i); }
    v
}

fn sum(v: Vec<i64>) -> i64 {
    let mut total = 0;
    for x in v { total += x; }
    total
}

fn bump_all(v: &mut Vec<i64>) {
    for i in 0..v.len() { v[i] = v[i] + 1; }
}

fn main() {
    let v = squares(8);
    println("{:?} (len {}, sum {})", v, v.len(), sum(v));

    // Copies are independent values.
    let mut a = squares(4);
    let b = a;
    a.push(99);
    a[0] = -1;
    println("a = {:?}", a);
    println("b = {:?}", b);

    // In place through a reference.
    bump_all(&mut a);
    println("bumped {:?}", a);

    // pop, insert, remove, swap, truncate, reverse, contains, get/first/last.
    let mut w = Vec::new();
    for c in ['a', 'b', 'c', 'd', 'e'] { w.push(c); }
    println("pop {:?}, get(1) {:?}, get(9) {:?}", w.pop(), w.get(1), w.get(9));
    w.insert(0, 'z');
    let removed = w.remove(2);
    w.swap(0, 1);
    println("{:?} removed {} first {:?} last {:?}", w, removed, w.first(), w.last());
    w.reverse();
    println("reversed {:?} contains 'z': {} contains 'q': {}", w, w.contains(&'z'), w.contains(&'q'));
    w.truncate(2);
    println("truncated {:?} empty {}", w, w.is_empty());
    w.clear();
    println("cleared {:?} empty {}", w, w.is_empty());

    // Structs, equality, iterator pipelines and collect.
    let mut pts: Vec<Point> = Vec::with_capacity(3);
    for i in 0..3 { pts.push(Point { x: i, y: i * 10 }); }
    let ys: Vec<i64> = pts.iter().map(|p| p.y).collect();
    let big: Vec<Point> = pts.iter().filter(|p| p.x > 0).collect();
    println("{:?} {:?}", ys, big);
    println("equal {} {}", pts == pts.clone(), ys == squares(3));
    let mut more: Vec<i64> = Vec::new();
    more.extend(ys.iter().rev());
    println("extended {:?}, capacity at least 3: {}", more, pts.capacity() >= 3);
    let evens: Vec<i64> = (0..20).filter(|x| x % 2 == 0).collect();
    println("{} evens, last {:?}", evens.len(), evens.last());
}
