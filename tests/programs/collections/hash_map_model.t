// A model-based test of HashMap: a long pseudo-random sequence (xorshift, fixed seed) of
// inserts, removals, lookups, updates and snapshots, each result checked against a
// simple model (a Vec of pairs searched linearly). Prints a checksum of the results.
struct Rng { state: u64 }

impl Rng {
    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }
    fn below(&mut self, n: u64) -> u64 { self.next() % n }
}

/** The model: pairs in insertion order, searched linearly. */
struct Model { pairs: Vec<(u64, i64)> }

impl Model {
    fn find(&self, k: u64) -> Option<usize> {
        for i in 0..self.pairs.len() {
            if self.pairs[i].0 == k { return Some(i); }
        }
        None
    }
    fn get(&self, k: u64) -> Option<i64> {
        match self.find(k) {
            Some(i) => Some(self.pairs[i].1),
            None => None,
        }
    }
    fn insert(&mut self, k: u64, v: i64) -> Option<i64> {
        match self.find(k) {
            Some(i) => {
                let old = self.pairs[i].1;
                self.pairs[i] = (k, v);
                Some(old)
            }
            None => {
                self.pairs.push((k, v));
                None
            }
        }
    }
    fn remove(&mut self, k: u64) -> Option<i64> {
        match self.find(k) {
            Some(i) => {
                let (_, v) = self.pairs.remove(i);
                Some(v)
            }
            None => None,
        }
    }
}

fn mix(sum: u64, x: Option<i64>) -> u64 {
    let v = match x {
        Some(v) => v as u64 ^ 0x5555,
        None => 0xabcdef,
    };
    sum.wrapping_mul(31).wrapping_add(v)
}

/** Every entry of the map is in the model with the same value, and the sizes agree. */
fn same(map: &HashMap<u64, i64>, model: &Model) -> bool {
    if map.len() != model.pairs.len() { return false; }
    for (k, v) in map.iter() {
        if model.get(k) != Some(v) { return false; }
    }
    true
}

fn main() {
    let mut rng = Rng { state: 0x2545f4914f6cdd1d };
    let mut map: HashMap<u64, i64> = HashMap::new();
    let mut model = Model { pairs: Vec::new() };
    let mut checksum: u64 = 0;
    let mut mismatches = 0;
    let mut snapshot: HashMap<u64, i64> = HashMap::new();
    let mut snapshot_model = Model { pairs: Vec::new() };
    let mut counts = [0; 6];

    for step in 0..20000 {
        // Keys from a range that grows and shrinks, so the map both grows and empties.
        let range = if (step / 5000) % 2 == 0 { 400 } else { 60 };
        let k = rng.below(range) * 1000003;
        let op = rng.below(10);
        let r = match op {
            0 | 1 | 2 | 3 => {
                counts[0] += 1;
                let v = rng.below(1000000) as i64 - 500000;
                let got = map.insert(k, v);
                if got != model.insert(k, v) { mismatches += 1; }
                got
            }
            4 | 5 | 6 => {
                counts[1] += 1;
                let got = map.remove(&k);
                if got != model.remove(k) { mismatches += 1; }
                got
            }
            7 => {
                counts[2] += 1;
                let got = map.get(&k);
                if got != model.get(k) || map.contains_key(&k) != got.is_some() { mismatches += 1; }
                got
            }
            8 => {
                counts[3] += 1;
                let got = map.update(k, 1, |v| v * 3 % 1000);
                let want = match model.get(k) { Some(v) => v * 3 % 1000, None => 3 };
                model.insert(k, want);
                if got != want { mismatches += 1; }
                Some(got)
            }
            _ => {
                // A snapshot: a copy that later changes to `map` must not reach.
                counts[4] += 1;
                if !same(&snapshot, &snapshot_model) { mismatches += 1; }
                snapshot = map;
                snapshot_model = Model { pairs: model.pairs };
                None
            }
        };
        checksum = mix(checksum, r);
        if map.len() != model.pairs.len() { mismatches += 1; }
        if step % 1000 == 999 {
            counts[5] += 1;
            if !same(&map, &model) { mismatches += 1; }
        }
    }
    if !same(&map, &model) || !same(&snapshot, &snapshot_model) { mismatches += 1; }

    // Remove everything that is left, in the model's order.
    for (k, v) in model.pairs.iter() {
        if map.remove(&k) != Some(v) { mismatches += 1; }
    }
    println("ops: {} inserts, {} removes, {} gets, {} updates, {} snapshots, {} full checks", counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    println("mismatches: {}, left: {}, snapshot: {} entries", mismatches, map.len(), snapshot.len());
    println("checksum: {}", checksum);
}
