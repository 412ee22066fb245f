// Associated constants must exist: on a struct's impl and on the integer types.
struct Board { cells: i64 }

impl Board {
    const SIZE: i64 = 8;
}

fn main() {
    let a = Board::WIDTH;
    let b = i32::MAXIMUM;
}
