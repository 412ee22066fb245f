// An iterator pipeline over an inventory of structs: custom iterators, adapters with
// capturing closures, generic helpers bounded by Fn, a dyn pricing policy, an Index
// table, and derived Debug output, checked against a Python model of the same data.

#[derive(Debug, Clone, Copy, PartialEq)]
enum Category { Tools, Food, Toys }

#[derive(Debug, Clone, Copy)]
struct Product {
    id: u32,
    category: Category,
    price_cents: i64,
    stock: i64,
    sold: i64,
}

const COUNT: usize = 8;

struct Inventory {
    items: [Product; 8],
}

/** Iterates over the products of an inventory, by value. */
struct Products {
    inv: Inventory,
    next: usize,
}

impl Iterator for Products {
    type Item = Product;
    fn next(&mut self) -> Option<Product> {
        if self.next >= COUNT { return None; }
        let p = self.inv.items[self.next];
        self.next += 1;
        Some(p)
    }
}

impl Inventory {
    fn iter(&self) -> Products {
        Products { inv: Inventory { items: self.items }, next: 0 }
    }
}

impl Index<u32> for Inventory {
    type Output = Product;
    fn index(&self, id: u32) -> Product {
        for p in self.iter() {
            if p.id == id { return p; }
        }
        panic("no product with that id");
    }
}

impl IndexMut<u32> for Inventory {
    fn index_set(&mut self, id: u32, value: Product) {
        for i in 0..COUNT {
            if self.items[i].id == id {
                self.items[i] = value;
                return;
            }
        }
    }
}

/** A sliding pair of neighbours: (a, b), (b, c), ... over any iterator of i64. */
struct Pairs<I> {
    inner: I,
    last: Option<i64>,
}

impl<I: Iterator<Item = i64>> Iterator for Pairs<I> {
    type Item = (i64, i64);
    fn next(&mut self) -> Option<(i64, i64)> {
        if self.last.is_none() {
            self.last = self.inner.next();
        }
        match self.last {
            None => None,
            Some(a) => match self.inner.next() {
                None => None,
                Some(b) => {
                    self.last = Some(b);
                    Some((a, b))
                }
            },
        }
    }
}

fn pairs<I: Iterator<Item = i64>>(it: I) -> Pairs<I> {
    Pairs { inner: it, last: None }
}

trait Pricing {
    fn price(&self, p: Product) -> i64;
    fn label(&self) -> String;
}

struct List;
struct Discount { percent: i64 }
struct Bulk { threshold: i64, off_cents: i64 }

impl Pricing for List {
    fn price(&self, p: Product) -> i64 { p.price_cents }
    fn label(&self) -> String { "list" }
}

impl Pricing for Discount {
    fn price(&self, p: Product) -> i64 { p.price_cents * (100 - self.percent) / 100 }
    fn label(&self) -> String { "discount" }
}

impl Pricing for Bulk {
    fn price(&self, p: Product) -> i64 {
        if p.stock >= self.threshold { p.price_cents - self.off_cents } else { p.price_cents }
    }
    fn label(&self) -> String { "bulk" }
}

/** The stock value of the products a predicate picks, priced by a policy. */
fn stock_value<F: Fn(Product) -> bool>(inv: &Inventory, policy: &dyn Pricing, pick: F) -> i64 {
    inv.iter().filter(|p| pick(p)).map(|p| policy.price(p) * p.stock).sum()
}

fn count_where<I: Iterator<Item = Product>, F: Fn(Product) -> bool>(it: I, f: F) -> usize {
    it.filter(f).count()
}

fn dollars(cents: i64) -> String {
    if cents % 100 == 0 { return "whole"; }
    "cents"
}

fn report(inv: &Inventory, policy: &dyn Pricing) {
    let all = stock_value(&inv, &policy, |p| true);
    let tools = stock_value(&inv, &policy, |p| p.category == Category::Tools);
    println("{:>9}: all {} tools {} ({})", policy.label(), all, tools, dollars(tools));
}

