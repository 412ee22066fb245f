// `use` and `mod` stand at the top level of a module, not in a function body (E1004).
mod m { pub fn f() {} }

fn main() {
    use m::f;
    f();
    let mod = 3;
    println("{}", mod);
}
