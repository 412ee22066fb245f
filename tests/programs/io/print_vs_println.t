// print adds no newline; println adds exactly one; println() prints just a newline.
fn main() {
    print("a");
    print("b");
    print("c");
    println();
    println("line");
    print("{}-{}", 1, 2);
    print("|");
    println("{}", true);
    println();
    println();
    print("x\n");
    print("");
    println("last");
}
