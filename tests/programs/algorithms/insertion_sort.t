// Insertion sort on several arrays, counting shifts; also a stable sort of pairs by key.
fn insertion_sort(a: &mut [i64; 10]) -> i64 {
    let mut shifts = 0;
    for i in 1..a.len() {
        let key = a[i];
        let mut j = i;
        while j > 0 && a[j - 1] > key {
            a[j] = a[j - 1];
            j -= 1;
            shifts += 1;
        }
        a[j] = key;
    }
    shifts
}

fn sort_pairs(p: &mut [(i64, char); 7]) {
    for i in 1..p.len() {
        let cur = p[i];
        let mut j = i;
        while j > 0 && p[j - 1].0 > cur.0 {
            p[j] = p[j - 1];
            j -= 1;
        }
        p[j] = cur;
    }
}

fn show(a: [i64; 10]) {
    for i in 0..a.len() {
        if i > 0 { print(" "); }
        print("{}", a[i]);
    }
    println();
}

fn main() {
    let mut a = [31, -4, 15, 9, 26, -53, 58, 9, 7, 0];
    let s = insertion_sort(&mut a);
    show(a);
    println("shifts: {}", s);

    let mut sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    println("already sorted: {} shifts", insertion_sort(&mut sorted));
    let mut reversed = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    println("reversed: {} shifts", insertion_sort(&mut reversed));
    show(reversed);

    let mut p = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (3, 'f'), (0, 'g')];
    sort_pairs(&mut p);
    for x in p {
        print("{}{} ", x.0, x.1);
    }
    println();
}
