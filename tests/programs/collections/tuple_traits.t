// Pairs and triples implement PartialEq, Eq, PartialOrd, Ord (lexicographic), Hash,
// Clone, Copy, Default and Debug from their elements' impls — also inside generic code,
// where `a < b` and `a == b` on a tuple call those impls.
#[derive(Debug, Clone, Copy)]
struct Name { text: String, shown: i64 }

// Names are equal and ordered by their text only.
impl PartialEq for Name { fn eq(&self, other: &Name) -> bool { self.text == other.text } }
impl Eq for Name {}
impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<Ordering> { Some(self.cmp(&other)) }
}
impl Ord for Name {
    fn cmp(&self, other: &Name) -> Ordering { self.text.len().cmp(&other.text.len()) }
}

fn less<T: PartialOrd>(a: T, b: T) -> bool { a < b }
fn same<T: PartialEq>(a: T, b: T) -> bool { a == b }
fn largest<T: Ord + Copy>(items: [T; 4]) -> T {
    let mut best = items[0];
    for x in items { if x > best { best = x; } }
    best
}
fn hash_of<T: Hash>(x: &T) -> u64 {
    let mut h = Hasher::new();
    x.hash(&mut h);
    h.finish()
}

fn main() {
    println("{} {} {}", less((1, 'b'), (2, 'a')), less((2, 'a'), (1, 'b')), less((1, 'a'), (1, 'a')));
    println("{} {}", less((1, 2, 3), (1, 2, 4)), less((1, 2, 4), (1, 2, 3)));
    println("{:?}", largest([(1, 'z'), (3, 'a'), (3, 'b'), (2, 'q')]));
    let a = (1, Name { text: "ann", shown: 1 });
    let b = (1, Name { text: "ann", shown: 2 });
    println("equal by the impl: {}, ordered: {:?}", same(a, b), a.cmp(&b));
    // A pair hashes as its elements one after the other (as Rust hashes a tuple).
    let mut h = Hasher::new();
    h.write_u64(7);
    h.write_u32('x' as u32);
    println("{}", hash_of(&(7u64, 'x')) == h.finish());
    let d: (i64, bool, (char, u8)) = Default::default();
    println("{:?} {:?}", d, (1, 2).clone());
    let mut heap: BinaryHeap<(i64, char)> = BinaryHeap::new();
    for p in [(2, 'w'), (9, 'x'), (5, 'y'), (9, 'a')] { heap.push(p); }
    print("heap:");
    while let Some(p) = heap.pop() { print(" {:?}", p); }
    println("");
    let mut seen: HashSet<(i64, i64)> = HashSet::new();
    for i in 0..20 { seen.insert((i % 4, i % 6)); }
    println("{} distinct pairs, contains (3, 5): {}", seen.len(), seen.contains(&(3, 5)));
    let mut v: Vec<(i64, Name)> = Vec::new();
    v.push((2, Name { text: "bob", shown: 1 }));
    v.push((1, Name { text: "al", shown: 2 }));
    v.push((2, Name { text: "cy", shown: 3 }));
    v.sort();
    for (n, name) in v.iter() { print("{}:{} ", n, name.text); }
    println("");
}
