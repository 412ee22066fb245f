// Vec's sorting, searching and bulk removal: sort (stable merge sort), sort_by,
// sort_by_key, binary_search, dedup, retain, drain, split_off and append — on numbers,
// structs and class objects (each dropped exactly once), with copy-on-write intact.
#[derive(Debug, Clone, PartialEq)]
struct Person { name: String, age: i64 }

class Tag { id: i64 }

impl Drop for Tag {
    fn drop(&mut self) { print("drop{} ", self.id); }
}

struct Rng { state: u64 }

impl Rng {
    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }
}

fn is_sorted(v: &Vec<i64>) -> bool {
    for i in 1..v.len() {
        if v[i - 1] > v[i] { return false; }
    }
    true
}

fn insertion_sorted(v: Vec<i64>) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::new();
    for x in v {
        let mut i = out.len();
        out.push(x);
        while i > 0 && out[i - 1] > x {
            out[i] = out[i - 1];
            i -= 1;
        }
        out[i] = x;
    }
    out
}

fn main() {
    // Numbers: random vectors of many lengths against insertion sort.
    let mut rng = Rng { state: 0x9e3779b97f4a7c15 };
    let mut all_ok = true;
    for n in [0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 100, 257, 1000] {
        let mut v: Vec<i64> = Vec::new();
        for _ in 0..n { v.push((rng.next() % 100) as i64 - 50); }
        let before = v;
        v.sort();
        if v != insertion_sorted(before) || !is_sorted(&v) { all_ok = false; println("bad sort of {}", n); }
        if before.len() != n { all_ok = false; }
    }
    println("random sorts agree: {all_ok}");

    // Already sorted, reversed, all equal.
    let mut up: Vec<i64> = (0..50).collect();
    let mut down: Vec<i64> = (0..50).rev().collect();
    let mut same: Vec<i64> = (0..40).map(|_| 7).collect();
    up.sort();
    down.sort();
    same.sort();
    println("{} {} {} first {:?} last {:?}", is_sorted(&up), is_sorted(&down), is_sorted(&same), down.first(), down.last());
    // Runs found already in order are copied whole (their right halves once went missing).
    println("lengths {} {} {}, sums {} {} {}", up.len(), down.len(), same.len(), up.iter().sum::<i64>(), down.iter().sum::<i64>(), same.iter().sum::<i64>());

    // sort_by (descending) and stability of sort_by_key.
    let mut people: Vec<Person> = Vec::new();
    for (name, age) in [("ann", 31), ("bob", 25), ("cy", 31), ("di", 19), ("ed", 25), ("flo", 31)] {
        people.push(Person { name, age });
    }
    let by_age = {
        let mut p = people;
        p.sort_by_key(|p| p.age);
        p
    };
    for p in by_age.iter() { print("{}:{} ", p.name, p.age); }
    println("");
    let mut desc = people;
    desc.sort_by(|a, b| b.age.cmp(&a.age));
    for p in desc.iter() { print("{} ", p.name); }
    println("");
    let mut rev_sorted = people;
    rev_sorted.sort_by_key(|p| Reverse(p.age));
    println("{}", rev_sorted == desc);
    println("original order kept: {}", people[0].name == "ann" && people[5].name == "flo");

    // Pairs sort lexicographically.
    let mut pairs: Vec<(i64, char)> = Vec::new();
    for p in [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')] { pairs.push(p); }
    pairs.sort();
    println("{:?}", pairs);

    // binary_search, binary_search_by_key.
    let sorted: Vec<i64> = (0..20).map(|x| x * 3).collect();
    println("{:?} {:?} {:?} {:?}", sorted.binary_search(&27), sorted.binary_search(&28), sorted.binary_search(&-1), sorted.binary_search(&100));
    println("{:?} {:?}", by_age.binary_search_by_key(&25, |p| p.age).is_ok(), by_age.binary_search_by_key(&26, |p| p.age));
    let empty: Vec<i64> = Vec::new();
    println("{:?}", empty.binary_search(&1));

    // dedup, retain, drain, split_off, append.
    let mut d: Vec<i64> = Vec::new();
    for x in [1, 1, 2, 3, 3, 3, 1, 4, 4] { d.push(x); }
    let shared = d;
    d.dedup();
    println("{:?} (the copy: {:?})", d, shared);
    let mut r: Vec<i64> = (1..=12).collect();
    r.retain(|x| x % 3 != 0);
    println("{:?}", r);
    let mut names: Vec<String> = people.iter().map(|p| p.name).collect();
    names.dedup_by_key(|n| n.len());
    println("{:?}", names);
    let mut dr: Vec<i64> = (0..10).collect();
    let middle = dr.drain(3..7);
    let none = dr.drain(2..2);
    println("{:?} {:?} {:?}", middle, dr, none);
    let tail = dr.split_off(4);
    println("{:?} {:?}", dr, tail);
    let mut other = tail;
    dr.append(&mut other);
    println("{:?} {:?} {:?}", dr, other, tail);

    // Class elements: sorting shares the objects; retain and drain drop the removed ones.
    let mut tags: Vec<Tag> = Vec::new();
    for id in [4, 2, 5, 1, 3] { tags.push(Tag { id }); }
    tags.sort_by_key(|t| t.id);
    for t in tags.iter() { print("{} ", t.id); }
    println("");
    tags.retain(|t| t.id % 2 == 1);
    println("| retained {}", tags.len());
    let gone = tags.drain(0..1);
    println("drained {}", gone[0].id);
    {
        let g = move gone;
    }
    println("| left {}", tags.len());

    // A comparison that panics leaves the vector as it was.
    let mut fragile: Vec<i64> = Vec::new();
    for x in [3, 1, 2] { fragile.push(x); }
    let caught = std::panic::catch(|| {
        let mut f = fragile;
        f.sort_by(|a, b| { if a == 2 || b == 2 { panic("cannot compare 2"); } a.cmp(&b) });
        f.len()
    });
    println("{} {:?}", caught.is_err(), fragile);
}
