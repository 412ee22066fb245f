// Iterators: `for` needs an Iterator, `sum` needs to know its result type,
// adapter closures must fit their `Fn` bounds.
struct Bag { n: i64 }

fn main() {
    for x in (Bag { n: 1 }) {
        println("{x}");
    }
    let odd = (1..10).filter(|a, b| a > b).count();
    let names = (1..4).map(|x: bool| x).count();
    let bad = (1..4).any(5);
}

fn unannotated_sum() {
    let total = (1..10).sum();
    println("{total}");
}
