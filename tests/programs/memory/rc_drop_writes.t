// A Drop impl that writes to another object: releases may write memory.
class Cell { v: Option<Item> }
class Item { id: i64, owner: Option<Cell> }
impl Drop for Item {
    fn drop(&mut self) {
        println("drop item {}", self.id);
        if let Some(c) = self.owner {
            c.v = None;
        }
    }
}

fn look(c: &Cell) -> i64 {
    if let Some(i) = c.v {
        let t = Item { id: 100 + i.id, owner: Some(c) };
        // dropping t clears c.v while we look at i
        println("looking at {}", i.id);
        i.id
    } else { -1 }
}

fn main() {
    let c = Cell { v: None };
    c.v = Some(Item { id: 5, owner: None });
    println("look {}", look(&c));
    println("look {}", look(&c));
    println("end");
}
