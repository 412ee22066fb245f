// `&mut` parameters that change arrays of structs containing arrays, and a field or an
// element passed on its own.
struct Student { id: u32, scores: [u32; 4], best: u32 }

struct Class { students: [Student; 3], curve: u32 }

fn apply_curve(c: &mut Class) {
    for i in 0..c.students.len() {
        for j in 0..4 {
            c.students[i].scores[j] = (c.students[i].scores[j] + c.curve).min(100);
        }
    }
}

fn update_best(s: &mut Student) {
    let mut b: u32 = 0;
    for x in s.scores { b = b.max(x); }
    s.best = b;
}

fn bump(x: &mut u32, by: u32) {
    x += by;
}

fn average(s: &Student) -> f64 {
    let mut t = 0;
    for x in s.scores { t += x; }
    t as f64 / 4.0
}

fn main() {
    let blank = Student { id: 0, scores: [0; 4], best: 0 };
    let mut c = Class { students: [blank; 3], curve: 7 };
    let raw = [[55, 71, 98, 60], [88, 90, 79, 94], [40, 33, 61, 52]];
    for i in 0..3 {
        c.students[i].id = 100 + i as u32;
        c.students[i].scores = raw[i];
    }
    apply_curve(&mut c);
    for i in 0..3 {
        update_best(&mut c.students[i]);
    }
    bump(&mut c.students[2].scores[1], 20);
    bump(&mut c.curve, 1);
    for s in c.students {
        println("{} {:?} best {} avg {:.2}", s.id, s.scores[0], s.best, average(&s));
        for x in s.scores { print("{:4}", x); }
        println();
    }
    println("curve now {}", c.curve);
    let copy = c;
    c.students[0].scores[0] = 0;
    println("{} {}", copy.students[0].scores[0], c.students[0].scores[0]);
}
