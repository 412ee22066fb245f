// Hash and #[derive(Hash)]: the same hashes as Rust's DefaultHasher (SipHash-1-3, keys 0 and 0)
// for the same values, checked against a Rust program; the keyed line checks itself only.
#[derive(Hash, Debug, Clone, Copy, PartialEq, Eq)]
struct Key { id: u32, tag: char, flags: (bool, i16), cells: [u8; 3] }

#[derive(Hash)]
enum Shape { Dot, Circle(i64), Named { name: String, sides: u8 } }

fn hash_of<T: Hash>(x: &T) -> u64 {
    let mut h = Hasher::new();
    x.hash(&mut h);
    h.finish()
}

fn main() {
    println("{}", hash_of(&42u64));
    println("{}", hash_of(&-1i32));
    println("{}", hash_of(&"hello"));
    println("{}", hash_of(&true));
    println("{}", hash_of(&'λ'));
    println("{}", hash_of(&Key { id: 7, tag: 'k', flags: (true, -3), cells: [1, 2, 3] }));
    println("{}", hash_of(&Shape::Dot));
    println("{}", hash_of(&Shape::Circle(5)));
    println("{}", hash_of(&Shape::Named { name: "tri", sides: 3 }));
    let mut keyed = Hasher::with_keys(1, 2);
    keyed.write_str("abcdefghijklmnop");
    println("{}", keyed.finish());
}
