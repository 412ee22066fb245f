// `{:?}` of arrays, tuples and `()`, with specs applied to each element (checked against Rust).
fn main() {
    let a = [1, 2, 3];
    let t = (1, "two", 'c', 2.5, true);
    let nested = [[1u8, 2], [3, 4]];
    let one = (5,);
    let e: [i64; 0] = [];
    println("{:?} {:?} {:?} {:?} {:?} {:?}", a, t, nested, one, e, ());
    println("{:3?}|{:x?}|{:.1?}", a, [255, 16], (1.25, 2.0));
    let pairs = [(1, 'a'), (2, 'b')];
    println("{pairs:?}");
    let us = [(); 2];
    println("{:?}", us);
}
