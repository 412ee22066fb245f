// if / else if / else as statements and as expressions.
fn classify(n: i64) -> String {
    if n < 0 {
        "negative"
    } else if n == 0 {
        "zero"
    } else if n < 10 {
        "small"
    } else if n < 100 {
        "medium"
    } else {
        "large"
    }
}

fn sign(n: i64) -> i64 {
    if n > 0 { 1 } else if n < 0 { -1 } else { 0 }
}

fn main() {
    let xs0 = -5;
    println("{} is {}", xs0, classify(xs0));
    println("{} is {}", 0, classify(0));
    println("{} is {}", 7, classify(7));
    println("{} is {}", 42, classify(42));
    println("{} is {}", 1000, classify(1000));
    println("{} {} {}", sign(-9), sign(0), sign(9));
    let max = if 3 > 8 { 3 } else { 8 };
    println("max = {max}");
    let n = 15;
    if n % 2 == 0 {
        println("even");
    } else {
        println("odd");
    }
    if n > 10 {
        println("greater than ten");
    }
    if n > 100 {
        println("never printed");
    }
    let nested = if n > 10 { if n > 20 { "big" } else { "between" } } else { "tiny" };
    println("nested = {}", nested);
    let v = 1 + if true { 10 } else { 20 } * 2;
    println("v = {v}");
}
