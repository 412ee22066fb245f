class File { fd: i64 }

impl Drop for File {
    fn drop(&mut self) { println("closing {}", self.fd); }
}

fn main() {
    let f = File { fd: 3 };
    f.drop();
}
