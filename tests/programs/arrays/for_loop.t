// `for` over an array visits copies of the elements in order; break and continue work,
// and changing the array inside the loop does not change what the loop sees.
fn main() {
    let mut a = [3, 1, 4, 1, 5, 9, 2, 6];
    let mut seen = 0;
    for x in a {
        a[7] = 100;
        if x == 1 { continue; }
        if x == 9 { break; }
        seen = seen * 10 + x;
    }
    println("seen={} a[7]={}", seen, a[7]);
    let words = ["alpha", "beta", "gamma"];
    'outer: for w in words {
        for n in [1, 2, 3] {
            if n == 2 && w == "beta" { continue 'outer; }
            print("{}{} ", w, n);
        }
    }
    println("");
}
