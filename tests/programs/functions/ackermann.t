// The Ackermann function for small arguments (deep, non-primitive recursion).
fn ack(m: i64, n: i64) -> i64 {
    if m == 0 {
        n + 1
    } else if n == 0 {
        ack(m - 1, 1)
    } else {
        ack(m - 1, ack(m, n - 1))
    }
}

fn main() {
    let mut m = 0;
    while m <= 3 {
        let mut n = 0;
        while n <= 4 {
            print("{}", ack(m, n));
            if n < 4 { print(" "); }
            n += 1;
        }
        println();
        m += 1;
    }
    println("ack(3, 6) = {}", ack(3, 6));
    println("ack(4, 0) = {}", ack(4, 0));
}
