// Assigning twice to an immutable binding.
fn main() {
    let total = 0;
    total = 5;
    println("{}", total);
}
