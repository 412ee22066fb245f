// rc-region-pairs (docs/midend.md) cancels the copy of a field bound around a call when
// nothing in between can give up a count. These programs try to give one up anyway: each
// frees the object a binding copied, while the binding is still in use, in a place the pass
// must see (a store in a callee, a deeper call), or panic in the middle of a walk.

class Node {
    id: i64,
    left: Option<Node>,
    right: Option<Node>,
}

impl Drop for Node {
    fn drop(&mut self) { if self.id >= 100 { println("drop {}", self.id); } }
}

fn tree(depth: i64, id: i64) -> Node {
    if depth == 0 { return Node { id: id, left: None, right: None }; }
    Node { id: id, left: Some(tree(depth - 1, id * 2)), right: Some(tree(depth - 1, id * 2 + 1)) }
}

impl Node {
    // A quiet walk: its bindings' copies go (nothing in it releases).
    fn count(&self) -> i64 {
        let mut c = 1;
        if let Some(l) = self.left { c += l.count(); }
        if let Some(r) = self.right { c += r.count(); }
        c
    }

    // Clears the root's left subtree while a deeper frame holds a binding into it.
    fn prune_at(&self, root: Node, depth: i64) -> i64 {
        if depth == 0 {
            root.left = None;
            return self.id;
        }
        let mut s = self.id;
        if let Some(l) = self.left {
            s += l.prune_at(root, depth - 1);
            s += l.id; // l must still be alive: its copy holds it
        }
        s
    }

    // Panics at the leaves of the left-most path.
    fn dive(&self) -> i64 {
        if let Some(l) = self.left {
            return l.dive() + l.id;
        }
        panic("leaf {}", self.id)
    }
}

class Holder { tree: Option<Node> }

fn main() {
    let t = tree(4, 1);
    println("count {}", t.count());

    let root = tree(3, 100);
    let sum = root.prune_at(root, 2);
    println("pruned sum {} count {}", sum, root.count());

    // A panic at the bottom of a walk whose copies were cancelled: the landing pads release
    // nothing they did not hold, and the tree is dropped once, after the catch.
    let holder = Holder { tree: Some(tree(2, 100)) };
    let walked = holder.tree;
    let r = std::panic::catch(|| {
        if let Some(n) = walked { n.dive() } else { 0 }
    });
    println("caught {}", r.is_err());
    holder.tree = None;
    println("end");
}
