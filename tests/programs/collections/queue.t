// Queue<T>, a growable ring buffer (Rust's VecDeque): pushes and pops at both ends,
// growth while the contents wrap around the end of the buffer, indexing, iteration from
// both ends, copy-on-write, and class elements dropped exactly once.
class Job { id: i64 }

impl Drop for Job {
    fn drop(&mut self) { print("done{} ", self.id); }
}

/** Breadth-first distances from cell 0 in a 5x5 grid with walls. */
fn bfs(walls: [[bool; 5]; 5]) -> [[i64; 5]; 5] {
    let mut dist = [[-1; 5]; 5];
    let mut q: Queue<(usize, usize)> = Queue::new();
    dist[0][0] = 0;
    q.push_back((0, 0));
    while let Some((r, c)) = q.pop_front() {
        let d = dist[r][c];
        for (dr, dc) in [(0, 1), (1, 0), (0, -1), (-1, 0)] {
            let nr = r as i64 + dr;
            let nc = c as i64 + dc;
            if nr < 0 || nc < 0 || nr >= 5 || nc >= 5 { continue; }
            let (ur, uc) = (nr as usize, nc as usize);
            if walls[ur][uc] || dist[ur][uc] >= 0 { continue; }
            dist[ur][uc] = d + 1;
            q.push_back((ur, uc));
        }
    }
    dist
}

fn main() {
    let mut q: Queue<i64> = Queue::new();
    println("{:?} {:?} {:?} {:?}", q, q.pop_front(), q.pop_back(), q.front());
    for i in 1..=4 { q.push_back(i); }
    // Now the ring is full (capacity 4); pop two and push two so the contents wrap.
    println("{:?} {:?}", q.pop_front(), q.pop_front());
    q.push_back(5);
    q.push_back(6);
    println("{:?} len {} cap {}", q, q.len(), q.capacity());
    // Growing while wrapped keeps the order.
    q.push_back(7);
    q.push_front(2);
    q.push_front(1);
    println("{:?} len {} front {:?} back {:?}", q, q.len(), q.front(), q.back());
    println("q[0] {} q[6] {} get(7) {:?}", q[0], q[6], q.get(7));
    q[3] = 40;
    let rev: Vec<i64> = q.iter().rev().collect();
    println("{:?} reversed {:?}", q, rev);

    // Copies are independent.
    let snapshot = q;
    q.pop_back();
    q.push_front(0);
    println("{:?} / {:?} equal {}", q, snapshot, q == snapshot);
    let mut c = snapshot.clone();
    c.clear();
    println("cleared {:?} still {:?} contains 40: {}", c, snapshot.len(), snapshot.contains(&40));

    // Many operations at both ends against a Vec model.
    let mut model: Vec<i64> = Vec::new();
    let mut ring: Queue<i64> = Queue::new();
    let mut state: u64 = 12345;
    let mut agree = true;
    for step in 0..3000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let x = step as i64;
        match state % 5 {
            0 => { ring.push_back(x); model.push(x); }
            1 => { ring.push_front(x); model.insert(0, x); }
            2 => {
                let m = if model.is_empty() { None } else { Some(model.remove(0)) };
                if ring.pop_front() != m { agree = false; }
            }
            3 => { if ring.pop_back() != model.pop() { agree = false; } }
            _ => { if ring.len() > 0 && ring[ring.len() / 2] != model[model.len() / 2] { agree = false; } }
        }
        if ring.len() != model.len() { agree = false; }
    }
    println("model agrees: {} (len {})", agree && ring.to_vec() == model, ring.len());

    let walls = [
        [false, false, false, true, false],
        [true, true, false, true, false],
        [false, false, false, false, false],
        [false, true, true, true, false],
        [false, false, false, true, false],
    ];
    let d = bfs(walls);
    println("{:?}", d[4]);

    let collected: Queue<char> = (0..3).map(|i| (b'x' + i as u8) as char).collect();
    println("{:?}", collected);

    let mut jobs: Queue<Job> = Queue::new();
    for id in 1..=4 { jobs.push_back(Job { id }); }
    let first = jobs.pop_front().unwrap();
    println("first {}", first.id);
    let last = jobs.pop_back();
    println("| popped back {}", last.is_some());
    jobs.clear();
    println("| cleared");
}
