// In-place heap sort with an explicit sift-down, on i32 values including extremes.
const N: usize = 15;

fn sift_down(a: &mut [i32; N], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end { return; }
        if child + 1 < end && a[child + 1] > a[child] {
            child += 1;
        }
        if a[root] >= a[child] { return; }
        let t = a[root];
        a[root] = a[child];
        a[child] = t;
        root = child;
    }
}

fn heap_sort(a: &mut [i32; N]) {
    let mut start = N / 2;
    while start > 0 {
        start -= 1;
        sift_down(&mut a, start, N);
    }
    let mut end = N;
    while end > 1 {
        end -= 1;
        let t = a[0];
        a[0] = a[end];
        a[end] = t;
        sift_down(&mut a, 0, end);
    }
}

fn main() {
    let mut a = [5, i32::MAX, -3, 0, 88, i32::MIN, 17, 17, -3, 42, 1, 2, 999, -1000, 6];
    heap_sort(&mut a);
    let mut ok = true;
    for i in 1..N {
        if a[i - 1] > a[i] { ok = false; }
    }
    for v in a { println("{:>11}", v); }
    println("sorted: {}", ok);
}
