// Prints month calendars: leap years, days per month, and the weekday of the first of
// the month from a day count since 1970-01-01 (a Thursday).
fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    if m == 2 {
        if is_leap(y) { 29 } else { 28 }
    } else if m == 4 || m == 6 || m == 9 || m == 11 {
        30
    } else {
        31
    }
}

fn month_name(m: i64) -> String {
    if m == 1 { "January" } else if m == 2 { "February" } else if m == 3 { "March" }
    else if m == 4 { "April" } else if m == 5 { "May" } else if m == 6 { "June" }
    else if m == 7 { "July" } else if m == 8 { "August" } else if m == 9 { "September" }
    else if m == 10 { "October" } else if m == 11 { "November" } else { "December" }
}

// days from 1970-01-01 to y-m-01 (y >= 1970)
fn days_before(y: i64, m: i64) -> i64 {
    let mut days = 0;
    let mut yy = 1970;
    while yy < y {
        days += if is_leap(yy) { 366 } else { 365 };
        yy += 1;
    }
    let mut mm = 1;
    while mm < m {
        days += days_in_month(y, mm);
        mm += 1;
    }
    days
}

// 0 = Monday .. 6 = Sunday
fn weekday(y: i64, m: i64) -> i64 {
    (days_before(y, m) + 3) % 7
}

fn pad2(n: i64) {
    if n < 10 { print(" "); }
    print("{}", n);
}

fn print_month(y: i64, m: i64) {
    println("{} {}", month_name(m), y);
    println("Mo Tu We Th Fr Sa Su");
    let first = weekday(y, m);
    let mut col = 0;
    while col < first {
        print("   ");
        col += 1;
    }
    let mut d = 1;
    let n = days_in_month(y, m);
    while d <= n {
        pad2(d);
        col += 1;
        if col == 7 {
            println();
            col = 0;
        } else if d < n {
            print(" ");
        }
        d += 1;
    }
    if col != 0 {
        println();
    }
    println();
}

fn main() {
    print_month(1970, 1);
    print_month(2000, 2);
    print_month(2024, 2);
    print_month(2023, 10);
    print_month(2038, 1);
    let mut leap_count = 0;
    let mut y = 1900;
    while y <= 2100 {
        if is_leap(y) { leap_count += 1; }
        y += 1;
    }
    println("leap years in 1900..=2100: {leap_count}");
    println("days from 1970 to 2038-01-01: {}", days_before(2038, 1));
}
