pub fn area() -> i64 { 1 }
