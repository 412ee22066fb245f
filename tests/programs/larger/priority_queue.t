// A generic priority queue and two simulations that run on it.
//
// `PriorityQueue<P, T>` pops the item with the smallest priority first; items of equal
// priority come out in the order they went in (each entry carries a sequence number),
// which makes every simulation below deterministic. It is built on the standard
// `BinaryHeap` with `Reverse` entries, and works for any `P: Ord` and any item type.
//
// 1. A discrete-event simulation of an emergency department: patients arrive at random
//    times with a severity, wait in a triage queue (most severe first, then by arrival),
//    and are treated by a few doctors. The future events themselves (arrivals and the
//    ends of treatments) live in a second priority queue keyed by time.
// 2. Dijkstra's shortest paths on a random road network held in a HashMap, checked
//    against Bellman-Ford.

// ---- the priority queue ----

struct Entry<P, T> { priority: P, seq: u64, item: T }

impl<P: Ord, T> PartialEq for Entry<P, T> {
    fn eq(&self, other: &Entry<P, T>) -> bool { self.priority == other.priority && self.seq == other.seq }
}

impl<P: Ord, T> Eq for Entry<P, T> {}

impl<P: Ord, T> PartialOrd for Entry<P, T> {
    fn partial_cmp(&self, other: &Entry<P, T>) -> Option<Ordering> { Some(self.cmp(&other)) }
}

impl<P: Ord, T> Ord for Entry<P, T> {
    fn cmp(&self, other: &Entry<P, T>) -> Ordering {
        match self.priority.cmp(&other.priority) {
            Ordering::Equal => self.seq.cmp(&other.seq),
            c => c,
        }
    }
}

struct PriorityQueue<P, T> {
    heap: BinaryHeap<Reverse<Entry<P, T>>>,
    next_seq: u64,
    max_len: usize,
}

impl<P: Ord, T> PriorityQueue<P, T> {
    fn new() -> PriorityQueue<P, T> {
        PriorityQueue { heap: BinaryHeap::new(), next_seq: 0, max_len: 0 }
    }

    fn push(&mut self, priority: P, item: T) {
        self.heap.push(Reverse(Entry { priority, seq: self.next_seq, item }));
        self.next_seq += 1;
        if self.heap.len() > self.max_len { self.max_len = self.heap.len(); }
    }

    /** The item with the smallest priority (the earliest pushed among equals). */
    fn pop(&mut self) -> Option<(P, T)> {
        match self.heap.pop() {
            Some(Reverse(e)) => Some((e.priority, e.item)),
            None => None,
        }
    }

    fn peek_priority(&self) -> Option<P> {
        match self.heap.peek() {
            Some(Reverse(e)) => Some(e.priority),
            None => None,
        }
    }

    fn len(&self) -> usize { self.heap.len() }
    fn is_empty(&self) -> bool { self.heap.is_empty() }
}

// ---- randomness ----

struct Rng { state: u64 }

impl Rng {
    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }
    fn between(&mut self, lo: i64, hi: i64) -> i64 { lo + (self.next() % ((hi - lo + 1) as u64)) as i64 }
}

// ---- 1. the emergency department ----

#[derive(Debug, Clone, Copy, PartialEq)]
enum Event { Arrival(u32), Done { doctor: usize, patient: u32 } }

#[derive(Debug, Clone, Copy)]
struct Patient { id: u32, severity: i64, arrived: i64, treatment: i64 }

struct Stats { treated: [i64; 5], waited: [i64; 5], longest: [i64; 5] }

fn simulate_department(doctors: usize, patients: u32, seed: u64) -> Stats {
    let mut rng = Rng { state: seed };
    let mut records: HashMap<u32, Patient> = HashMap::new();
    let mut events: PriorityQueue<i64, Event> = PriorityQueue::new();
    // Triage: the most severe (5) first, so the priority is the negated severity.
    let mut triage: PriorityQueue<i64, u32> = PriorityQueue::new();
    let mut free: Stack<usize> = Stack::new();
    for d in (0..doctors).rev() { free.push(d); }
    let mut stats = Stats { treated: [0; 5], waited: [0; 5], longest: [0; 5] };

    let mut t: i64 = 0;
    for id in 0..patients {
        t += rng.between(1, 9);
        let p = Patient { id, severity: rng.between(1, 5), arrived: t, treatment: rng.between(5, 25) };
        records.insert(id, p);
        events.push(t, Event::Arrival(id));
    }

    let mut busy_time = [0i64; 8];
    let mut clock: i64 = 0;
    while let Some((now, event)) = events.pop() {
        clock = now;
        match event {
            Event::Arrival(id) => {
                let p = records[id];
                triage.push(-p.severity, id);
            }
            Event::Done { doctor, patient } => {
                records.remove(&patient);
                free.push(doctor);
            }
        }
        // Every free doctor takes the most urgent waiting patient.
        while !free.is_empty() && !triage.is_empty() {
            let doctor = free.pop().unwrap();
            let (_, id) = triage.pop().unwrap();
            let p = records[id];
            let s = (p.severity - 1) as usize;
            let wait = now - p.arrived;
            stats.treated[s] += 1;
            stats.waited[s] += wait;
            if wait > stats.longest[s] { stats.longest[s] = wait; }
            busy_time[doctor] += p.treatment;
            events.push(now + p.treatment, Event::Done { doctor, patient: id });
        }
    }
    println("  {} doctors: all {} patients treated by t={}, {} records left, longest triage queue {}",
        doctors, patients, clock, records.len(), triage.max_len);
    print("  doctors busy:");
    for d in 0..doctors { print(" {}%", busy_time[d] * 100 / clock); }
    println("");
    stats
}

