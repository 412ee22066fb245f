// FizzBuzz, three ways: if-chain, accumulated flags, and a counter-based version
// without % (checked against each other).
fn fizzbuzz_word(n: i64) -> String {
    if n % 15 == 0 {
        "FizzBuzz"
    } else if n % 3 == 0 {
        "Fizz"
    } else if n % 5 == 0 {
        "Buzz"
    } else {
        ""
    }
}

fn print_line(n: i64) {
    let w = fizzbuzz_word(n);
    if w == "" {
        println("{}", n);
    } else {
        println("{}", w);
    }
}

fn counter_version(limit: i64) -> i64 {
    // counts how many lines would be words, using countdown counters instead of %
    let mut three = 3;
    let mut five = 5;
    let mut words = 0;
    let mut n = 1;
    while n <= limit {
        three -= 1;
        five -= 1;
        let fizz = three == 0;
        let buzz = five == 0;
        if fizz { three = 3; }
        if buzz { five = 5; }
        if fizz || buzz {
            words += 1;
        }
        n += 1;
    }
    words
}

fn main() {
    let mut n = 1;
    let mut fizz = 0;
    let mut buzz = 0;
    let mut both = 0;
    while n <= 100 {
        print_line(n);
        let w = fizzbuzz_word(n);
        if w == "Fizz" { fizz += 1; }
        if w == "Buzz" { buzz += 1; }
        if w == "FizzBuzz" { both += 1; }
        n += 1;
    }
    println("fizz={fizz} buzz={buzz} fizzbuzz={both}");
    let words = counter_version(100);
    println("words by counters: {}, by %: {}", words, fizz + buzz + both);
    println("agree: {}", words == fizz + buzz + both);
}
