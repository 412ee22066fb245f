// exit: 101
// stderr: panicked at programs/programs/roman_numerals.t:23:9: 0 cannot be written in Roman numerals
// Converts integers to Roman numerals (greedy, with subtractive pairs), and checks a
// round trip through a numeral value computed from the printed symbols' values.
fn symbol_value(i: i64) -> i64 {
    if i == 0 { 1000 } else if i == 1 { 900 } else if i == 2 { 500 } else if i == 3 { 400 }
    else if i == 4 { 100 } else if i == 5 { 90 } else if i == 6 { 50 } else if i == 7 { 40 }
    else if i == 8 { 10 } else if i == 9 { 9 } else if i == 10 { 5 } else if i == 11 { 4 }
    else { 1 }
}

fn symbol(i: i64) -> String {
    if i == 0 { "M" } else if i == 1 { "CM" } else if i == 2 { "D" } else if i == 3 { "CD" }
    else if i == 4 { "C" } else if i == 5 { "XC" } else if i == 6 { "L" } else if i == 7 { "XL" }
    else if i == 8 { "X" } else if i == 9 { "IX" } else if i == 10 { "V" } else if i == 11 { "IV" }
    else { "I" }
}

// Prints the numeral and returns the number of symbols used; panics if the value is not
// representable.
fn print_roman(n: i64) -> i64 {
    if n <= 0 || n >= 4000 {
        panic("{} cannot be written in Roman numerals", n);
    }
    let mut rest = n;
    let mut used = 0;
    let mut i = 0;
    let mut total = 0;
    while i < 13 {
        while rest >= symbol_value(i) {
            print("{}", symbol(i));
            rest -= symbol_value(i);
            total += symbol_value(i);
            used += 1;
        }
        i += 1;
    }
    if total != n {
        panic("round trip failed for {}", n);
    }
    used
}

fn main() {
    let mut n = 1;
    while n <= 20 {
        print("{} = ", n);
        print_roman(n);
        println();
        n += 1;
    }
    let mut samples = 40;
    while samples <= 3999 {
        print("{} = ", samples);
        let used = print_roman(samples);
        println(" ({} symbols)", used);
        samples = samples * 3 + 7;
    }
    print("1994 = ");
    print_roman(1994);
    println();
    print("3999 = ");
    print_roman(3999);
    println();
    let mut longest = 0;
    let mut which = 0;
    let mut k = 1;
    while k < 4000 {
        // count symbols without printing: reuse the arithmetic
        let mut rest = k;
        let mut used = 0;
        let mut i = 0;
        while i < 13 {
            while rest >= symbol_value(i) {
                rest -= symbol_value(i);
                used += 1;
            }
            i += 1;
        }
        if used > longest {
            longest = used;
            which = k;
        }
        k += 1;
    }
    println("longest numeral below 4000: {} with {} symbols", which, longest);
    print("0 = ");
    print_roman(0);
}
