// iterchain: an iterator pipeline with closures — filter, map, zip, enumerate, fold —
// against the same computation written as loops in C and as iterators in Rust. The
// adapters are structs generic over their closures, so after monomorphization and
// inlining the chain should be one loop. Every +, * and % is overflow-checked in T.
// @N@ is substituted by bench/run; the argument count keeps it opaque to the optimiser.

fn main() {
    let n: i64 = @N@ + std::env::arg_count() as i64 - 1;
    let modulus = 1000000007;
    let weighted = (0..n)
        .filter(|x| x % 3 != 0)
        .map(|x| (x * x) % modulus)
        .zip((0..n).rev())
        .enumerate()
        .fold(0, |acc, (i, (sq, back))| (acc * 31 + sq + (back ^ i as i64) % 1000) % modulus);
    let evens: i64 = (0..n).step_by(2).map(|x| x % 1000).sum();
    println("iterchain({}) = {} {}", n, weighted, evens);
}
