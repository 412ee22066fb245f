class Buffer { size: i64 }

fn take(b: Buffer) -> i64 { b.size }

fn main() {
    let b = Buffer { size: 4 };
    let n = take(move b);
    println("{} {}", n, b.size);
    let c = Buffer { size: 8 };
    for i in 0..3 {
        if i == 2 { take(move c); }
    }
}
