fn main() {
    let a = std::mem::size_of();
    let b = std::mem::needs_drop::<i64, u8>();
    let c = std::mem::align_of::<i64>(5);
}
