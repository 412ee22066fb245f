// BinaryHeap<T>: a max-heap; with Reverse, a min-heap. push/pop/peek/len, from_vec
// (heapify), into_sorted_vec, collect, and a heap sort checked against Vec::sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Task { priority: u32, id: u32 }

fn main() {
    let mut h: BinaryHeap<i64> = BinaryHeap::new();
    println("{:?} {:?} {}", h.peek(), h.pop(), h.is_empty());
    for x in [5, 1, 8, 3, 9, 2, 8, 7] { h.push(x); }
    println("len {} peek {:?}", h.len(), h.peek());
    let copy = h;
    let mut popped: Vec<i64> = Vec::new();
    while let Some(x) = h.pop() { popped.push(x); }
    println("{:?} then {:?}; the copy still has {}", popped, h.peek(), copy.len());
    println("{:?}", copy.into_sorted_vec());

    // A min-heap of Reverse values.
    let mut mins: BinaryHeap<Reverse<i64>> = BinaryHeap::new();
    for x in [5, 1, 8, 3] { mins.push(Reverse(x)); }
    print("ascending:");
    while let Some(Reverse(x)) = mins.pop() { print(" {x}"); }
    println("");

    // Structs ordered by their derived Ord: priority first, then id.
    let mut tasks: BinaryHeap<Task> = BinaryHeap::new();
    for (priority, id) in [(2, 1), (5, 2), (2, 3), (9, 4), (5, 5)] {
        tasks.push(Task { priority, id });
    }
    while let Some(t) = tasks.pop() { print("{}/{} ", t.priority, t.id); }
    println("");

    // Heapify and heap sort against Vec::sort on pseudo-random numbers.
    let mut state: u64 = 88172645463325252;
    let mut v: Vec<i64> = Vec::new();
    for _ in 0..2000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        v.push((state % 1000) as i64);
    }
    let mut heap = BinaryHeap::from_vec(v);
    let mut descending: Vec<i64> = Vec::new();
    while let Some(x) = heap.pop() { descending.push(x); }
    let mut sorted = v;
    sorted.sort();
    sorted.reverse();
    println("heap sort agrees: {} ({} items)", descending == sorted, descending.len());

    let collected: BinaryHeap<i64> = (1..=10).map(|x| (x * 7) % 11).collect();
    println("max {:?} of {}", collected.peek(), collected.len());
    let mut more = collected.clone();
    more.extend((100..103).map(|x| x));
    println("{:?} {:?}", more.peek(), collected.peek());
    let total: i64 = more.iter().sum();
    println("sum {}", total);
}
