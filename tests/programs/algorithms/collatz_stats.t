// Collatz statistics below 10000: longest chain, highest peak, and a histogram of lengths.
fn steps(start: u64) -> (u32, u64) {
    let mut n = start;
    let mut count = 0;
    let mut peak = n;
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        peak = peak.max(n);
        count += 1;
    }
    (count, peak)
}

fn main() {
    let mut best = (0u32, 0u64);
    let mut highest = (0u64, 0u64);
    let mut buckets = [0u32; 8];
    let mut total: u64 = 0;
    for n in 1..10000u64 {
        let (c, peak) = steps(n);
        total += c as u64;
        if c > best.0 { best = (c, n); }
        if peak > highest.0 { highest = (peak, n); }
        let b = (c / 32) as usize;
        buckets[b.min(7)] += 1;
    }
    println("longest: {} steps from {}", best.0, best.1);
    println("highest peak: {} from {}", highest.0, highest.1);
    println("mean steps: {:.3}", total as f64 / 9999.0);
    for i in 0..8 {
        let label = if i == 7 { 224 } else { i * 32 };
        println("{:>3}{} {:>5}", label, if i == 7 { "+" } else { " " }, buckets[i]);
    }
}
