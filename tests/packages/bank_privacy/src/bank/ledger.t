// A private module: only `bank` (and its other children) can use it, and it can read
// `bank`'s private fields, because it is inside `bank`.
pub struct Ledger { deposits: i64, entries: i64 }

impl Ledger {
    pub fn new() -> Ledger { Ledger { deposits: 0, entries: 0 } }
    pub fn record(&mut self, deposit: i64) {
        self.deposits += deposit;
        self.entries += 1;
    }
}

pub fn balanced(b: &super::Bank) -> bool {
    let mut sum = 0;
    for i in 0..b.count { sum += b.accounts[i].balance; }
    sum == b.log.deposits && b.log.entries == 4
}
