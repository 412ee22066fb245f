class Item { id: i64 }
struct Bag { item: Item }

fn keep(i: Item) -> i64 { i.id }

fn borrowed(i: &Item) -> i64 { keep(move i) }

fn main() {
    let bag = Bag { item: Item { id: 1 } };
    println("{}", keep(move bag.item));
    let x = Item { id: 2 };
    let f = || keep(move x);
    println("{}", f());
}
