pub struct Item { pub name: String, count: i64 }

impl Item {
    pub fn new(name: String, count: i64) -> Item { Item { name, count } }
}

fn restock(item: &mut Item) { item.count += 10; }
