// Private fields and private methods of a struct from another module
// (E0616, E0451, E0624 — also for an associated constant — and E0603 for a tuple struct
// with private fields).
mod bank {
    pub struct Account { pub owner: String, balance: i64 }

    impl Account {
        pub fn open(owner: String) -> Account { Account { owner, balance: 0 } }
        pub fn balance(&self) -> i64 { self.balance }
        fn audit(&self) -> bool { self.balance >= 0 }
        fn reset() -> Account { Account::open("nobody") }
        const FEE: i64 = 25;
    }

    pub struct Cents(i64);

    pub mod teller {
        // A module inside `bank` sees `bank`'s private fields and functions.
        pub fn peek(a: &super::Account) -> i64 { a.balance }
    }
}

fn main() {
    let mut a = bank::Account::open("ann");
    println("{}", a.balance);
    a.balance = 100;
    let b = bank::Account { owner: "bob", balance: 5 };
    let bank::Account { owner, balance } = b;
    println("{}", a.audit());
    let c = bank::Account::reset();
    let d = bank::Cents(5);
    let fee = bank::Account::FEE;
    println("{}", bank::teller::peek(&a));
}
