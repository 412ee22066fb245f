// Arrays, structs and tuples of references; match guards that call methods on bindings.
class N { id: i64 }
impl Drop for N {
    fn drop(&mut self) { println("drop {}", self.id); }
}
struct Pair { a: N, b: N }

fn pick(mut arr: [N; 3], i: usize) -> i64 {
    let x = arr[i];
    arr[i] = N { id: 100 + x.id };
    x.id + arr[i].id
}

fn swap(p: Pair) -> Pair { Pair { a: p.b, b: p.a } }

fn big(n: &N) -> bool { n.id > 1 }

fn classify(o: Option<N>) -> i64 {
    match o {
        Some(n) if big(&n) => n.id * 10,
        Some(n) => n.id,
        None => 0,
    }
}

fn choose(flag: bool, a: N, b: N) -> i64 {
    let c = if flag { a } else { b };
    let t = (c, a);
    t.0.id + t.1.id
}

fn main() {
    let arr = [N { id: 1 }, N { id: 2 }, N { id: 3 }];
    println("pick {}", pick(arr, 1));
    println("arr {} {} {}", arr[0].id, arr[1].id, arr[2].id);
    let p = Pair { a: N { id: 4 }, b: N { id: 5 } };
    let q = swap(p);
    println("swap {} {}", q.a.id, q.b.id);
    println("classify {} {} {}", classify(Some(N { id: 7 })), classify(Some(N { id: 1 })), classify(None));
    println("choose {} {}", choose(true, N { id: 8 }, N { id: 9 }), choose(false, N { id: 10 }, N { id: 11 }));
    let mut holder = N { id: 20 };
    let f = || holder.id;
    holder = N { id: 21 };
    println("closure {} holder {}", f(), holder.id);
    println("end");
}
