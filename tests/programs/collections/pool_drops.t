// Values with a Drop impl in a Pool are dropped exactly once: when removed, replaced,
// cleared, or when the last copy of the pool goes; copies share values, not drops.
use std::mem::Pool;

class Counter { drops: i64 }
class Item { name: String, counter: Counter }

impl Drop for Item {
    fn drop(&mut self) {
        self.counter.drops += 1;
        println("drop {}", self.name);
    }
}

fn item(name: String, c: Counter) -> Item { Item { name, counter: c } }

fn main() {
    let c = Counter { drops: 0 };
    {
        let mut pool: Pool<Item> = Pool::with_capacity(4);
        let a = pool.insert(item("a", c)).unwrap();
        let b = pool.insert(item("b", c)).unwrap();
        let k = pool.insert(item("c", c)).unwrap();
        pool.insert(item("d", c));
        println("full, inserting e:");
        println("{:?}", pool.insert(item("e", c)).is_none());
        println("remove a:");
        {
            let taken = pool.remove(a);
            println("taken {}, dropped at the end of its block:", taken.is_some());
        }
        println("replace b:");
        pool[b] = item("b2", c);
        println("copy, then change the copy:");
        let mut copy = pool;
        copy.remove(k);
        println("copy has {}, pool has {}", copy.len(), pool.len());
        println("retain:");
        pool.retain(|key, it| it.name != "c");
        println("end of scope ({} drops so far):", c.drops);
    }
    println("total drops {}", c.drops);
    let before = std::mem::stats();
    {
        let mut p: Pool<String> = Pool::with_capacity(100);
        for i in 0..100 { p.insert(format("s{}", i)); }
        let keys: Vec<std::mem::PoolKey> = p.keys().collect();
        for i in 0..50 { p.remove(keys[i * 2]); }
        println("{} left", p.len());
    }
    let after = std::mem::stats();
    println("live blocks back to where they were: {}", after.live_blocks == before.live_blocks);
}
