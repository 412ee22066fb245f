// A `pub` struct with private fields, kept consistent by its module's `pub` methods;
// private helpers; a child module that sees its parent's private items; a tuple struct
// with a `pub` field; impls of one type in two modules.
mod bank;

use bank::{Account, Bank, Cents, Error};

fn show(r: Result<i64, Error>) {
    match r {
        Ok(v) => println("ok {}", v),
        Err(e) => println("error: {}", e.message()),
    }
}

fn main() {
    let mut b = Bank::new();
    let alice = b.open("alice", Cents(10000));
    let bob = b.open("bob", Cents(2500));
    show(b.transfer(alice, bob, Cents(4000)));
    show(b.transfer(bob, alice, Cents(99999)));
    show(b.transfer(alice, 7, Cents(1)));
    show(b.withdraw(bob, Cents(500)));

    let a: Account = b.account(alice);
    bank::format::print_money(a.owner, a.balance());
    bank::format::print_money(b.account(bob).owner, b.account(bob).balance());
    println("audit: {}", b.audit());
    bank::format::print_money("the bank", b.total());
    let c = Cents(123);
    println("{}", c.0 + 1);
}
