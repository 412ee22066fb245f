pub fn line(item: &crate::inventory::Item) -> String {
    let shown = super::super::inventory::describe(item);
    shown
}
