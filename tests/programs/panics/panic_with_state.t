// exit: 101
// stderr: invariant broken: balance -30 after 4 operations (last was withdraw 110)
// A custom panic whose message formats the program's state.
struct Wallet { balance: i64, ops: u32 }

impl Wallet {
    fn apply(&mut self, op: (char, i64)) {
        match op {
            ('+', n) => self.balance += n,
            ('-', n) => self.balance -= n,
            (c, _) => panic("unknown op {:?}", c),
        }
        self.ops += 1;
        if self.balance < 0 {
            let kind = if op.0 == '-' { "withdraw" } else { "deposit" };
            panic("invariant broken: balance {} after {} operations (last was {} {})", self.balance, self.ops, kind, op.1);
        }
    }
}

fn main() {
    let mut w = Wallet { balance: 0, ops: 0 };
    for op in [('+', 100), ('-', 30), ('+', 10), ('-', 110), ('+', 5)] {
        w.apply(op);
        println("balance {}", w.balance);
    }
}
