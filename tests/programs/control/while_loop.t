// while loops: counting, conditions evaluated each time, zero iterations.
fn main() {
    let mut i = 0;
    while i < 5 {
        print("{} ", i);
        i += 1;
    }
    println();
    let mut sum = 0;
    let mut k = 1;
    while k <= 100 {
        sum += k;
        k += 1;
    }
    println("sum 1..=100 = {}", sum);
    let mut never = 0;
    while false {
        never += 1;
    }
    println("never = {never}");
    // countdown
    let mut n = 3;
    while n > 0 {
        println("{n}...");
        n -= 1;
    }
    println("liftoff");
    // while whose condition is a block expression
    let mut j = 0;
    while { j += 1; j < 4 } {
        print("j={j};");
    }
    println();
    // the value of a while loop is ()
    let u: () = while false {};
    let _keep = u;
}
