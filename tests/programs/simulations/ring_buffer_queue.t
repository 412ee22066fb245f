// A bank-teller queue: a ring buffer of customers (struct with &mut self methods),
// arrivals from a linear congruential generator, two tellers, waiting-time statistics.
const CAP: usize = 16;

struct Customer { id: u32, arrived: u32, work: u32 }

struct Queue {
    items: [Customer; CAP],
    head: usize,
    len: usize,
    dropped: u32,
}

impl Queue {
    fn new() -> Queue {
        Queue { items: [Customer { id: 0, arrived: 0, work: 0 }; CAP], head: 0, len: 0, dropped: 0 }
    }

    fn push(&mut self, c: Customer) -> bool {
        if self.len == CAP {
            self.dropped += 1;
            return false;
        }
        let tail = (self.head + self.len) % CAP;
        self.items[tail] = c;
        self.len += 1;
        true
    }

    fn pop(&mut self) -> (bool, Customer) {
        if self.len == 0 {
            return (false, Customer { id: 0, arrived: 0, work: 0 });
        }
        let c = self.items[self.head];
        self.head = (self.head + 1) % CAP;
        self.len -= 1;
        (true, c)
    }
}

struct Lcg { s: u32 }

impl Lcg {
    fn next(&mut self) -> u32 {
        self.s = self.s.wrapping_mul(1664525).wrapping_add(1013904223);
        self.s >> 24
    }
}

fn main() {
    let mut q = Queue::new();
    let mut rng = Lcg { s: 42 };
    let mut busy = [0u32; 2];
    let mut served = [0u32; 2];
    let mut next_id = 1;
    let mut total_wait: u64 = 0;
    let mut max_wait: u32 = 0;
    let mut max_len: usize = 0;
    for t in 0..500u32 {
        let r = rng.next();
        if r < 110 {
            let work = 2 + rng.next() % 6;
            q.push(Customer { id: next_id, arrived: t, work });
            next_id += 1;
        }
        max_len = max_len.max(q.len);
        for k in 0..2 {
            if busy[k] > 0 {
                busy[k] -= 1;
                continue;
            }
            let (got, c) = q.pop();
            if got {
                let wait = t - c.arrived;
                total_wait += wait as u64;
                max_wait = max_wait.max(wait);
                busy[k] = c.work - 1;
                served[k] += 1;
                if c.id % 50 == 0 {
                    println("t={:>3}: teller {} takes #{} after {} ticks", t, k, c.id, wait);
                }
            }
        }
    }
    let n = served[0] + served[1];
    println("arrived {}, served {} + {}, dropped {}, still queued {}", next_id - 1, served[0], served[1], q.dropped, q.len);
    println("mean wait {:.2}, max wait {}, max queue {}", total_wait as f64 / n as f64, max_wait, max_len);
}
