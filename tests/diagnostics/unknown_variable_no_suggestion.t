// An unknown name with nothing similar in scope: no suggestion.
fn main() {
    let alpha = 1;
    let beta = alpha + zzyzx;
    println("{}", beta);
}
