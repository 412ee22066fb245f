// Methods called on temporaries: a unit variant, a call result, a struct literal.
enum Light {
    Red,
    Green,
}

impl Light {
    fn next(&self) -> Light {
        match self {
            Light::Red => Light::Green,
            Light::Green => Light::Red,
        }
    }

    fn code(&self) -> u8 {
        match self {
            Light::Red => 1,
            Light::Green => 2,
        }
    }
}

struct Wrapper { v: i64 }

impl Wrapper {
    fn get(&self) -> i64 { self.v }
}

fn main() {
    println("{} {}", Light::Red.code(), Light::Red.next().code());
    println("{}", Wrapper { v: 7 }.get());
    let mut l = Light::Green;
    l = l.next();
    println("{}", l.code());
}
