// exit: 101
// stderr: attempt to divide by zero
// Averages of buckets; the last bucket is empty and its count is zero.
struct Bucket { total: i64, count: i64 }

impl Bucket {
    fn mean(&self) -> i64 {
        self.total / self.count
    }
}

fn main() {
    let values = [4, 9, 14, 2, 8, 11, 3];
    let mut b = [Bucket { total: 0, count: 0 }; 4];
    for v in values {
        let k = (v / 5) as usize;
        b[k].total += v;
        b[k].count += 1;
    }
    for i in 0..4 {
        println("bucket {}: {}", i, b[i].mean());
    }
}
