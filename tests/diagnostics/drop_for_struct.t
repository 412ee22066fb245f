struct Handle { fd: i64 }

impl Drop for Handle {
    fn drop(&mut self) { println("closing {}", self.fd); }
}

struct Other;
impl Class for Other {}

fn main() {
    let h = Handle { fd: 1 };
    println("{}", h.fd);
}
