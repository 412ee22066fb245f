// Output much larger than any plausible buffer (8 KiB and more) arrives complete and in
// order.
fn main() {
    let mut i = 0;
    let mut total = 0;
    while i < 5000 {
        println("line {} of the large output test: {}", i, i * i);
        total += i;
        i += 1;
    }
    // one very long line built from many prints
    let mut j = 0;
    while j < 20000 {
        print("{}", j % 10);
        j += 1;
    }
    println();
    println("total = {}", total);
}
