// Nested loops: break and continue apply to the innermost loop.
fn main() {
    // multiplication table
    let mut i = 1;
    while i <= 4 {
        let mut j = 1;
        while j <= 4 {
            print("{}", i * j);
            if j < 4 { print("\t"); }
            j += 1;
        }
        println();
        i += 1;
    }
    // pairs (a, b) with a < b and a + b == 10, break inner when b too large
    let mut a = 1;
    let mut pairs = 0;
    loop {
        if a >= 10 { break; }
        let mut b = a + 1;
        loop {
            if a + b > 10 { break; }
            if a + b == 10 {
                println("{a} + {b} = 10");
                pairs += 1;
            }
            b += 1;
        }
        a += 1;
    }
    println("pairs = {pairs}");
    // triangle of stars, inner continue
    let mut row = 1;
    while row <= 5 {
        let mut col = 0;
        while col < 5 {
            col += 1;
            if col > row { continue; }
            print("*");
        }
        println();
        row += 1;
    }
    // break value from an inner loop used by an outer loop
    let mut total = 0;
    let mut outer = 0;
    while outer < 3 {
        let inner = loop {
            break outer * 10;
        };
        total += inner;
        outer += 1;
    }
    println("total = {total}");
}
