// HashSet<T>: insert/contains/remove/len, iteration, the set operations, equality
// regardless of order, collect and copy-on-write.
fn sorted(s: &HashSet<i64>) -> Vec<i64> {
    let mut v: Vec<i64> = s.iter().collect();
    v.sort();
    v
}

fn main() {
    let mut s: HashSet<i64> = HashSet::new();
    println("{:?} {}", s, s.is_empty());
    for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5] { s.insert(x); }
    println("{:?} len {}", sorted(&s), s.len());
    println("{} {} {} {}", s.insert(7), s.insert(7), s.contains(&4), s.contains(&8));
    let copy = s;
    println("{} {} {}", s.remove(&4), s.remove(&4), copy.contains(&4));

    let odd: HashSet<i64> = (0..10).filter(|x| x % 2 == 1).collect();
    println("union {:?}", sorted(&s.union(&odd)));
    println("intersection {:?}", sorted(&s.intersection(&odd)));
    println("difference {:?}", sorted(&s.difference(&odd)));
    println("subset {} {}", odd.intersection(&s).is_subset(&s), s.is_subset(&odd));

    // Equality does not depend on the insertion order.
    let mut a: HashSet<char> = HashSet::new();
    let mut b: HashSet<char> = HashSet::new();
    for c in ['x', 'y', 'z'] { a.insert(c); }
    for c in ['z', 'x', 'y', 'x'] { b.insert(c); }
    println("{} {}", a == b, a.len());
    b.remove(&'y');
    println("{} {:?}", a == b, b.len());
    let mut small = a;
    small.retain(|c| c != 'y');
    println("{} {}", small == b, a.contains(&'y'));

    // Distinct values of a sequence.
    let mut state: u64 = 7;
    let mut distinct: HashSet<u64> = HashSet::new();
    let mut dup = 0;
    for _ in 0..1000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        if !distinct.insert(state % 500) { dup += 1; }
    }
    println("{} distinct + {} repeats = 1000", distinct.len(), dup);
    let mut count = 0;
    for x in distinct { if x < 500 { count += 1; } }
    println("{count}");

    let words: HashSet<String> = HashSet::new();
    let mut w = words;
    w.insert("hello");
    println("{:?} {:?}", w, words);
}
