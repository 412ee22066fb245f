// exit: 101
// stderr: stale pool key PoolKey(1v1): its value was removed from the pool
// Indexing a Pool with the key of a removed value panics (get would return None).
use std::mem::Pool;

fn main() {
    let mut pool: Pool<String> = Pool::with_capacity(4);
    let a = pool.insert("a".to_string()).unwrap();
    let b = pool.insert("b".to_string()).unwrap();
    pool.remove(b);
    println("{} {:?}", pool[a], pool.get(b));
    println("{}", pool[b]);
}
