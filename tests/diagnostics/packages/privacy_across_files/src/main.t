// Private fields and methods of a struct declared in another file.
mod counter;

fn main() {
    let mut c = counter::Counter::new();
    c.bump();
    c.count += 1;
    println("{}", c.count);
    c.check();
}
