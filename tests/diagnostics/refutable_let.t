// `let` destructures only with patterns that always match.
enum Option2 {
    Some2(i64),
    None2,
}

fn main() {
    let Option2::Some2(x) = Option2::None2;
    println("{}", x);
}
