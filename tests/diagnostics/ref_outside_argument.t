// References are second-class: `&x` only as the argument of a reference parameter.
fn main() {
    let x = 5;
    let r = &x;
}
