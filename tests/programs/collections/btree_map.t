// BTreeMap<K, V>: the API (insert/get/remove, first/last, pop, iteration in key order
// both ways, keys/values, ranges, the update helpers, map[k], map[k].x += 1 in place,
// retain, extend, collect, ==, Debug), copy-on-write with path copying measured with
// std::mem::stats(), and keys and values that need dropping, dropped exactly once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Pos { x: i32, y: i32 }

#[derive(Debug, Clone)]
struct Account { owner: String, balance: i64, log: Vec<i64> }

/** Counts how many Tags are alive. */
class Census { alive: i64 }

/** A key that needs dropping: a class with its own order. */
class Tag { id: i64, census: Census }

impl Tag {
    fn new(id: i64, census: Census) -> Tag {
        census.alive += 1;
        Tag { id, census }
    }
}

impl Drop for Tag {
    fn drop(&mut self) { self.census.alive -= 1; }
}

impl PartialEq for Tag { fn eq(&self, other: &Tag) -> bool { self.id == other.id } }
impl Eq for Tag {}
impl PartialOrd for Tag { fn partial_cmp(&self, other: &Tag) -> Option<Ordering> { Some(self.cmp(&other)) } }
impl Ord for Tag { fn cmp(&self, other: &Tag) -> Ordering { self.id.cmp(&other.id) } }
impl Debug for Tag { fn fmt(&self, f: &mut Formatter) { write(f, "#{}", self.id) } }

fn allocations() -> u64 { std::mem::stats().allocations }

fn main() {
    // The basics, in key order whatever the insertion order.
    let mut m: BTreeMap<String, i64> = BTreeMap::new();
    println("{:?} {} {}", m, m.len(), m.is_empty());
    println("{:?} {:?} {:?}", m.insert("pear", 3), m.insert("apple", 1), m.insert("pear", 4));
    m.insert("fig", 2);
    m.insert("kiwi", 9);
    println("{:?} len {}", m, m.len());
    println("{:?} {:?} {} {}", m.get(&"fig"), m.get(&"plum"), m.contains_key(&"kiwi"), m["apple"]);
    println("{:?} {:?}", m.first_key_value(), m.last_key_value());
    let words: Vec<String> = m.keys().rev().collect();
    println("{:?} sum {}", words, m.values().sum::<i64>());
    println("{:?}", m.range_between("b", "l").collect::<Vec<(String, i64)>>());

    // Copies share the tree until one of them changes.
    let before = m;
    println("{:?} {:?}", m.remove(&"fig"), m.remove(&"fig"));
    m["plum"] = 5;
    println("{:?} / {:?}", m, before);
    let empty: BTreeMap<String, i64> = BTreeMap::default();
    println("{} {} {} {}", m == before, before == before.clone(), m != empty, empty.is_empty());

    // The update helpers and counting.
    let mut counts: BTreeMap<char, i64> = BTreeMap::new();
    for c in ['t', 'h', 'e', 'c', 'a', 't', 'h', 'a', 't'] { counts.update(c, 0, |n| n + 1); }
    println("{:?}", counts);
    println("{} {} {}", counts.get_or(&'t', 0), counts.get_or(&'z', 0), counts.get_or_insert('z', 26));
    println("{} {:?}", counts.get_or_insert_with('y', || 20 + 5), counts.pop_last());
    println("{:?} {:?} {}", counts.pop_first(), counts.get_key_value(&'c'), counts.len());

    // Struct keys, ranges over integers, iteration by `for`, retain, collect, extend.
    let mut grid: BTreeMap<Pos, char> = BTreeMap::new();
    grid.insert(Pos { x: 1, y: -1 }, 'x');
    grid.insert(Pos { x: 0, y: 5 }, 'o');
    grid.insert(Pos { x: 1, y: -3 }, '+');
    println("{:?}", grid);
    let squares: BTreeMap<i64, i64> = (1..=10).rev().map(|i| (i, i * i)).collect();
    println("{:?}", squares.range(3..6).collect::<Vec<(i64, i64)>>());
    println("{:?}", squares.range_from(8).map(|p| p.1).collect::<Vec<i64>>());
    let mut total = 0;
    for (k, v) in squares { total += k * v; }
    println("{total}");
    let mut evens = squares;
    evens.retain(|k, v| v % 2 == 0);
    evens.extend((20..23).map(|i| (i, 0)));
    println("{:?} (the original still has {})", evens.keys().collect::<Vec<i64>>(), squares.len());

    // Values changed where they are: `map[k].field += 1`, `map[k].log.push(x)`.
    let mut accounts: BTreeMap<i64, Account> = BTreeMap::new();
    accounts.insert(7, Account { owner: "ann", balance: 10, log: Vec::new() });
    accounts.insert(3, Account { owner: "bob", balance: 20, log: Vec::new() });
    let saved = accounts;
    accounts[7].balance += 5;
    accounts[7].log.push(5);
    accounts[3].log.push(-1);
    println("{:?}", accounts.values().map(|a| (a.owner, a.balance, a.log)).collect::<Vec<(String, i64, Vec<i64>)>>());
    println("saved: {:?}", saved.values().map(|a| (a.balance, a.log.len())).collect::<Vec<(i64, usize)>>());
    println("{:#?}", saved.get(&3));

    // Path copying: a change to a map nobody shares allocates nothing; the first change
    // after a copy copies only the nodes on the path to the entry: here 3 inner nodes (an
    // object and 3 arrays each) and a leaf (an object and 2 arrays).
    let mut big: BTreeMap<i64, i64> = BTreeMap::new();
    for i in 0..2000 { big.insert(i, i); }
    let a0 = allocations();
    for i in 0..2000 { big.insert(i, i * 2); }
    big[1000] += 1;
    println("2000 updates in place allocated {}", allocations() - a0);
    let copy = big;
    let a1 = allocations();
    big.insert(1001, -1);
    let first = allocations() - a1;
    big.insert(1001, -3);
    big.insert(1000, -2);   // in an inner node on the same path
    println("first change after a copy: {} allocations, then {}", first, allocations() - a1 - first);
    println("copy unchanged: {} {} {}; big: {} {}", copy[1000], copy[1001], copy.len(), big[1000], big[1001]);
    let a2 = allocations();
    let copied = copy;
    let mut n = 0;
    for (k, v) in copied.range(500..600) { n += v - 2 * k; }
    println("reading a copy allocated no nodes: {} ({})", allocations() - a2 <= 4, n);

    // Keys and values that need dropping: each dropped once, when its last owner goes.
    let census = Census { alive: 0 };
    {
        let mut tags: BTreeMap<Tag, Vec<Tag>> = BTreeMap::new();
        for i in 0..300 {
            let k = (i * 37) % 300;
            tags.insert(Tag::new(k, census), vec_of(k, census));
        }
        println("alive after inserts: {}", census.alive);
        let snapshot = tags;
        for i in 0..150 { tags.remove(&Tag::new(i * 2, census)); }
        tags[Tag::new(1, census)].push(Tag::new(-1, census));
        println("{} and {} entries, {} alive", tags.len(), snapshot.len(), census.alive);
        println("{:?} {:?}", tags.first_key_value(), tags.range_between(Tag::new(290, census), Tag::new(296, census)).map(|p| p.0).collect::<Vec<Tag>>());
        tags.clear();
        println("alive with only the snapshot: {}", census.alive);
    }
    println("alive at the end: {}", census.alive);
}

fn vec_of(k: i64, census: Census) -> Vec<Tag> {
    let mut v: Vec<Tag> = Vec::new();
    for j in 0..(k % 3) { v.push(Tag::new(1000 + j, census)); }
    v
}
