// return from the middle of loops and nested blocks.
fn index_of_first_multiple(start: i64, m: i64) -> i64 {
    let mut i = start;
    while i < start + 1000 {
        if i % m == 0 {
            return i;
        }
        i += 1;
    }
    let not_found = -1;
    not_found
}

fn check(n: i64) -> String {
    if n < 0 {
        return "negative";
    }
    loop {
        if n > 1000 {
            return "huge";
        }
        break;
    }
    {
        {
            if n == 7 {
                return "lucky";
            }
        }
    }
    "ordinary"
}

fn log_and_stop(n: i64) {
    if n > 2 {
        println("stop at {}", n);
        return;
    }
    println("continue with {}", n);
}

fn main() {
    println("{}", index_of_first_multiple(100, 17));
    println("{}", index_of_first_multiple(1, 1));
    println("{}", check(-3));
    println("{}", check(5000));
    println("{}", check(7));
    println("{}", check(8));
    log_and_stop(1);
    log_and_stop(3);
    let mut i = 0;
    while i < 3 {
        log_and_stop(i + 1);
        i += 1;
    }
}
