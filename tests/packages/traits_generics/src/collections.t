pub struct Stack<T> { items: [Option<T>; 8], len: i64 }

impl<T: Copy> Stack<T> {
    pub fn new() -> Stack<T> { Stack { items: [None; 8], len: 0 } }

    pub fn push(&mut self, x: T) {
        self.items[self.len] = Some(x);
        self.len += 1;
    }

    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 { return None; }
        self.len -= 1;
        self.items[self.len]
    }

    pub fn peek(&self) -> Option<T> {
        if self.len == 0 { None } else { self.items[self.len - 1] }
    }

    pub fn len(&self) -> i64 { self.len }
}
