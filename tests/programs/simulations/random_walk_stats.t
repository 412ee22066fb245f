// Random walks from an xorshift generator: mean and standard deviation of the final
// positions (with sqrt), the farthest excursion, and returns to the origin.
struct XorShift { s: u32 }

impl XorShift {
    fn next(&mut self) -> u32 {
        let mut x = self.s;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.s = x;
        x
    }
}

fn main() {
    let mut rng = XorShift { s: 2463534242 };
    let walks = 200;
    let steps = 100;
    let mut sum = 0.0;
    let mut sum_sq = 0.0;
    let mut farthest: i32 = 0;
    let mut returns = 0;
    let mut ends = [0u32; 5];
    for _ in 0..walks {
        let mut pos: i32 = 0;
        for _ in 0..steps {
            pos += if rng.next() & 1 == 1 { 1 } else { -1 };
            farthest = farthest.max(pos.abs());
            if pos == 0 { returns += 1; }
        }
        let x = pos as f64;
        sum += x;
        sum_sq += x * x;
        let bucket = match pos {
            i32::MIN..=-11 => 0,
            -10..=-1 => 1,
            0 => 2,
            1..=10 => 3,
            _ => 4,
        };
        ends[bucket] += 1;
    }
    let n = walks as f64;
    let mean = sum / n;
    let sd = (sum_sq / n - mean * mean).sqrt();
    println("mean {:.4} sd {:.4} (theory {:.4})", mean, sd, (steps as f64).sqrt());
    println("farthest {} returns {}", farthest, returns);
    println("ends: <-10 {} | -10..-1 {} | 0 {} | 1..10 {} | >10 {}", ends[0], ends[1], ends[2], ends[3], ends[4]);
}
