// {0}, {1}, ... refer to arguments by index, and can mix with {} and repeat.
fn main() {
    println("{0} {1} {0}", "a", "b");
    println("{1} {0}", 1, 2);
    println("{2}{1}{0}", "c", "b", "a");
    println("{0}{0}{0}", 7);
    println("{} {} {0}", "x", "y");
    println("{1} {} {}", "p", "q");
    println("{0} is {1}; {0} is not {2}", "sky", "blue", "green");
    println("{0}={1} {0}!={2}", 3, true, false);
}
