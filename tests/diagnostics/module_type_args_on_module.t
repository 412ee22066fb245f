// Type arguments written on a module in a path (E0109).
mod util {
    pub fn id<T>(x: T) -> T { x }
}
fn main() {
    let x = util::<i64>::id(5);
    let y = util::id::<i64>(5);
}
