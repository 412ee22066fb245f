pub mod format;
mod ledger;

pub struct Cents(pub i64);

pub struct Account { pub owner: String, balance: i64, id: i64 }

impl Account {
    pub fn balance(&self) -> Cents { Cents(self.balance) }
}

pub struct Error { message: String }

impl Error {
    fn new(message: String) -> Error { Error { message } }
    pub fn message(&self) -> String { self.message }
}

pub struct Bank { accounts: [Account; 4], count: i64, log: ledger::Ledger }

impl Bank {
    pub fn new() -> Bank {
        let empty = Account { owner: "", balance: 0, id: -1 };
        Bank { accounts: [empty; 4], count: 0, log: ledger::Ledger::new() }
    }

    pub fn open(&mut self, owner: String, initial: Cents) -> i64 {
        let id = self.count;
        self.accounts[id] = Account { owner, balance: initial.0, id };
        self.count += 1;
        self.log.record(initial.0);
        id
    }

    pub fn account(&self, id: i64) -> Account { self.accounts[id] }

    pub fn transfer(&mut self, from: i64, to: i64, amount: Cents) -> Result<i64, Error> {
        self.check(from)?;
        self.check(to)?;
        if self.accounts[from].balance < amount.0 {
            return Err(Error::new("insufficient funds"));
        }
        self.accounts[from].balance -= amount.0;
        self.accounts[to].balance += amount.0;
        self.log.record(0);
        Ok(self.accounts[to].balance)
    }

    pub fn withdraw(&mut self, id: i64, amount: Cents) -> Result<i64, Error> {
        self.check(id)?;
        if self.accounts[id].balance < amount.0 {
            return Err(Error::new("insufficient funds"));
        }
        self.accounts[id].balance -= amount.0;
        self.log.record(-amount.0);
        Ok(self.accounts[id].balance)
    }

    fn check(&self, id: i64) -> Result<i64, Error> {
        if id < 0 || id >= self.count { Err(Error::new("no such account")) } else { Ok(id) }
    }

    pub fn total(&self) -> Cents {
        let mut sum = 0;
        for i in 0..self.count { sum += self.accounts[i].balance; }
        Cents(sum)
    }

    pub fn audit(&self) -> bool { ledger::balanced(&self) }
}
