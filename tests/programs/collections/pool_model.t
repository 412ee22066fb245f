// A Pool against a model (a HashMap from keys to values plus the list of keys ever
// removed) under 20,000 random operations: insert, remove (live and stale keys), get,
// contains, set, in-place update, copy-and-diverge, retain; checked after every step.
use std::mem::{Pool, PoolKey};

struct Rng { state: u64 }

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        let mut x = self.state;
        x = x ^ (x >> 12);
        x = x ^ (x << 25);
        x = x ^ (x >> 27);
        self.state = x;
        x.wrapping_mul(2685821657736338717)
    }
    fn below(&mut self, n: u64) -> u64 { self.next() % n }
}

fn pick(keys: &Vec<PoolKey>, rng: &mut Rng) -> Option<PoolKey> {
    if keys.is_empty() { None } else { Some(keys[rng.below(keys.len() as u64) as usize]) }
}

fn check(pool: &Pool<String>, model: &HashMap<PoolKey, String>, step: i64) {
    if pool.len() != model.len() { panic("step {}: len {} vs model {}", step, pool.len(), model.len()); }
    let mut seen: usize = 0;
    for (k, v) in pool.iter() {
        match model.get(&k) {
            Some(w) => { if v != w { panic("step {}: {:?} holds {} vs model {}", step, k, v, w); } }
            None => panic("step {}: pool has {:?} the model does not", step, k),
        }
        seen += 1;
    }
    if seen != model.len() { panic("step {}: iterated {} of {}", step, seen, model.len()); }
}

fn main() {
    let cap: usize = 64;
    let mut pool: Pool<String> = Pool::with_capacity(cap);
    let mut model: HashMap<PoolKey, String> = HashMap::new();
    let mut live: Vec<PoolKey> = Vec::new();
    let mut dead: Vec<PoolKey> = Vec::new();
    let mut rng = Rng { state: 0x9E3779B97F4A7C15 };
    let mut counts = [0; 8];
    let mut step: i64 = 0;
    while step < 20000 {
        let op = rng.below(8) as usize;
        counts[op] += 1;
        match op {
            0 | 1 => {
                let v = format("v{}", step);
                let got = pool.insert(v);
                if model.len() == cap {
                    if got.is_some() { panic("step {}: insert into a full pool succeeded", step); }
                } else {
                    let k = got.unwrap();
                    if model.contains_key(&k) || dead.contains(&k) { panic("step {}: key {:?} handed out twice", step, k); }
                    model.insert(k, v);
                    live.push(k);
                }
            }
            2 => {
                if let Some(k) = pick(&live, &mut rng) {
                    let expected = model.remove(&k);
                    let got = pool.remove(k);
                    if got != expected { panic("step {}: remove {:?} gave {:?}, model {:?}", step, k, got, expected); }
                    live.retain(|x| x != k);
                    dead.push(k);
                }
            }
            3 => {
                // A stale key: never found, never removes anything.
                if let Some(k) = pick(&dead, &mut rng) {
                    if pool.get(k).is_some() || pool.contains(k) || pool.remove(k).is_some() { panic("step {}: stale key {:?} still works", step, k); }
                }
            }
            4 => {
                if let Some(k) = pick(&live, &mut rng) {
                    if pool.get(k) != model.get(&k) || !pool.contains(k) || pool[k] != model[k] { panic("step {}: get {:?}", step, k); }
                }
            }
            5 => {
                if let Some(k) = pick(&live, &mut rng) {
                    if rng.below(2) == 0 {
                        let v = format("set{}", step);
                        pool[k] = v;
                        model.insert(k, v);
                    } else {
                        pool[k].push_str("+");
                        model.update(k, "", |s| s + "+");
                    }
                }
            }
            6 => {
                // A copy diverges from the original; the original is untouched.
                let mut copy = pool;
                if let Some(k) = pick(&live, &mut rng) { copy.remove(k); }
                copy.insert("copy");
                check(&pool, &model, step);
            }
            _ => {
                if rng.below(50) == 0 {
                    let m = rng.below(3) as usize;
                    pool.retain(|k, v| v.len() % 3 != m);
                    let mut gone: Vec<PoolKey> = Vec::new();
                    for (k, v) in model.iter() { if v.len() % 3 == m { gone.push(k); } }
                    for k in gone { model.remove(&k); live.retain(|x| x != k); dead.push(k); }
                }
            }
        }
        check(&pool, &model, step);
        step += 1;
    }
    println("{} operations, counts {:?}, {} live at the end, {} stale keys checked", step, counts, pool.len(), dead.len());
}