fn main() {
    let mut inv = Inventory {
        items: [
            Product { id: 11, category: Category::Tools, price_cents: 1999, stock: 12, sold: 30 },
            Product { id: 12, category: Category::Food, price_cents: 350, stock: 200, sold: 1250 },
            Product { id: 13, category: Category::Toys, price_cents: 2500, stock: 3, sold: 9 },
            Product { id: 14, category: Category::Tools, price_cents: 4500, stock: 7, sold: 2 },
            Product { id: 15, category: Category::Food, price_cents: 120, stock: 0, sold: 800 },
            Product { id: 16, category: Category::Toys, price_cents: 999, stock: 45, sold: 60 },
            Product { id: 17, category: Category::Tools, price_cents: 150, stock: 500, sold: 75 },
            Product { id: 18, category: Category::Food, price_cents: 875, stock: 18, sold: 140 },
        ],
    };

    // Counting and summing with adapters.
    let in_stock = count_where(inv.iter(), |p| p.stock > 0);
    let revenue: i64 = inv.iter().map(|p| p.price_cents * p.sold).sum();
    let units: i64 = inv.iter().map(|p| p.stock).sum();
    println("in stock {in_stock} of {COUNT}, revenue {revenue}, units {units}");

    // The best seller by revenue, with fold over (index, product) pairs.
    let (best_index, best) = inv.iter().enumerate().fold((0, 0), |acc, (i, p)| {
        let (bi, bv) = acc;
        let v = p.price_cents * p.sold;
        if v > bv { (i, v) } else { (bi, bv) }
    });
    println("best seller #{} ({}) with {}", best_index, inv.items[best_index].id, best);

    // Per category, with a closure capturing the category.
    for cat in [Category::Tools, Category::Food, Category::Toys] {
        let sold: i64 = inv.iter().filter(|p| p.category == cat).map(|p| p.sold).sum();
        let kinds = inv.iter().filter(|p| p.category == cat).count();
        println("{:?}: {} kinds, {} sold", cat, kinds, sold);
    }

    // Questions answered lazily: any, all, find, position.
    let threshold = 4000;
    println("any over {}: {}", threshold, inv.iter().any(|p| p.price_cents > threshold));
    println("all priced: {}", inv.iter().all(|p| p.price_cents > 0));
    println("first food: {:?}", inv.iter().find(|p| p.category == Category::Food).map(|p| p.id));
    println("first empty at: {:?}", inv.iter().position(|p| p.stock == 0));

    // Prices in order of id, their neighbour differences, via the custom Pairs adapter.
    let diffs: i64 = pairs(inv.iter().map(|p| p.price_cents)).map(|(a, b)| (b - a).abs()).sum();
    let rises = pairs(inv.iter().map(|p| p.price_cents)).filter(|(a, b)| b > a).count();
    println("price walk {diffs}, rises {rises}");

    // zip, skip, take, chain, rev, step_by.
    let firsts: i64 = inv.iter().zip(inv.iter().skip(1)).map(|(a, b)| a.stock * b.stock).take(3).sum();
    println("paired stock products {firsts}");
    let ends: i64 = inv.iter().take(2).chain(inv.iter().skip(6)).map(|p| p.id as i64).sum();
    println("ids at the ends {ends}");
    for i in (0..COUNT).rev().step_by(3) {
        print("{} ", inv.items[i].id);
    }
    println("");

    // Pricing policies through dyn.
    report(&inv, &List);
    report(&inv, &Discount { percent: 15 });
    report(&inv, &Bulk { threshold: 10, off_cents: 50 });

    // Restock through IndexMut, then read through Index.
    let mut toy = inv[13];
    toy.stock += 20;
    inv[13] = toy;
    println("restocked {:?}", inv[13]);
    println("{:#?}", inv[15].category);

    // Sums of squares over ranges, fold with a tuple accumulator.
    let (evens, odds) = (1..=10).fold((0, 0), |(e, o), x| if x % 2 == 0 { (e + x * x, o) } else { (e, o + x * x) });
    println("squares: even {evens}, odd {odds}");
    let product: i64 = (1..=5).map(|x| x * 2).product();
    println("product {product}");
}
