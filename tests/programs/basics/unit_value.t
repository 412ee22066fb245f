// The unit value `()` written as an expression.
fn nothing() -> () {
    ()
}

fn main() {
    let u: () = ();
    let v = nothing();
    let w: () = { () };
    let _a = u;
    let _b = v;
    let _c = w;
    println("unit ok");
}
