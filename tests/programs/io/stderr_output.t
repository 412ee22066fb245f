// stderr: to stderr 1
// stderr: to stderr 2 with value 42 and true
// stderr: partial line then rest
// eprint/eprintln write to stderr, not stdout.
fn main() {
    println("to stdout 1");
    eprintln("to stderr 1");
    println("to stdout 2");
    eprintln("to stderr 2 with value {} and {}", 42, true);
    eprint("partial line");
    eprint(" then rest");
    eprintln();
    print("done");
    println();
}
