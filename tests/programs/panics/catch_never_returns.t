// A closure whose body never returns has the result type `()` (never-type fallback):
// `catch(|| panic(...))` needs no annotation.
fn main() {
    let r = std::panic::catch(|| panic("boom"));
    match r {
        Ok(()) => println("returned"),
        Err(p) => println("caught: {}", p.message()),
    }
    let give_up = || panic("never called");
    println("done");
}
