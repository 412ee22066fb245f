// Compound assignment to an immutable binding.
fn main() {
    let count = 1;
    count += 1;
    println("{}", count);
}
