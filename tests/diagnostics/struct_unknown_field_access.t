// Reading a field the struct does not have suggests the closest one.
struct Account {
    balance: i64,
}

fn main() {
    let acc = Account { balance: 10 };
    println("{}", acc.balanse);
}
