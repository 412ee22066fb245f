// Reference parameters: `&T` reads the caller's variable, `&mut T` changes it in place.
struct Counter { hits: i64, name: String }

fn bump(c: &mut Counter, by: i64) {
    c.hits += by;
}

fn report(c: &Counter) -> String {
    if c.hits > 2 { c.name } else { "quiet" }
}

fn fill(a: &mut [i64; 5], start: i64) {
    for i in 0..a.len() {
        a[i] = start + i as i64;
    }
}

fn total(a: &[i64; 5]) -> i64 {
    let mut s = 0;
    for x in a { s += x; }
    s
}

fn swap_ends(a: &mut [i64; 5]) {
    let first = a[0];
    a[0] = a[4];
    a[4] = first;
}

// A `&mut` parameter passed on to another function that takes `&mut`.
fn fill_and_swap(a: &mut [i64; 5]) {
    fill(&mut a, 10);
    swap_ends(&mut a);
}

fn set(x: &mut i64, v: i64) { x = v; }

fn main() {
    let mut c = Counter { hits: 0, name: "busy" };
    bump(&mut c, 1);
    println("{} {}", c.hits, report(&c));
    bump(&mut c, 2);
    println("{} {}", c.hits, report(&c));

    let mut a = [0; 5];
    fill(&mut a, 1);
    println("{} {}", total(&a), a[4]);
    fill_and_swap(&mut a);
    println("{} {} {}", a[0], a[4], total(&a));

    // An element or a field can be borrowed, and a temporary can be passed to `&`.
    set(&mut a[2], 99);
    set(&mut c.hits, -1);
    println("{} {} {}", a[2], c.hits, total(&[1, 2, 3, 4, 5]));
}
