// An array length is an integer constant; a float constant does not qualify.
const N: f64 = 3.0;

fn sum(a: [i64; N]) -> i64 { a[0] }

fn main() {
    let a = [0; N];
}
