// A reference cannot be stored in a struct.
struct Holder { item: &i64 }

fn main() {}
