// exit: 101
// stderr: panicked at programs/panics/caller_location.t:42:19: index out of bounds: the len is 2 but the index is 2
// A panic the standard library raises for the caller — unwrap of None or Err, an index past
// the end of a Vec or Queue, a missing map key, a remove/insert/swap out of range, a string
// slice off a char boundary — reports where the program called it (`#[track_caller]`).
fn at(r: Result<i64, Panic>) {
    match r {
        Ok(v) => println("no panic: {}", v),
        Err(p) => println("line {} column {}: {}", p.line(), p.column(), p.message()),
    }
}

fn first(v: Vec<i64>) -> i64 {
    v[0]
}

fn main() {
    let none: Option<i64> = if std::env::arg_count() > 9 { Some(1) } else { None };
    let err: Result<i64, String> = Err(String::from("bad"));
    let mut v: Vec<i64> = Vec::new();
    v.push(1);
    v.push(2);
    let i = 1 + std::env::arg_count() as usize;
    at(std::panic::catch(|| none.unwrap()));
    at(std::panic::catch(|| none.expect(String::from("wanted a value"))));
    at(std::panic::catch(|| err.unwrap()));
    at(std::panic::catch(|| v[i]));
    at(std::panic::catch(|| { let mut w = v; w[i] = 5; 0 }));
    at(std::panic::catch(|| { let mut w = v; w.remove(i); 0 }));
    at(std::panic::catch(|| { let mut w = v; w.insert(i + 1, 7); 0 }));
    at(std::panic::catch(|| { let mut w = v; w.swap(0, i); 0 }));
    at(std::panic::catch(|| first(Vec::new())));
    let mut q: Queue<i64> = Queue::new();
    q.push_back(1);
    at(std::panic::catch(|| q[i]));
    let mut m: HashMap<String, i64> = HashMap::new();
    m.insert(String::from("a"), 1);
    at(std::panic::catch(|| m[String::from("b")]));
    let s = String::from("héllo");
    at(std::panic::catch(|| { let t = s[0..2]; t.len() as i64 }));
    // Uncaught: the report names this line.
    println("{}", v[i]);
}
