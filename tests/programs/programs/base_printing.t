// Prints integers in binary, octal and hexadecimal using only arithmetic, including
// negative numbers as 64-bit two's complement.
fn hex_digit(d: i64) -> String {
    if d == 0 { "0" } else if d == 1 { "1" } else if d == 2 { "2" } else if d == 3 { "3" }
    else if d == 4 { "4" } else if d == 5 { "5" } else if d == 6 { "6" } else if d == 7 { "7" }
    else if d == 8 { "8" } else if d == 9 { "9" } else if d == 10 { "a" } else if d == 11 { "b" }
    else if d == 12 { "c" } else if d == 13 { "d" } else if d == 14 { "e" } else { "f" }
}

// Recursively prints a non-negative n in the given base (2..=16), most significant first.
fn print_base(n: i64, base: i64) {
    if n >= base {
        print_base(n / base, base);
    }
    print("{}", hex_digit(n % base));
}

// Prints all 64 bits of n (two's complement) in a base that is a power of two: 2, 8 or 16.
fn print_bits(n: i64, bits_per_digit: i64) {
    // split off the sign bit so that the rest is a non-negative 63-bit value
    let negative = n < 0;
    let low = if negative { n - (-9223372036854775807 - 1) } else { n };
    let digits = (64 + bits_per_digit - 1) / bits_per_digit;
    let mut i = digits - 1;
    while i >= 0 {
        let shift = i * bits_per_digit;
        let mut d = 0;
        let mut b = 0;
        while b < bits_per_digit {
            let bit_index = shift + b;
            let bit = if bit_index == 63 {
                if negative { 1 } else { 0 }
            } else if bit_index > 63 {
                0
            } else {
                low / pow2(bit_index) % 2
            };
            d += bit * pow2(b);
            b += 1;
        }
        print("{}", hex_digit(d));
        i -= 1;
    }
    println();
}

fn pow2(k: i64) -> i64 {
    let mut r = 1;
    let mut i = 0;
    while i < k { r *= 2; i += 1; }
    r
}

fn show(n: i64) {
    if n >= 0 {
        print("{} = 0b", n);
        print_base(n, 2);
        print(" = 0o");
        print_base(n, 8);
        print(" = 0x");
        print_base(n, 16);
        println();
    }
    print("  hex64: ");
    print_bits(n, 4);
}

fn main() {
    show(0);
    show(1);
    show(10);
    show(255);
    show(256);
    show(48879);
    show(9223372036854775807);
    show(-1);
    show(-2);
    show(-256);
    show(-9223372036854775807 - 1);
    print("binary of -5:  ");
    print_bits(-5, 1);
    print("octal of -8:   ");
    print_bits(-8, 3);
    print("base 7 of 2024: ");
    print_base(2024, 7);
    println();
    print("base 3 of 3^20: ");
    print_base(3486784401, 3);
    println();
}
