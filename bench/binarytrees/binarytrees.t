// binarytrees: the Benchmarks Game binary-trees, single-threaded. Builds perfect binary
// trees of reference-counted `class` nodes bottom-up, walks each one to count its nodes,
// and lets it go: allocation, reference counting and freeing of many small objects.
// A stretch tree of depth max+1 is built, checked and freed; a long-lived tree of depth
// max is kept for the whole run; then, for depths 4, 6, .., max, 2^(max-depth+4) trees
// are built and checked. Prints the Benchmarks Game's lines (tab-separated).
// @N@ (the maximum depth) is substituted by bench/run; the argument count keeps it
// opaque to the optimiser.

class Node {
    left: Option<Node>,
    right: Option<Node>,
}

fn bottom_up_tree(depth: i64) -> Node {
    if depth > 0 {
        Node { left: Some(bottom_up_tree(depth - 1)), right: Some(bottom_up_tree(depth - 1)) }
    } else {
        Node { left: None, right: None }
    }
}

impl Node {
    // The number of nodes in the tree.
    fn check(&self) -> i64 {
        let mut c = 1;
        if let Some(l) = self.left {
            c += l.check();
        }
        if let Some(r) = self.right {
            c += r.check();
        }
        c
    }
}

fn main() {
    let n = @N@ + std::env::arg_count() - 1;
    let min_depth = 4;
    let max_depth = if min_depth + 2 > n { min_depth + 2 } else { n };

    let stretch_depth = max_depth + 1;
    println("stretch tree of depth {}\t check: {}", stretch_depth,
            bottom_up_tree(stretch_depth).check());

    let long_lived = bottom_up_tree(max_depth);

    let mut depth = min_depth;
    while depth <= max_depth {
        let iterations = 1 << (max_depth - depth + min_depth);
        let mut check = 0;
        for _ in 0..iterations {
            check += bottom_up_tree(depth).check();
        }
        println("{}\t trees of depth {}\t check: {}", iterations, depth, check);
        depth += 2;
    }

    println("long lived tree of depth {}\t check: {}", max_depth, long_lived.check());
}
