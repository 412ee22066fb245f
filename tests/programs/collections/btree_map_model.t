// A model-based test of BTreeMap<i64, i64>: 24,000 pseudo-random operations (xorshift,
// fixed seed) in phases that grow the tree, churn it, and empty it (deletion-heavy, so
// nodes borrow from their siblings, merge, and the root shrinks), each result checked
// against a model: a Vec of pairs kept sorted, searched with binary_search. After each
// phase the whole map is compared with the model in order (forward and backward), with
// first/last and key ranges; snapshots (copies) must keep their contents. Prints counts.
struct Rng { state: u64 }

impl Rng {
    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }
    fn below(&mut self, n: u64) -> i64 { (self.next() % n) as i64 }
}

/** The model: (key, value) pairs sorted by key. */
struct Model { pairs: Vec<(i64, i64)> }

impl Model {
    fn find(&self, k: i64) -> Result<usize, usize> { self.pairs.binary_search_by_key(&k, |p| p.0) }
    fn get(&self, k: i64) -> Option<i64> {
        match self.find(k) {
            Ok(i) => Some(self.pairs[i].1),
            Err(_) => None,
        }
    }
    fn insert(&mut self, k: i64, v: i64) -> Option<i64> {
        match self.find(k) {
            Ok(i) => {
                let old = self.pairs[i].1;
                self.pairs[i].1 = v;
                Some(old)
            }
            Err(i) => {
                self.pairs.insert(i, (k, v));
                None
            }
        }
    }
    fn remove(&mut self, k: i64) -> Option<i64> {
        match self.find(k) {
            Ok(i) => Some(self.pairs.remove(i).1),
            Err(_) => None,
        }
    }
    /** The pairs with keys in lo..hi. */
    fn range(&self, lo: i64, hi: i64) -> Vec<(i64, i64)> {
        let mut out: Vec<(i64, i64)> = Vec::new();
        for p in self.pairs.iter() { if p.0 >= lo && p.0 < hi { out.push(p); } }
        out
    }
}

struct Stats { mismatches: i64, ops: i64, checks: i64 }

impl Stats {
    fn expect(&mut self, ok: bool, what: String) {
        if !ok {
            if self.mismatches < 10 { println("mismatch: {}", what); }
            self.mismatches += 1;
        }
    }
}

/** The whole map against the model: length, order both ways, first/last, a few ranges. */
fn compare(map: &BTreeMap<i64, i64>, model: &Model, rng: &mut Rng, stats: &mut Stats) {
    stats.checks += 1;
    stats.expect(map.len() == model.pairs.len(), "len");
    let forward: Vec<(i64, i64)> = map.iter().collect();
    stats.expect(forward == model.pairs, "iteration order");
    let mut backward: Vec<(i64, i64)> = map.iter().rev().collect();
    backward.reverse();
    stats.expect(backward == model.pairs, "reverse iteration");
    let keys: Vec<i64> = map.keys().collect();
    let values: Vec<i64> = map.values().collect();
    let mut ok = keys.len() == model.pairs.len() && values.len() == model.pairs.len();
    for i in 0..keys.len() { ok = ok && keys[i] == model.pairs[i].0 && values[i] == model.pairs[i].1; }
    stats.expect(ok, "keys/values");
    stats.expect(map.first_key_value() == model.pairs.first() && map.last_key_value() == model.pairs.last(), "first/last");
    for _ in 0..5 {
        let lo = rng.below(2200) - 100;
        let hi = lo + rng.below(400);
        let got: Vec<(i64, i64)> = map.range(lo..hi).collect();
        stats.expect(got == model.range(lo, hi), "range");
    }
    let from: Vec<(i64, i64)> = map.range_from(1000).collect();
    stats.expect(from == model.range(1000, 1 << 40), "range_from");
}

