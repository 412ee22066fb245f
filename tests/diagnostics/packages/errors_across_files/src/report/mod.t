mod format;

use crate::inventory::Itme;

pub fn print(item: &crate::inventory::Item) {
    println("{}", format::line(item));
}
