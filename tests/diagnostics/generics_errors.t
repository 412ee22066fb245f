struct Pair<A, B> { a: A, b: B }

fn one<T, T>(x: T) -> T { x }

fn bad(p: Pair<i64>) {}


fn holes(x: _) {}

fn first<T: Display>(x: T) -> T { x }

struct NoDisplay;

fn lookup<T: Iterable>(x: T) {}

fn main() {
    first(NoDisplay);
    let s = one::<i64, bool, char>(1);
}
