// A tree whose children point back at their parent with `Weak`: no cycle of strong
// references, so dropping the root frees everything (the leak check would say otherwise).
class TreeNode {
    name: String,
    parent: Weak<TreeNode>,
    children: [Option<TreeNode>; 3],
}

impl Drop for TreeNode {
    fn drop(&mut self) { println("drop {}", self.name); }
}

fn node(name: String) -> TreeNode {
    TreeNode { name, parent: Weak::new(), children: [None, None, None] }
}

fn add_child(parent: TreeNode, slot: usize, name: String) -> TreeNode {
    let child = node(name);
    child.parent = Weak::from(parent);
    parent.children[slot] = Some(child);
    child
}

fn path(n: TreeNode) -> String {
    match n.parent.upgrade() {
        Some(p) => { print("{}/", path(p)); n.name }
        None => n.name,
    }
}

fn main() {
    let mut weak_leaf = Weak::new();
    println("empty weak: {:?}", weak_leaf.upgrade().is_some());
    {
        let root = node("root");
        let a = add_child(root, 0, "a");
        let b = add_child(root, 1, "b");
        let leaf = add_child(a, 0, "leaf");
        println("{}", path(leaf));
        weak_leaf = Weak::from(leaf);
        println("leaf strong={} weak={}", weak_leaf.strong_count(), weak_leaf.weak_count());
        println("parent of b: {}", b.parent.upgrade().unwrap().name);
    }
    println("after the tree: {}", weak_leaf.upgrade().is_some());
    println("counts: strong={} weak={}", weak_leaf.strong_count(), weak_leaf.weak_count());
}
