// An `extern "C" { }` block declares functions C defines: signatures only.
extern "C" {
    fn with_body(x: i32) -> i32 { x + 1 }
    fn fine(x: i32) -> i32;
}

fn main() {}
