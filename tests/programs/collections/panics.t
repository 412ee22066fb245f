// exit: 101
// stderr: no entry found for key
// The collections' panics: a missing key in `map[k]`, an index past the end of a
// queue, a reversed drain range, an empty heap's unwrap — caught, with the collections
// left intact and their objects dropped on the way; the last one is not caught.
class Obj { id: i64 }

impl Drop for Obj {
    fn drop(&mut self) { print("drop{} ", self.id); }
}

fn main() {
    let mut m: HashMap<i64, Obj> = HashMap::new();
    m.insert(1, Obj { id: 1 });
    let r = std::panic::catch(|| m[2].id);
    match r {
        Err(p) => println("{}", p),
        Ok(id) => println("found {id}"),
    }
    println("still {} entry, m[1] is {}", m.len(), m[1].id);

    let mut q: Queue<Obj> = Queue::new();
    q.push_back(Obj { id: 5 });
    println("{}", std::panic::catch(|| q[3].id).unwrap_err());
    println("{}", std::panic::catch(|| {
        let mut copy = q;
        copy.push_back(Obj { id: 6 });
        copy.set(7, Obj { id: 7 });
    }).unwrap_err());
    println("| queue still has {}", q.len());

    let v: Vec<i64> = (0..5).collect();
    println("{}", std::panic::catch(|| { let mut w = v; w.drain(3..1).len() }).unwrap_err());
    println("{}", std::panic::catch(|| { let mut w = v; w.drain(1..9).len() }).unwrap_err());
    let h: BinaryHeap<i64> = BinaryHeap::new();
    println("{}", std::panic::catch(|| { let mut c = h; c.pop().unwrap() }).unwrap_err());
    println("{:?}", v);

    let names: HashMap<String, i64> = HashMap::new();
    println("{}", names["nobody"]);
}
