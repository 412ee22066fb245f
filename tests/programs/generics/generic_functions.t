// Generic functions: inference of type arguments at call sites, turbofish, bounds.

fn identity<T>(x: T) -> T {
    x
}

fn swap<A, B>(pair: (A, B)) -> (B, A) {
    (pair.1, pair.0)
}

fn largest<T: PartialOrd + Copy>(items: [T; 5]) -> T {
    let mut best = items[0];
    for x in items {
        if x > best {
            best = x;
        }
    }
    best
}

fn count_equal<T: PartialEq>(items: [T; 4], wanted: T) -> i64 {
    let mut n = 0;
    for x in items {
        if x == wanted {
            n += 1;
        }
    }
    n
}

fn sum_all<T: Add<Output = T> + Copy + Default>(items: [T; 3]) -> T {
    let mut total = T::default();
    for x in items {
        total = total + x;
    }
    total
}

fn pick<T>(first: bool, a: T, b: T) -> T {
    if first { a } else { b }
}

fn zero<T: Default>() -> T {
    T::default()
}

fn main() {
    println("{}", identity(5));
    println("{}", identity("text"));
    println("{}", identity::<u8>(200));
    let (a, b) = swap((1, 'x'));
    println("{} {}", a, b);
    println("{}", largest([3, 17, 2, 9, 4]));
    println("{}", largest([1.5, -2.0, 8.25, 0.0, 3.0]));
    println("{}", largest(['q', 'z', 'a', 'm', 'b']));
    println("{}", count_equal([1, 2, 1, 1], 1));
    println("{}", count_equal([true, false, false, true], false));
    println("{}", sum_all([1, 2, 3]));
    println("{}", sum_all([0.5, 0.25, 0.125]));
    println("{}", pick(false, "left", "right"));
    let z: i32 = zero();
    let f = zero::<f64>();
    println("{} {}", z, f);
}
