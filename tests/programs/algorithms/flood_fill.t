// Flood fill with an explicit stack of coordinates in a fixed array; counts regions
// and their sizes on a character map.
const R: usize = 8;
const C: usize = 16;

fn map() -> [[char; C]; R] {
    let mut m = [['.'; C]; R];
    let walls = [(0, 5), (1, 5), (2, 5), (3, 5), (3, 6), (3, 7), (3, 8), (3, 9), (4, 9), (5, 9), (6, 9), (7, 9),
                 (5, 0), (5, 1), (5, 2), (5, 3), (6, 3), (7, 3), (1, 12), (2, 12), (2, 13), (2, 14), (2, 15)];
    for w in walls {
        m[w.0][w.1] = '#';
    }
    m
}

fn main() {
    let mut m = map();
    let mut stack = [(0usize, 0usize); R * C];
    let mut sizes = [0u32; 10];
    let mut regions = 0;
    let mut max_stack: usize = 0;
    for r0 in 0..R {
        for c0 in 0..C {
            if m[r0][c0] != '.' { continue; }
            let label = (b'a' + regions as u8) as char;
            let mut top = 0;
            stack[top] = (r0, c0);
            top += 1;
            m[r0][c0] = label;
            let mut size = 0;
            while top > 0 {
                top -= 1;
                let (r, c) = stack[top];
                size += 1;
                let around = [(r as i32 - 1, c as i32), (r as i32 + 1, c as i32), (r as i32, c as i32 - 1), (r as i32, c as i32 + 1)];
                for p in around {
                    if p.0 < 0 || p.1 < 0 || p.0 >= R as i32 || p.1 >= C as i32 { continue; }
                    let (nr, nc) = (p.0 as usize, p.1 as usize);
                    if m[nr][nc] == '.' {
                        m[nr][nc] = label;
                        stack[top] = (nr, nc);
                        top += 1;
                        max_stack = max_stack.max(top);
                    }
                }
            }
            sizes[regions] = size;
            regions += 1;
        }
    }
    for row in m {
        for ch in row { print("{}", ch); }
        println();
    }
    print("{} regions:", regions);
    for i in 0..regions { print(" {}", sizes[i]); }
    println("; deepest stack {}", max_stack);
}
