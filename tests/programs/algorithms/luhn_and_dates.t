// The Luhn checksum over digit arrays, and day-of-week / day-of-year arithmetic.
fn luhn_valid(d: [u8; 16]) -> bool {
    let mut sum: u32 = 0;
    for i in 0..16 {
        let mut v = d[15 - i] as u32;
        if i % 2 == 1 {
            v *= 2;
            if v > 9 { v -= 9; }
        }
        sum += v;
    }
    sum % 10 == 0
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Sakamoto's method: 0 = Sunday
fn weekday(mut y: i32, m: u32, d: u32) -> u32 {
    let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    if m < 3 { y -= 1; }
    ((y + y / 4 - y / 100 + y / 400 + t[(m - 1) as usize] + d as i32) % 7) as u32
}

fn day_name(w: u32) -> String {
    match w {
        0 => "Sunday", 1 => "Monday", 2 => "Tuesday", 3 => "Wednesday",
        4 => "Thursday", 5 => "Friday", _ => "Saturday",
    }
}

fn main() {
    let card = [4, 5, 3, 9, 1, 4, 8, 8, 0, 3, 4, 3, 6, 4, 6, 7];
    println("{}", luhn_valid(card));
    let mut bad = card;
    bad[7] = 9;
    println("{}", luhn_valid(bad));
    let mut fixed = 0;
    for digit in 0..10u8 {
        let mut c = bad;
        c[15] = digit;
        if luhn_valid(c) { fixed = digit; }
    }
    println("check digit for the altered number: {}", fixed);

    for date in [(2000, 1, 1), (1969, 7, 20), (2024, 2, 29), (1900, 3, 1), (2026, 11, 23)] {
        let (y, m, d) = date;
        let mut yday = d;
        for mm in 1..m { yday += days_in_month(y, mm); }
        println("{}-{:02}-{:02}: {:<9} day {:>3} leap {}", y, m, d, day_name(weekday(y, m, d)), yday, is_leap(y));
    }
    let mut fridays = 0;
    for y in 1901..=2000 {
        for m in 1..=12 {
            if weekday(y, m, 13) == 5 { fridays += 1; }
        }
    }
    println("Friday the 13ths in the 20th century: {}", fridays);
}
