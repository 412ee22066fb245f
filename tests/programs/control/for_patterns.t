// `for` binds a pattern: tuples and structs are taken apart as each element comes.

struct Item {
    name: String,
    qty: i64,
    price: f64,
}

fn main() {
    let pairs = [(1, 'a'), (2, 'b'), (3, 'c')];
    for (n, c) in pairs {
        println("{} {}", n, c);
    }
    let items = [Item { name: "pen", qty: 3, price: 1.5 }, Item { name: "pad", qty: 2, price: 4.25 }];
    let mut total = 0.0;
    for Item { name, qty, price } in items {
        println("{:>4} x{} = {:.2}", name, qty, qty as f64 * price);
        total += qty as f64 * price;
    }
    println("total {:.2}", total);
    let nested = [((1, 2), 3), ((4, 5), 6)];
    for ((a, b), c) in nested {
        println("{}", a * 100 + b * 10 + c);
    }
    for (i, _) in [(7, true), (8, false)] {
        println("i={}", i);
    }
    for mut k in 0..3 {
        k *= 10;
        println("k={}", k);
    }
}
