// `for` over exclusive and inclusive ranges, with continue, break and labels.
fn main() {
    let mut sum = 0;
    for i in 0..10 {
        if i % 3 == 0 { continue; }
        sum += i;
    }
    println("{}", sum);
    for i in 1..=3 {
        print("{} ", i);
    }
    println();
    for i in 5..5 { println("never {}", i); }
    for i in 6..=5 { println("never {}", i); }
    // Inclusive ranges up to the type's maximum end without overflowing.
    let mut count = 0;
    for b in 250u8..=255 {
        count += 1;
        if b == 255 { println("reached {}", b); }
    }
    println("{}", count);
    'outer: for i in 0..5 {
        for j in 0..5 {
            if j > i { continue 'outer; }
            if i + j == 6 { break 'outer; }
            print("{}{} ", i, j);
        }
    }
    println();
    let r = 2..4;
    for x in r { print("{} ", x * 10); }
    println();
    let n: i64 = 3;
    for mut k in 0..n {
        k *= 2;
        print("{} ", k);
    }
    println();
}
