// A struct cannot contain itself by value.
struct Node {
    value: i64,
    next: Node,
}

fn main() {
}
