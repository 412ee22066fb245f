// loop with break and break-with-value.
fn first_square_above(limit: i64) -> i64 {
    let mut i = 0;
    loop {
        if i * i > limit {
            break i * i;
        }
        i += 1;
    }
}

fn find_divisor(n: i64) -> i64 {
    let mut d = 2;
    let found = loop {
        if d * d > n {
            break n;
        }
        if n % d == 0 {
            break d;
        }
        d += 1;
    };
    found
}

fn main() {
    println("{}", first_square_above(50));
    println("{}", first_square_above(0));
    println("{}", find_divisor(91));
    println("{}", find_divisor(97));
    let mut count = 0;
    loop {
        count += 1;
        if count == 10 {
            break;
        }
    }
    println("count = {}", count);
    let word = loop { break "string from loop"; };
    println("{}", word);
    let flag = loop { if count > 5 { break true; } break false; };
    println("{}", flag);
    // break value from inside a nested block
    let v = loop {
        {
            {
                break 99;
            }
        }
    };
    println("v = {v}");
}
