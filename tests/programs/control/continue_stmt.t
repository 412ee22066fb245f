// continue in while and loop.
fn main() {
    let mut i = 0;
    while i < 10 {
        i += 1;
        if i % 3 == 0 {
            continue;
        }
        print("{} ", i);
    }
    println();
    let mut n = 0;
    let mut odd_sum = 0;
    loop {
        n += 1;
        if n > 20 {
            break;
        }
        if n % 2 == 0 {
            continue;
        }
        odd_sum += n;
    }
    println("odd_sum = {odd_sum}");
    // continue skipping everything after it
    let mut j = 0;
    let mut printed = 0;
    while j < 5 {
        j += 1;
        continue;
        printed += 1;
    }
    println("j = {j}, printed = {printed}");
}
