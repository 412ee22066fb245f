// `mut` parameters are local copies: changing them does not affect the caller.
fn count_down(mut n: i64) -> i64 {
    let mut steps = 0;
    while n > 0 {
        n -= 3;
        steps += 1;
    }
    steps
}

fn digits_reversed(mut n: i64, mut acc: i64) -> i64 {
    while n > 0 {
        acc = acc * 10 + n % 10;
        n /= 10;
    }
    acc
}

fn shout(mut s: String, loud: bool) -> String {
    if loud {
        s = "LOUD";
    }
    s
}

fn toggle(mut b: bool) -> bool {
    b = !b;
    b
}

fn main() {
    let n = 10;
    println("steps = {}", count_down(n));
    println("n is still {}", n);
    let x = 12345;
    println("reversed = {}", digits_reversed(x, 0));
    println("x is still {}", x);
    let s = "quiet";
    println("{} {}", shout(s, false), shout(s, true));
    println("s is still {}", s);
    let b = true;
    println("{} {}", toggle(b), b);
}
