pub struct Connection { port: i64, sent: i64 }

impl Connection {
    pub fn open(port: i64) -> Connection { Connection { port, sent: 0 } }

    pub fn send(&mut self, len: i64) {
        self.sent += super::wire_size(len);
    }

    pub fn sent(&self) -> i64 { self.sent }
    pub fn port(&self) -> i64 { self.port }
}

pub fn describe() -> String { "tcp" }
