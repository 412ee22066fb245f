fn pick<T, U>(x: T) -> T { x }

fn main() {
    let v = pick(3);
    println("{}", v);
}
