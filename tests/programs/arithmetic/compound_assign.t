// Compound assignment operators.
fn main() {
    let mut x = 10;
    x += 5;
    println("+= {}", x);
    x -= 20;
    println("-= {}", x);
    x *= -3;
    println("*= {}", x);
    x /= 4;
    println("/= {}", x);
    x %= 5;
    println("%= {}", x);
    let mut y = -17;
    y %= 5;
    println("neg %= {}", y);
    y /= -1;
    println("/= -1 {}", y);
    let mut acc = 1;
    let mut i = 0;
    while i < 10 {
        acc *= 2;
        acc += i;
        i += 1;
    }
    println("acc = {acc}");
    let mut z = 3;
    z += z * z;
    println("z = {z}");
}
