// Resolution errors in several module files: each is reported in its own file.
mod inventory;
mod report;

use inventory::{Item, restock};

fn main() {
    let item = Item::new("bolt", 3);
    report::print(&item);
}
