// Type aliases: the wrong number of type arguments (E0107), and a cycle (E0391).
mod grid {
    pub type Row = [i64; 3];
    pub type Pair<T> = (T, T);
    pub type Loop = Other;
    pub type Other = Loop;
}

fn main() {
    let p: grid::Pair<i64, i64> = (1, 2);
    let r: grid::Row = [1, 2, 3];
}
