// std::mem::Pool: fixed slots, generational keys, copy-on-write, iteration, in-place updates.
use std::mem::{Pool, PoolKey};

#[derive(Debug, Clone, PartialEq)]
struct Particle { x: i64, vx: i64, tags: Vec<String> }

fn particle(x: i64, vx: i64) -> Particle { Particle { x, vx, tags: Vec::new() } }

fn main() {
    let mut pool: Pool<Particle> = Pool::with_capacity(3);
    println("{} {} {} {}", pool.len(), pool.capacity(), pool.is_empty(), pool.is_full());
    let a = pool.insert(particle(0, 1)).unwrap();
    let b = pool.insert(particle(10, -2)).unwrap();
    println("{:?} {:?} index {} generation {}", a, b, b.index(), b.generation());

    // Reads are copies; places inside a value change it where it is.
    pool[a].x += 5;
    pool[b].tags.push("slow".to_string());
    pool[b] = Particle { x: 11, vx: -2, tags: pool[b].tags };
    println("{:?}", pool);
    println("{:?} {}", pool.get(a), pool.contains(b));

    // Copies share the slots until one of them changes.
    let saved = pool;
    let removed = pool.remove(a);
    println("removed {:?}", removed);
    println("after remove: {:?} {:?} {} / saved still has it: {:?}", pool.get(a), pool.remove(a), pool.contains(a), saved.get(a));

    // The freed slot is reused with a new generation: the old key stays stale.
    let c = pool.insert(particle(20, 0)).unwrap();
    println("{:?} reuses slot {} (old key {:?} -> {:?})", c, c.index(), a, pool.get(a));
    let d = pool.insert(particle(30, 3)).unwrap();
    println("full {} {:?}", pool.is_full(), pool.insert(particle(99, 9)));
    match pool.try_insert(particle(42, 0)) {
        Ok(k) => println("unexpected {:?}", k),
        Err(p) => println("given back {:?}", p),
    }

    // Iteration in slot order: pairs, keys, values.
    for (k, p) in pool.iter() { println("{:?} x={}", k, p.x); }
    let keys: Vec<PoolKey> = pool.keys().collect();
    let xs: i64 = pool.values().map(|p| p.x + p.vx).sum();
    println("{:?} {}", keys, xs);
    for (k, p) in saved { println("saved {:?} {}", k, p.x); }

    // retain, set, clear.
    pool.retain(|k, p| p.x >= 20);
    println("{} {:?}", pool.len(), pool.values().map(|p| p.x).collect::<Vec<i64>>());
    pool.set(d, particle(31, 0));
    println("{:?} {:?}", pool.get(d).map(|p| p.x), pool.get(b));
    pool.clear();
    println("{} {} {:?}", pool.len(), pool.contains(c), pool);
    let e = pool.insert(particle(1, 1)).unwrap();
    println("{:?} {:?}", e, pool.get(e).map(|p| p.x));

    // Keys are plain values: hashable, comparable, usable as map keys.
    let mut names: HashMap<PoolKey, String> = HashMap::new();
    names.insert(e, "e".to_string());
    println("{:?} {} {}", names.get(&e), e == e, e != c);

    // An empty pool.
    let mut none: Pool<i64> = Pool::with_capacity(0);
    println("{:?} {} {:?}", none.insert(1), none.is_full(), none);
}
