// binarytrees: Rust counterpart of binarytrees.t (same algorithm, same output).
// Benchmarks Game binary-trees, single-threaded, std only: one Box per node, freed when
// the tree is dropped.

struct Node {
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

fn bottom_up_tree(depth: i64) -> Box<Node> {
    if depth > 0 {
        Box::new(Node {
            left: Some(bottom_up_tree(depth - 1)),
            right: Some(bottom_up_tree(depth - 1)),
        })
    } else {
        Box::new(Node { left: None, right: None })
    }
}

impl Node {
    // The number of nodes in the tree.
    fn check(&self) -> i64 {
        let mut c = 1;
        if let Some(l) = &self.left {
            c += l.check();
        }
        if let Some(r) = &self.right {
            c += r.check();
        }
        c
    }
}

fn main() {
    let n = @N@ + std::env::args().count() as i64 - 1;
    let min_depth = 4;
    let max_depth = if min_depth + 2 > n { min_depth + 2 } else { n };

    let stretch_depth = max_depth + 1;
    println!("stretch tree of depth {}\t check: {}", stretch_depth,
             bottom_up_tree(stretch_depth).check());

    let long_lived = bottom_up_tree(max_depth);

    let mut depth = min_depth;
    while depth <= max_depth {
        let iterations = 1i64 << (max_depth - depth + min_depth);
        let mut check = 0;
        for _ in 0..iterations {
            check += bottom_up_tree(depth).check();
        }
        println!("{}\t trees of depth {}\t check: {}", iterations, depth, check);
        depth += 2;
    }

    println!("long lived tree of depth {}\t check: {}", max_depth, long_lived.check());
}
