// `==` and `!=` on arrays compare element by element, nested and inside tuples too.
fn main() {
    let a = [1, 2, 3];
    let mut b = [1, 2, 3];
    println("{} {}", a == b, a != b);
    b[2] = 4;
    println("{} {}", a == b, a != b);
    let words = ["x", "yz"];
    println("{}", words == ["x", "yz"]);
    let grid = [[0u8; 3]; 2];
    let mut other = grid;
    println("{}", grid == other);
    other[1][2] = 1;
    println("{}", grid == other);
    let t = ([1.5, 2.5], 'q');
    println("{} {}", t == ([1.5, 2.5], 'q'), t == ([1.5, 0.0], 'q'));
    let empty: [i64; 0] = [];
    println("{}", empty == []);
    let nan = [0.0f64 / 0.0];
    println("{}", nan == nan);
}
