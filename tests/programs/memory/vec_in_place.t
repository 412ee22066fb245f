// Changing elements where they are: `v[i].x += 1`, `v[i].push(x)`, `&mut v[i]`,
// `grid[r][c] = x` go through `IndexPlace` (the element's address) — no copy of the
// element, and no copy of a buffer nobody shares (std::mem::stats() counts allocations).
#[derive(Debug)]
struct Particle { x: i64, v: i64 }

fn step(p: &mut Particle) { p.x += p.v; }

fn allocations() -> u64 { std::mem::stats().allocations }

fn main() {
    let mut ps: Vec<Particle> = Vec::new();
    for i in 0..4 { ps.push(Particle { x: i, v: i * 10 }); }
    let before = allocations();
    for i in 0..ps.len() {
        ps[i].x += 1;
        step(&mut ps[i]);
    }
    ps[3].v = -1;
    println("{:?}", ps);
    println("allocations while changing: {}", allocations() - before);

    // Nested vectors: each row changed in place.
    let mut grid: Vec<Vec<i64>> = Vec::new();
    for r in 0..3 {
        grid.push(Vec::new());
        for c in 0..3 { grid[r].push((r * 3 + c) as i64); }
    }
    grid[1][1] = 100;
    grid[2][0] += 5;
    grid[0].reverse();
    println("{:?}", grid);

    // A copy taken before the change keeps the old values (copy-on-write).
    let snapshot = grid;
    grid[0][0] = -7;
    println("{:?} {:?}", grid[0], snapshot[0]);
}
