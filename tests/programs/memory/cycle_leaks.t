// exit: 1
// stderr: 2 allocations (64 bytes) still live at exit
// Two objects that hold strong references to each other keep each other alive after
// the last outside reference is gone: a leak, by design (break cycles with `Weak`, as
// weak_tree.t does). The leak check reports it and makes the exit status 1.
class Peer {
    name: i64,
    other: Option<Peer>,
}

fn main() {
    let a = Peer { name: 1, other: None };
    let b = Peer { name: 2, other: Some(a) };
    a.other = Some(b);
    println("{} <-> {}", a.other.unwrap().name, b.other.unwrap().name);
}
