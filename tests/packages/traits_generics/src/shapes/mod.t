mod impls;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Circle { pub r: f64 }

#[derive(Clone, Copy)]
pub struct Square { pub side: f64 }

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Vec2 { pub x: i64, pub y: i64 }
