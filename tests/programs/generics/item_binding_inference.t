// A type parameter fixed only through another parameter's bound — `T` in
// `I: Iterator<Item = T>` — is inferred from what the other became.
fn show<T: Debug, I: Iterator<Item = T>>(mut items: I) {
    while let Some(x) = items.next() { print("{:?} ", x); }
    println("");
}

fn total<I: Iterator<Item = T>, T: Sum<T>>(items: I) -> T { items.sum() }

fn main() {
    show(0..3);
    show((1..=3).map(|x| x * 10));
    let mut v = Vec::new();
    v.extend((5..8).rev());
    let sum: i64 = total(v.iter());
    println("{:?} {}", v, sum);
}
