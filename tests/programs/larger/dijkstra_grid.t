// Shortest paths on a weighted grid: a binary min-heap over [i64; N] (each entry packs
// distance and cell index into one integer), Dijkstra's algorithm, path reconstruction
// and a picture of the route.

const W: usize = 9;
const H: usize = 7;
const CELLS: usize = W * H;
const HEAP_CAP: usize = 4 * CELLS;
const SHIFT: i64 = 1024;
const INF: i64 = i64::MAX;

struct MinHeap {
    data: [i64; HEAP_CAP],
    len: usize,
    pushes: i64,
}

impl MinHeap {
    fn new() -> MinHeap {
        MinHeap { data: [0; HEAP_CAP], len: 0, pushes: 0 }
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn push(&mut self, v: i64) {
        if self.len == HEAP_CAP {
            panic("heap overflow at {} entries", self.len);
        }
        let mut i = self.len;
        self.data[i] = v;
        self.len += 1;
        self.pushes += 1;
        while i > 0 {
            let parent = (i - 1) / 2;
            if self.data[parent] <= self.data[i] {
                break;
            }
            let t = self.data[parent];
            self.data[parent] = self.data[i];
            self.data[i] = t;
            i = parent;
        }
    }

    fn pop(&mut self) -> i64 {
        let top = self.data[0];
        self.len -= 1;
        self.data[0] = self.data[self.len];
        let mut i = 0;
        loop {
            let l = 2 * i + 1;
            let r = l + 1;
            let mut smallest = i;
            if l < self.len && self.data[l] < self.data[smallest] { smallest = l; }
            if r < self.len && self.data[r] < self.data[smallest] { smallest = r; }
            if smallest == i { break; }
            let t = self.data[smallest];
            self.data[smallest] = self.data[i];
            self.data[i] = t;
            i = smallest;
        }
        top
    }
}

struct Grid {
    cost: [[i64; W]; H],
}

impl Grid {
    fn generate(seed: u32) -> Grid {
        let mut g = Grid { cost: [[0; W]; H] };
        let mut state = seed;
        for r in 0..H {
            for c in 0..W {
                state = state.wrapping_mul(1103515245).wrapping_add(12345);
                let roll = (state >> 16) % 10;
                g.cost[r][c] = match roll {
                    0..=4 => 1,
                    5 | 6 => 3,
                    7 => 6,
                    _ => 0, // wall
                };
            }
        }
        g.cost[0][0] = 1;
        g.cost[H - 1][W - 1] = 1;
        g
    }

    fn passable(&self, r: i64, c: i64) -> bool {
        r >= 0 && c >= 0 && r < H as i64 && c < W as i64 && self.cost[r as usize][c as usize] > 0
    }
}

fn dijkstra(g: &Grid, start: usize, dist: &mut [i64; CELLS], prev: &mut [usize; CELLS]) -> i64 {
    let mut heap = MinHeap::new();
    let mut done = [false; CELLS];
    for i in 0..CELLS {
        dist[i] = INF;
        prev[i] = CELLS;
    }
    dist[start] = 0;
    heap.push(start as i64);
    let moves = [(0i64, 1i64), (1, 0), (0, -1), (-1, 0)];
    let mut settled = 0;
    while !heap.is_empty() {
        let entry = heap.pop();
        let d = entry / SHIFT;
        let cell = (entry % SHIFT) as usize;
        if done[cell] { continue; }
        done[cell] = true;
        settled += 1;
        let r = (cell / W) as i64;
        let c = (cell % W) as i64;
        for m in moves {
            let (dr, dc) = m;
            let (nr, nc) = (r + dr, c + dc);
            if !g.passable(nr, nc) { continue; }
            let next = nr as usize * W + nc as usize;
            let nd = d + g.cost[nr as usize][nc as usize];
            if nd < dist[next] {
                dist[next] = nd;
                prev[next] = cell;
                heap.push(nd * SHIFT + next as i64);
            }
        }
    }
    println("settled {} cells with {} heap pushes", settled, heap.pushes);
    settled
}

// How many reachable cells lie in each band of 5 distance units.
fn distance_bands(dist: &[i64; CELLS]) {
    let mut bands = [0u32; 8];
    for i in 0..CELLS {
        let d = dist[i];
        if d == INF { continue; }
        let b = (d / 5) as usize;
        bands[b.min(7)] += 1;
    }
    for b in 0..8 {
        if bands[b] == 0 { continue; }
        let lo = b * 5;
        if b == 7 {
            println("  {:>2}+    {}", lo, bands[b]);
        } else {
            println("  {:>2}..{:<2} {}", lo, lo + 4, bands[b]);
        }
    }
}

fn main() {
    let g = Grid::generate(2024);
    let mut dist = [0i64; CELLS];
    let mut prev = [0usize; CELLS];
    let reached = dijkstra(&g, 0, &mut dist, &mut prev);

    let goal = CELLS - 1;
    let mut on_path = [false; CELLS];
    let mut steps = 0;
    if dist[goal] != INF {
        let mut at = goal;
        while at != CELLS {
            on_path[at] = true;
            steps += 1;
            at = prev[at];
        }
    }

    for r in 0..H {
        for c in 0..W {
            let i = r * W + c;
            let ch = if g.cost[r][c] == 0 {
                '#'
            } else if on_path[i] {
                '*'
            } else {
                (b'0' + g.cost[r][c] as u8) as char
            };
            print("{}", ch);
        }
        print("   ");
        for c in 0..W {
            let d = dist[r * W + c];
            if d == INF { print("  ."); } else { print("{:3}", d); }
        }
        println();
    }

    let mut unreachable = 0;
    let mut far: i64 = 0;
    for i in 0..CELLS {
        if g.cost[i / W][i % W] > 0 && dist[i] == INF { unreachable += 1; }
        if dist[i] != INF { far = far.max(dist[i]); }
    }
    if dist[goal] == INF {
        println("goal unreachable");
    } else {
        println("goal distance {} over {} cells", dist[goal], steps);
    }
    println("reached {}, open but unreachable {}, farthest {}", reached, unreachable, far);
    distance_bands(&dist);

    // From the opposite corner the goal distance must be the same (costs are paid on entry,
    // so the two directions differ by the cost of the end cells, both 1 here).
    let mut back = [0i64; CELLS];
    let mut back_prev = [0usize; CELLS];
    dijkstra(&g, goal, &mut back, &mut back_prev);
    println("reverse distance {} (forward {})", back[0], dist[goal]);

    // The heap on its own: sort some numbers.
    let mut h = MinHeap::new();
    for x in [42, -7, 19, 0, 42, 3, -100, 8] {
        h.push(x);
    }
    while !h.is_empty() {
        print("{} ", h.pop());
    }
    println();
}
