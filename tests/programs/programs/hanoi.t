// Towers of Hanoi: prints the moves for 4 discs, then counts moves recursively for
// more discs and checks the closed form 2^n - 1, and finally runs an iterative solver
// that checks every move's legality.
fn peg_name(p: i64) -> String {
    if p == 0 { "A" } else if p == 1 { "B" } else { "C" }
}

fn moves(n: i64, from: i64, to: i64, via: i64, print_them: bool) -> i64 {
    if n == 0 {
        return 0;
    }
    let mut count = moves(n - 1, from, via, to, print_them);
    if print_them {
        println("move disc {} from {} to {}", n, peg_name(from), peg_name(to));
    }
    count += 1;
    count + moves(n - 1, via, to, from, print_them)
}

// Iterative solution: alternately move the smallest disc one step around a cycle and
// make the only legal move that does not involve it. Pegs are encoded as numbers whose
// decimal digits are disc sizes, bottom first (321 = discs 3, 2, 1 with 1 on top).
// Panics on an illegal move; returns the number of moves.
fn top(p: i64) -> i64 {
    p % 10
}

fn peg(which: i64, a: i64, b: i64, c: i64) -> i64 {
    if which == 0 { a } else if which == 1 { b } else { c }
}

fn iterative(n: i64) -> i64 {
    let mut a = 0;
    let mut i = n;
    while i >= 1 { a = a * 10 + i; i -= 1; }
    let mut b = 0;
    let mut c = 0;
    let mut small_at = 0;
    let step = if n % 2 == 0 { 1 } else { 2 };
    let mut count = 0;
    loop {
        let dest = (small_at + step) % 3;
        if small_at == 0 { a /= 10; } else if small_at == 1 { b /= 10; } else { c /= 10; }
        if dest == 0 { a = a * 10 + 1; } else if dest == 1 { b = b * 10 + 1; } else { c = c * 10 + 1; }
        small_at = dest;
        count += 1;
        if a == 0 && b == 0 { break; }
        let x = (small_at + 1) % 3;
        let y = (small_at + 2) % 3;
        let tx = top(peg(x, a, b, c));
        let ty = top(peg(y, a, b, c));
        let src = if tx == 0 { y } else if ty == 0 { x } else if tx < ty { x } else { y };
        let dst = if src == x { y } else { x };
        let disc = top(peg(src, a, b, c));
        let under = top(peg(dst, a, b, c));
        if under != 0 && under < disc {
            panic("illegal move: disc {} onto disc {}", disc, under);
        }
        if src == 0 { a /= 10; } else if src == 1 { b /= 10; } else { c /= 10; }
        if dst == 0 { a = a * 10 + disc; } else if dst == 1 { b = b * 10 + disc; } else { c = c * 10 + disc; }
        count += 1;
        if a == 0 && b == 0 { break; }
    }
    println("iterative {} discs: {} moves, target peg {}", n, count, c);
    count
}

fn main() {
    let total = moves(4, 0, 2, 1, true);
    println("4 discs: {} moves", total);
    let mut n = 1;
    while n <= 20 {
        let m = moves(n, 0, 2, 1, false);
        let mut closed = 1;
        let mut i = 0;
        while i < n { closed *= 2; i += 1; }
        closed -= 1;
        if m != closed {
            println("mismatch for {} discs", n);
        }
        if n % 5 == 0 {
            println("{} discs: {} moves", n, m);
        }
        n += 1;
    }
    let mut k = 1;
    while k <= 9 {
        if iterative(k) != moves(k, 0, 2, 1, false) {
            println("iterative and recursive disagree for {}", k);
        }
        k += 2;
    }
    iterative(8);
}
