// Patterns over structs, tuple structs and unit structs: field shorthand, literals in
// fields, `..`, bindings with `@`, and matching structs nested inside enums.
struct Vec2(i32, i32);
struct Nothing;
struct Rect { origin: Vec2, w: u32, h: u32 }

enum Shape { Box(Rect), Dot(Vec2), Blank(Nothing) }

fn describe(s: Shape) -> String {
    match s {
        Shape::Box(Rect { w: 0, .. }) | Shape::Box(Rect { h: 0, .. }) => "degenerate box",
        Shape::Box(Rect { origin: Vec2(0, 0), w, h }) if w == h => "square at origin",
        Shape::Box(Rect { w: 1..=3, h: 1..=3, .. }) => "small box",
        Shape::Box(_) => "box",
        Shape::Dot(Vec2(x, y)) if x == y => "diagonal dot",
        Shape::Dot(Vec2(0, _) | Vec2(_, 0)) => "axis dot",
        Shape::Dot(_) => "dot",
        Shape::Blank(Nothing) => "blank",
    }
}

fn area(s: Shape) -> u32 {
    match s {
        Shape::Box(r @ Rect { .. }) => r.w * r.h,
        _ => 0,
    }
}

fn main() {
    let shapes = [
        Shape::Box(Rect { origin: Vec2(0, 0), w: 0, h: 5 }),
        Shape::Box(Rect { origin: Vec2(0, 0), w: 4, h: 4 }),
        Shape::Box(Rect { origin: Vec2(1, 0), w: 2, h: 3 }),
        Shape::Box(Rect { origin: Vec2(1, 0), w: 2, h: 30 }),
        Shape::Dot(Vec2(-3, -3)),
        Shape::Dot(Vec2(0, 9)),
        Shape::Dot(Vec2(5, 6)),
        Shape::Blank(Nothing),
    ];
    let mut total = 0;
    for s in shapes {
        println("{:<16} {}", describe(s), area(s));
        total += area(s);
    }
    println("total area {}", total);
    let Vec2(a, b) = Vec2(7, -7);
    let Rect { w, .. } = Rect { origin: Vec2(a, b), w: 11, h: 0 };
    println("{} {} {}", a, b, w);
}
