// Sieve of Eratosthenes up to 2000: count, sum, last primes, twin primes, largest gap.
const LIMIT: usize = 2000;

fn main() {
    let mut composite = [false; LIMIT + 1];
    composite[0] = true;
    composite[1] = true;
    let mut p = 2;
    while p * p <= LIMIT {
        if !composite[p] {
            let mut m = p * p;
            while m <= LIMIT {
                composite[m] = true;
                m += p;
            }
        }
        p += 1;
    }
    let mut count = 0;
    let mut sum: u64 = 0;
    let mut twins = 0;
    let mut prev = 0;
    let mut gap = 0;
    let mut gap_at = 0;
    for n in 2..=LIMIT {
        if composite[n] { continue; }
        count += 1;
        sum += n as u64;
        if prev > 0 {
            if n - prev == 2 { twins += 1; }
            if n - prev > gap {
                gap = n - prev;
                gap_at = prev;
            }
        }
        prev = n;
    }
    println("{} primes up to {}, sum {}", count, LIMIT, sum);
    println("{} twin pairs; largest gap {} after {}", twins, gap, gap_at);
    print("last five:");
    let mut shown = 0;
    let mut n = LIMIT;
    while shown < 5 {
        if !composite[n] {
            print(" {}", n);
            shown += 1;
        }
        n -= 1;
    }
    println();
}
