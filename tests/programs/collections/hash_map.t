// HashMap<K, V>: insert/get/remove/contains_key, the update helpers (get_or,
// get_or_insert, update), map[k], keys/values/iter, Debug, equality, collect,
// copy-on-write, class values dropped exactly once, and growth to many entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Pos { x: i32, y: i32 }

class Account { owner: String, balance: i64 }

impl Drop for Account {
    fn drop(&mut self) { print("close {} ", self.owner); }
}

fn word_counts(words: [String; 9]) -> HashMap<String, i64> {
    let mut counts: HashMap<String, i64> = HashMap::new();
    for w in words { counts.update(w, 0, |n| n + 1); }
    counts
}

fn main() {
    let mut m: HashMap<String, i64> = HashMap::new();
    println("{:?} {} {}", m, m.len(), m.is_empty());
    println("{:?} {:?} {:?}", m.insert("one", 1), m.insert("two", 2), m.insert("one", 11));
    println("{:?} {:?} {} {}", m.get(&"one"), m.get(&"three"), m.contains_key(&"two"), m.contains_key(&"zero"));
    println("{:?} len {}", m, m.len());

    // Copies share the table until one of them changes.
    let before = m;
    println("{:?} {:?}", m.remove(&"one"), m.remove(&"one"));
    m["three"] = 3;
    println("{:?} / {:?} / {}", m, before, before["one"]);
    println("{} {}", m == before, before == before.clone());

    // Counting, defaults.
    let counts = word_counts(["the", "cat", "and", "the", "hat", "and", "the", "end", "cat"]);
    let mut keys: Vec<String> = counts.keys().collect();
    keys.sort_by_key(|k| counts[k]);
    println("{} words, {} distinct; the most common is {:?}", counts.values().sum::<i64>(), counts.len(), keys.last());
    println("{} {}", counts.get_or(&"the", 0), counts.get_or(&"dog", 0));
    let mut firsts: HashMap<char, i64> = HashMap::new();
    println("{} {}", firsts.get_or_insert('a', 1), firsts.get_or_insert('a', 2));
    println("{} {:?}", firsts.get_or_insert_with('b', || 40 + 2), firsts.get(&'b'));
    println("{} {}", firsts.update('a', 0, |n| n * 10), firsts.update('c', 5, |n| n * 10));

    // Struct and tuple keys.
    let mut grid: HashMap<Pos, char> = HashMap::new();
    grid.insert(Pos { x: 0, y: 0 }, 'o');
    grid.insert(Pos { x: 1, y: -1 }, 'x');
    println("{:?} {:?}", grid.get(&Pos { x: 1, y: -1 }), grid.get(&Pos { x: -1, y: 1 }));
    let pairs: HashMap<(i64, i64), i64> = (0..4).map(|i| ((i, i * i), i)).collect();
    println("{:?} {:?}", pairs.get(&(3, 9)), pairs.get(&(3, 3)));

    // Iteration: every entry once.
    let squares: HashMap<i64, i64> = (1..=6).map(|i| (i, i * i)).collect();
    let mut seen: Vec<(i64, i64)> = squares.iter().collect();
    seen.sort();
    println("{:?}", seen);
    let mut total = 0;
    for (k, v) in squares { total += k * v; }
    println("{total}");
    let mut evens = squares;
    evens.retain(|k, v| v % 2 == 0);
    let mut even_keys: Vec<i64> = evens.keys().collect();
    even_keys.sort();
    println("{:?} (the original still has {})", even_keys, squares.len());

    // Many entries: growth, removal of a third, everything still found.
    let mut big: HashMap<u64, u64> = HashMap::with_capacity(10);
    for i in 0..5000u64 { big.insert(i * 7919, i); }
    let mut ok = big.len() == 5000;
    for i in 0..5000u64 {
        if i % 3 == 0 { ok = ok && big.remove(&(i * 7919)) == Some(i); }
    }
    for i in 0..5000u64 {
        let want = if i % 3 == 0 { None } else { Some(i) };
        ok = ok && big.get(&(i * 7919)) == want;
    }
    println("big map ok: {} ({} entries, room for {})", ok, big.len(), big.capacity() >= big.len());

    // Class values: replaced and removed values are dropped, the rest at the end.
    let mut accounts: HashMap<i64, Account> = HashMap::new();
    accounts.insert(1, Account { owner: "ann", balance: 10 });
    accounts.insert(2, Account { owner: "bob", balance: 20 });
    let old = accounts.insert(1, Account { owner: "ann2", balance: 30 });
    println("replaced {}", old.is_some());
    {
        let gone = move old;
    }
    println("| ");
    accounts.remove(&2);
    println("| {} left: {}", accounts.len(), accounts[1].balance);
    accounts.clear();
    println("| cleared");

    let nested: HashMap<i64, Vec<i64>> = (1..=2).map(|i| (i, (0..i).collect::<Vec<i64>>())).collect();
    println("{:#?}", nested);
}