/** One random operation on keys below `space`; `insert_weight` of 10 ops insert. */
fn step(map: &mut BTreeMap<i64, i64>, model: &mut Model, rng: &mut Rng, stats: &mut Stats, space: u64, insert_weight: u64) {
    stats.ops += 1;
    let k = rng.below(space);
    let op = rng.below(10) as u64;
    if op < insert_weight {
        let v = rng.below(1000000);
        let got = map.insert(k, v);
        stats.expect(got == model.insert(k, v), "insert");
        return;
    }
    match rng.below(8) {
        0 | 1 | 2 => {
            let got = map.remove(&k);
            stats.expect(got == model.remove(k), "remove");
        }
        3 => {
            let got = map.get(&k);
            stats.expect(got == model.get(k) && map.contains_key(&k) == got.is_some(), "get");
        }
        4 => {
            let got = map.update(k, 1, |v| v * 3 % 1000);
            let want = match model.get(k) { Some(v) => v * 3 % 1000, None => 3 };
            model.insert(k, want);
            stats.expect(got == want, "update");
        }
        5 => {
            // In place through IndexPlace when present, `map[k] = v` when not.
            if model.get(k).is_some() {
                map[k] += 7;
                let v = model.get(k).unwrap();
                model.insert(k, v + 7);
            } else {
                map[k] = 5;
                model.insert(k, 5);
            }
            stats.expect(map.get(&k) == model.get(k), "index");
        }
        6 => {
            let got = map.pop_first();
            let want = if model.pairs.is_empty() { None } else { Some(model.pairs.remove(0)) };
            stats.expect(got == want, "pop_first");
        }
        _ => {
            let got = map.pop_last();
            stats.expect(got == model.pairs.pop(), "pop_last");
        }
    }
    stats.expect(map.len() == model.pairs.len(), "len after op");
}

fn main() {
    let mut rng = Rng { state: 0x2545f4914f6cdd1d };
    let mut map: BTreeMap<i64, i64> = BTreeMap::new();
    let mut model = Model { pairs: Vec::new() };
    let mut stats = Stats { mismatches: 0, ops: 0, checks: 0 };
    let mut snapshots: Vec<(BTreeMap<i64, i64>, Vec<(i64, i64)>)> = Vec::new();

    // Phase 1: growth (mostly inserts); phase 2: churn; phase 3: deletion-heavy until
    // empty; phase 4: growth again over a small key space; phase 5: empty again.
    let phases: [(u64, u64, i64); 5] = [(2000, 8, 6000), (2000, 4, 6000), (2000, 0, 5000), (300, 7, 4000), (300, 0, 3000)];
    for phase in phases {
        let (space, weight, count) = phase;
        for n in 0..count {
            step(&mut map, &mut model, &mut rng, &mut stats, space, weight);
            if n % 1500 == 0 { snapshots.push((map, model.pairs)); }
            if n % 2000 == 1999 { compare(&map, &model, &mut rng, &mut stats); }
        }
        compare(&map, &model, &mut rng, &mut stats);
        println("phase: {} entries, first {:?}, last {:?}", map.len(), map.first_key_value(), map.last_key_value());
        if weight == 0 {
            // Deletion-heavy phases finish by emptying the map in random order.
            while !model.pairs.is_empty() {
                let i = rng.below(model.pairs.len() as u64) as usize;
                let (k, v) = model.pairs.remove(i);
                stats.expect(map.remove(&k) == Some(v), "drain");
                stats.ops += 1;
            }
            compare(&map, &model, &mut rng, &mut stats);
            println("emptied: {} entries, {:?}", map.len(), map);
        }
    }

    // Every snapshot still holds what the map held when it was taken.
    let mut kept = 0;
    for s in snapshots {
        let (copy, pairs) = s;
        let got: Vec<(i64, i64)> = copy.iter().collect();
        stats.expect(got == pairs, "snapshot");
        if got == pairs { kept += 1; }
    }
    println("{} operations, {} full comparisons, {} snapshots kept", stats.ops, stats.checks, kept);
    println("mismatches: {}", stats.mismatches);
}