fn report(stats: &Stats) {
    for s in (0..5).rev() {
        let n = stats.treated[s];
        let mean = if n == 0 { 0 } else { stats.waited[s] / n };
        println("    severity {}: {:>3} patients, mean wait {:>4}, longest {:>4}", s + 1, n, mean, stats.longest[s]);
    }
}

// ---- 2. shortest paths ----

struct Road { to: usize, minutes: i64 }

fn build_roads(towns: usize, roads: usize, rng: &mut Rng) -> HashMap<usize, Vec<Road>> {
    let mut map: HashMap<usize, Vec<Road>> = HashMap::new();
    for town in 0..towns { map.insert(town, Vec::new()); }
    // A ring keeps every town reachable; the rest are random two-way roads.
    for i in 0..roads {
        let (a, b) = if i < towns {
            (i, (i + 1) % towns)
        } else {
            (rng.next() as usize % towns, rng.next() as usize % towns)
        };
        if a == b { continue; }
        let minutes = rng.between(3, 40);
        let mut from_a = map[a];
        from_a.push(Road { to: b, minutes });
        map[a] = from_a;
        let mut from_b = map[b];
        from_b.push(Road { to: a, minutes });
        map[b] = from_b;
    }
    map
}

fn dijkstra(map: &HashMap<usize, Vec<Road>>, towns: usize, start: usize) -> (Vec<i64>, Vec<usize>, usize) {
    let mut dist: Vec<i64> = (0..towns).map(|_| i64::MAX).collect();
    let mut prev: Vec<usize> = (0..towns).map(|i| i).collect();
    let mut done: HashSet<usize> = HashSet::new();
    let mut queue: PriorityQueue<i64, usize> = PriorityQueue::new();
    dist[start] = 0;
    queue.push(0, start);
    let mut pops = 0;
    while let Some((d, town)) = queue.pop() {
        pops += 1;
        if !done.insert(town) { continue; }
        for road in map[town] {
            let nd = d + road.minutes;
            if nd < dist[road.to] {
                dist[road.to] = nd;
                prev[road.to] = town;
                queue.push(nd, road.to);
            }
        }
    }
    (dist, prev, pops)
}

fn bellman_ford(map: &HashMap<usize, Vec<Road>>, towns: usize, start: usize) -> Vec<i64> {
    let mut dist: Vec<i64> = (0..towns).map(|_| i64::MAX).collect();
    dist[start] = 0;
    let mut changed = true;
    while changed {
        changed = false;
        for (town, roads) in map.iter() {
            if dist[town] == i64::MAX { continue; }
            for road in roads {
                if dist[town] + road.minutes < dist[road.to] {
                    dist[road.to] = dist[town] + road.minutes;
                    changed = true;
                }
            }
        }
    }
    dist
}

fn route(prev: &Vec<usize>, start: usize, goal: usize) -> Vec<usize> {
    let mut path: Vec<usize> = Vec::new();
    let mut at = goal;
    path.push(at);
    while at != start {
        at = prev[at];
        path.push(at);
    }
    path.reverse();
    path
}

fn main() {
    // The queue itself: smallest first, ties in insertion order.
    let mut q: PriorityQueue<i64, char> = PriorityQueue::new();
    for (p, c) in [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')] { q.push(p, c); }
    print("order:");
    while let Some((p, c)) = q.pop() { print(" {c}{p}"); }
    println(" (empty: {}, peek {:?})", q.is_empty(), q.peek_priority());

    println("emergency department, 300 patients:");
    for doctors in [2, 3, 4] {
        let stats = simulate_department(doctors, 300, 0x853c49e6748fea9b);
        report(&stats);
    }

    let towns = 60;
    let mut rng = Rng { state: 0xda3e39cb94b95bdb };
    let map = build_roads(towns, 150, &mut rng);
    let mut road_count = 0;
    for roads in map.values() { road_count += roads.len(); }
    let (dist, prev, pops) = dijkstra(&map, towns, 0);
    let check = bellman_ford(&map, towns, 0);
    println("roads: {} towns, {} one-way roads; dijkstra popped {} entries; agrees with bellman-ford: {}",
        towns, road_count, pops, dist == check);
    let mut far: Vec<(i64, usize)> = (0..towns).map(|t| (dist[t], t)).collect();
    far.sort_by_key(|p| Reverse(p.0));
    for i in 0..3 {
        let (d, t) = far[i];
        println("  town {:>2}: {:>3} minutes via {:?}", t, d, route(&prev, 0, t));
    }
}
