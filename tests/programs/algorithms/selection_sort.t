// Selection sort (fewest swaps) on u32 values, descending and ascending.
const N: usize = 12;

fn selection_sort(a: &mut [u32; N], descending: bool) -> u32 {
    let mut swaps = 0;
    for i in 0..N - 1 {
        let mut best = i;
        for j in i + 1..N {
            let better = if descending { a[j] > a[best] } else { a[j] < a[best] };
            if better { best = j; }
        }
        if best != i {
            let t = a[i];
            a[i] = a[best];
            a[best] = t;
            swaps += 1;
        }
    }
    swaps
}

fn main() {
    let mut a = [0u32; N];
    let mut x: u32 = 7;
    for i in 0..N {
        x = (x * 37 + 11) % 101;
        a[i] = x;
    }
    for v in a { print("{:4}", v); }
    println();
    let s1 = selection_sort(&mut a, false);
    for v in a { print("{:4}", v); }
    println("   ({} swaps)", s1);
    let s2 = selection_sort(&mut a, true);
    for v in a { print("{:4}", v); }
    println("   ({} swaps)", s2);
    println("min {} max {}", a[N - 1], a[0]);
}
