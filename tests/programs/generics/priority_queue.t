// A generic priority queue (a binary max-heap in a fixed array) used three ways: with
// integers, with a struct ordered by its own `Ord` impl, and with a wrapper that reverses
// the order to make a min-heap. Then a small event scheduler built on it.

const CAPACITY: usize = 64;

struct Heap<T> {
    items: [T; CAPACITY],
    len: usize,
}

impl<T: Ord + Copy + Default> Heap<T> {
    fn new() -> Heap<T> {
        Heap { items: [T::default(); CAPACITY], len: 0 }
    }

    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn push(&mut self, x: T) -> Result<(), T> {
        if self.len == CAPACITY {
            return Err(x);
        }
        self.items[self.len] = x;
        self.len += 1;
        self.sift_up(self.len - 1);
        Ok(())
    }

    fn peek(&self) -> Option<T> {
        if self.len == 0 { None } else { Some(self.items[0]) }
    }

    fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        let top = self.items[0];
        self.len -= 1;
        if self.len > 0 {
            self.items[0] = self.items[self.len];
            self.sift_down(0);
        }
        Some(top)
    }

    fn sift_up(&mut self, start: usize) {
        let mut i = start;
        while i > 0 {
            let parent = (i - 1) / 2;
            if self.items[i] > self.items[parent] {
                let t = self.items[i];
                self.items[i] = self.items[parent];
                self.items[parent] = t;
                i = parent;
            } else {
                break;
            }
        }
    }

    fn sift_down(&mut self, start: usize) {
        let mut i = start;
        loop {
            let left = 2 * i + 1;
            let right = left + 1;
            let mut largest = i;
            if left < self.len && self.items[left] > self.items[largest] {
                largest = left;
            }
            if right < self.len && self.items[right] > self.items[largest] {
                largest = right;
            }
            if largest == i {
                break;
            }
            let t = self.items[i];
            self.items[i] = self.items[largest];
            self.items[largest] = t;
            i = largest;
        }
    }
}

/** Orders by priority, then by the lower id first (so equal priorities are first-come first-served). */
struct Task {
    priority: i32,
    id: u32,
    cost: i64,
}

impl Default for Task {
    fn default() -> Task { Task { priority: 0, id: 0, cost: 0 } }
}

impl Clone for Task {
    fn clone(&self) -> Task { Task { priority: self.priority, id: self.id, cost: self.cost } }
}

impl Copy for Task {}

impl PartialEq for Task {
    fn eq(&self, o: &Task) -> bool { self.priority == o.priority && self.id == o.id }
}

impl Eq for Task {}

impl PartialOrd for Task {
    fn partial_cmp(&self, o: &Task) -> Option<Ordering> { Some(self.cmp(&o)) }
}

impl Ord for Task {
    fn cmp(&self, o: &Task) -> Ordering {
        match self.priority.cmp(&o.priority) {
            Ordering::Equal => o.id.cmp(&self.id),
            other => other,
        }
    }
}

impl Display for Task {
    fn fmt(&self, f: &mut Formatter) { write(f, "task#{} (p{}, cost {})", self.id, self.priority, self.cost) }
}

/** Reverses the order of what it wraps: a max-heap of `Rev<T>` is a min-heap of T. */
struct Rev<T> {
    inner: T,
}

impl<T: Default> Default for Rev<T> {
    fn default() -> Rev<T> { Rev { inner: T::default() } }
}

impl<T: Copy> Clone for Rev<T> {
    fn clone(&self) -> Rev<T> { Rev { inner: self.inner } }
}

impl<T: Copy> Copy for Rev<T> {}

impl<T: Ord> PartialEq for Rev<T> {
    fn eq(&self, o: &Rev<T>) -> bool { self.inner.cmp(&o.inner) == Ordering::Equal }
}

impl<T: Ord> Eq for Rev<T> {}

impl<T: Ord> PartialOrd for Rev<T> {
    fn partial_cmp(&self, o: &Rev<T>) -> Option<Ordering> { Some(o.inner.cmp(&self.inner)) }
}

impl<T: Ord> Ord for Rev<T> {
    fn cmp(&self, o: &Rev<T>) -> Ordering { o.inner.cmp(&self.inner) }
}

fn heap_sort_desc(values: [i64; 10]) -> [i64; 10] {
    let mut h: Heap<i64> = Heap::new();
    for v in values {
        h.push(v).unwrap();
    }
    let mut out = [0; 10];
    let mut i = 0;
    while let Some(v) = h.pop() {
        out[i] = v;
        i += 1;
    }
    out
}

fn k_smallest(values: [i64; 10], k: usize) -> i64 {
    let mut h: Heap<Rev<i64>> = Heap::new();
    for v in values {
        h.push(Rev { inner: v }).unwrap();
    }
    let mut last = 0;
    for _ in 0..k {
        last = h.pop().unwrap().inner;
    }
    last
}

fn run_scheduler(budget: i64) -> i64 {
    let mut queue: Heap<Task> = Heap::new();
    let mut next_id = 1u32;
    for p in [2, 5, 1, 5, 3] {
        queue.push(Task { priority: p, id: next_id, cost: (p as i64) * 10 + next_id as i64 }).unwrap();
        next_id += 1;
    }
    let mut spent = 0;
    let mut done = 0;
    while let Some(task) = queue.pop() {
        if spent + task.cost > budget {
            println("  out of budget before {}", task);
            break;
        }
        spent += task.cost;
        done += 1;
        println("  ran {}", task);
        // Expensive tasks spawn a cheaper follow-up with lower priority.
        if task.cost > 30 && task.priority > 1 {
            let follow = Task { priority: task.priority - 2, id: next_id, cost: task.cost / 3 };
            next_id += 1;
            match queue.push(follow) {
                Ok(()) => println("  queued follow-up {}", follow),
                Err(t) => println("  queue full, dropped {}", t),
            }
        }
    }
    println("  {} tasks left", queue.len());
    done
}

fn main() {
    let sorted = heap_sort_desc([5, -3, 12, 0, 7, 7, 100, -50, 2, 9]);
    println("{:?}", sorted);
    println("3rd smallest: {}", k_smallest([5, -3, 12, 0, 7, 7, 100, -50, 2, 9], 3));

    let mut full: Heap<u8> = Heap::new();
    let mut rejected = 0;
    for i in 0..70 {
        if full.push(i as u8).is_err() {
            rejected += 1;
        }
    }
    println("len {} rejected {} top {}", full.len(), rejected, full.peek().unwrap());

    println("scheduler:");
    let done = run_scheduler(200);
    println("done {}", done);
    let empty: Heap<Task> = Heap::new();
    println("{} {}", empty.is_empty(), empty.peek().is_none());
}
