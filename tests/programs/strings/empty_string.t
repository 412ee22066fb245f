// The empty string prints as nothing and compares equal only to itself.
fn empty() -> String {
    ""
}

fn main() {
    let e = "";
    println("[{}]", e);
    println("[{e}{e}{e}]");
    println("{}", e == empty());
    println("{}", e != " ");
    println("");
    print("");
    println("{}", "");
    println("[{}|{}]", "", "x");
    println("end");
}
