// A loop without `break` never finishes normally: it has type ! and can end a function
// of any return type.
fn first_power_of_two_above(n: i64) -> i64 {
    let mut p = 1;
    loop {
        if p > n {
            return p;
        }
        p *= 2;
    }
}

fn find_name(code: i64) -> String {
    let mut i = 0;
    loop {
        if i == code {
            return if i % 2 == 0 { "even code" } else { "odd code" };
        }
        i += 1;
    }
}

fn main() {
    println("{}", first_power_of_two_above(0));
    println("{}", first_power_of_two_above(1000));
    println("{}", find_name(3));
    println("{}", find_name(10));
    // break out of a while nested in a loop only leaves the while
    let mut rounds = 0;
    let r = loop {
        let mut i = 0;
        while true {
            i += 1;
            if i == 3 { break; }
        }
        rounds += i;
        if rounds >= 9 { break rounds; }
    };
    println("rounds = {}", r);
}
