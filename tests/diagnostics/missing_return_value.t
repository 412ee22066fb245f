// A function declared to return i64 whose body produces ().
fn answer() -> i64 {
    let x = 42;
}

fn main() {
    println("{}", answer());
}
