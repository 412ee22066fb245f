// A block-like expression (`if`, `while`, `loop`, a block) in statement position ends
// the statement, so a following `-x`, `!x` or `(x)` starts a new expression instead of
// continuing a binary operation or a call.
fn after_while(n: i64) -> i64 {
    let mut i = 0;
    while i < n {
        i += 1;
    }
    -i
}

fn after_if(flag: bool) -> bool {
    if flag {
        println("flag is set");
    }
    !flag
}

fn after_block(x: i64) -> i64 {
    {
        println("in block");
    }
    (x + 1)
}

fn after_loop(x: i64) -> i64 {
    loop {
        break;
    }
    -x
}

fn after_if_else(x: i64) -> i64 {
    if x > 0 {
        println("positive");
    } else {
        println("not positive");
    }
    -x * 2
}

fn main() {
    println("{}", after_while(4));
    println("{}", after_if(true));
    println("{}", after_block(41));
    println("{}", after_loop(7));
    println("{}", after_if_else(5));
}
