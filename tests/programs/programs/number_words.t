// Prints integers in English words, covering the whole i64 range (including i64::MIN,
// which is handled without ever negating it).
fn small(n: i64) -> String {
    if n == 1 { "one" } else if n == 2 { "two" } else if n == 3 { "three" }
    else if n == 4 { "four" } else if n == 5 { "five" } else if n == 6 { "six" }
    else if n == 7 { "seven" } else if n == 8 { "eight" } else if n == 9 { "nine" }
    else if n == 10 { "ten" } else if n == 11 { "eleven" } else if n == 12 { "twelve" }
    else if n == 13 { "thirteen" } else if n == 14 { "fourteen" } else if n == 15 { "fifteen" }
    else if n == 16 { "sixteen" } else if n == 17 { "seventeen" } else if n == 18 { "eighteen" }
    else if n == 19 { "nineteen" } else { panic("small({}) out of range", n) }
}

fn tens(t: i64) -> String {
    if t == 2 { "twenty" } else if t == 3 { "thirty" } else if t == 4 { "forty" }
    else if t == 5 { "fifty" } else if t == 6 { "sixty" } else if t == 7 { "seventy" }
    else if t == 8 { "eighty" } else { "ninety" }
}

fn scale(i: i64) -> String {
    if i == 0 { "" } else if i == 1 { "thousand" } else if i == 2 { "million" }
    else if i == 3 { "billion" } else if i == 4 { "trillion" } else if i == 5 { "quadrillion" }
    else { "quintillion" }
}

// Prints 1..=999; `first` says whether this is the first word printed on the line.
fn say_group(g: i64, first: bool) {
    let mut first = first;
    let h = g / 100;
    let rest = g % 100;
    if h > 0 {
        if !first { print(" "); }
        print("{} hundred", small(h));
        first = false;
    }
    if rest > 0 {
        if !first { print(" "); }
        if rest < 20 {
            print("{}", small(rest));
        } else if rest % 10 == 0 {
            print("{}", tens(rest / 10));
        } else {
            print("{}-{}", tens(rest / 10), small(rest % 10));
        }
    }
}

// n is zero or negative (so that i64::MIN works); returns whether anything was printed.
fn say_negative(n: i64, idx: i64, first: bool) -> bool {
    if n == 0 {
        return false;
    }
    let group = -(n % 1000);
    let printed_above = say_negative(n / 1000, idx + 1, first);
    if group != 0 {
        say_group(group, first && !printed_above);
        if idx > 0 {
            print(" {}", scale(idx));
        }
        return true;
    }
    printed_above
}

fn say(n: i64) {
    print("{}: ", n);
    if n == 0 {
        println("zero");
        return;
    }
    if n < 0 {
        print("minus ");
        say_negative(n, 0, true);
    } else {
        say_negative(-n, 0, true);
    }
    println();
}

fn main() {
    say(0);
    say(7);
    say(13);
    say(20);
    say(21);
    say(99);
    say(100);
    say(101);
    say(110);
    say(999);
    say(1000);
    say(1001);
    say(1010);
    say(100000);
    say(1000000);
    say(1234567);
    say(1000000000);
    say(2000000017);
    say(-15);
    say(-1000);
    say(9223372036854775807);
    say(-9223372036854775807 - 1);
}
