// Strings hash a word at a time (Hasher::write_str): the same hashes as Rust's
// DefaultHasher for strings of every length around the word size, hashed alone and
// after bytes that leave a partial word pending (7u8, 3u16), checked against a Rust
// program (std::collections::hash_map::DefaultHasher, `w.hash(&mut h)`).
fn main() {
    let words = ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "GGTATTTTAATT", "GGTATTTTAATTTATAGT", "λ-calculus ✓ 0123456789"];
    for w in words {
        let mut h = Hasher::new();
        w.hash(&mut h);
        let a = h.finish();
        let mut g = Hasher::new();
        7u8.hash(&mut g);
        w.hash(&mut g);
        3u16.hash(&mut g);
        w.hash(&mut g);
        println("{} {} {}", w.len(), a, g.finish());
    }
}
