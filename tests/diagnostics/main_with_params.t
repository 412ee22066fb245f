// `main` takes no parameters.
fn main(argc: i64) {
    println("{}", argc);
}
