// BTreeSet<T>: insert/contains/remove, iteration in order (both ways), first/last,
// pop_first/pop_last, ranges, the set operations, equality, Debug, collect and
// copy-on-write, the order of strings; a heap-sort-like drain and a large set emptied from both ends.
fn main() {
    let mut s: BTreeSet<i64> = BTreeSet::new();
    println("{:?} {} {:?} {:?}", s, s.is_empty(), s.first(), s.pop_last());
    for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5] { s.insert(x); }
    println("{:?} len {}", s, s.len());
    println("{} {} {} {}", s.insert(7), s.insert(7), s.contains(&4), s.contains(&8));
    let copy = s;
    println("{} {} {} {:?}", s.remove(&4), s.remove(&4), copy.contains(&4), copy);
    println("{:?} {:?} {:?}", s.first(), s.last(), s.iter().rev().collect::<Vec<i64>>());
    println("{:?} {:?}", s.range(2..6).collect::<Vec<i64>>(), s.range_from(6).collect::<Vec<i64>>());

    let odd: BTreeSet<i64> = (0..10).filter(|x| x % 2 == 1).collect();
    println("union {:?}", s.union(&odd));
    println("intersection {:?}", s.intersection(&odd));
    println("difference {:?}", s.difference(&odd));
    println("symmetric {:?}", s.symmetric_difference(&odd));
    println("subset {} {} disjoint {}", odd.intersection(&s).is_subset(&s), s.is_subset(&odd), odd.is_disjoint(&s.difference(&odd)));

    let mut a: BTreeSet<char> = BTreeSet::new();
    let mut b: BTreeSet<char> = BTreeSet::new();
    for c in ['x', 'y', 'z'] { a.insert(c); }
    for c in ['z', 'x', 'y', 'x'] { b.insert(c); }
    println("{} {}", a == b, a.len());
    b.remove(&'y');
    println("{} {:?}", a == b, b);
    let mut small = a;
    small.retain(|c| c != 'y');
    println("{} {} {:#?}", small == b, a.contains(&'y'), small);

    let mut words: BTreeSet<String> = BTreeSet::new();
    for w in ["pear", "apple", "fig", "apple", "kiwi", "banana"] { words.insert(w); }
    println("{:?} {:?}", words, words.range_between("b", "g").collect::<Vec<String>>());
    // Strings are Ord: by bytes, a prefix first.
    let mut names: Vec<String> = Vec::new();
    for w in ["b", "ab", "a", "", "ba", "é", "z"] { names.push(w); }
    names.sort();
    println("{:?} {:?} {:?} {}", names, "abc".cmp(&"abd"), "ab".max("a"), "ab".lt(&"b"));

    // Sorting by a set: pop_first until empty.
    let mut state: u64 = 7;
    let mut seen: BTreeSet<u64> = BTreeSet::new();
    let mut dup = 0;
    for _ in 0..5000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        if !seen.insert(state % 3000) { dup += 1; }
    }
    println("{} distinct + {} repeats = 5000", seen.len(), dup);
    let saved = seen;
    let mut prev: i64 = -1;
    let mut sorted = true;
    let mut turn = 0;
    let mut hi: u64 = 3000;
    while !seen.is_empty() {
        // From both ends alternately: each end must keep its order.
        if turn % 2 == 0 {
            let x = seen.pop_first().unwrap() as i64;
            sorted = sorted && x > prev;
            prev = x;
        } else {
            let y = seen.pop_last().unwrap();
            sorted = sorted && y < hi;
            hi = y;
        }
        turn += 1;
    }
    println("drained in order: {} after {} pops; the copy still has {}", sorted, turn, saved.len());
    let mut count = 0;
    for x in saved { if x < 1500 { count += 1; } }
    println("{} below 1500, {:?} {:?}", count, saved.first(), saved.last());
    let empty: BTreeSet<i64> = BTreeSet::default();
    println("{:?} {}", empty, empty.clone() == empty);
}
