// Line comments, block comments (which nest), and doc comments are ignored.
/* a block comment before an item */
/// A doc comment on a function.
fn answer() -> i64 {
    // a line comment
    42 /* an inline block comment */
}

/* outer /* nested */ still a comment */
fn main() {
    let x = /* in the middle of an expression */ answer();
    println("x = {}", x); // trailing line comment
    /*
     * multi-line block comment
     * println("not printed");
     */
    /* /* /* deeply */ nested */ comment */
    println("comment markers in strings are text: // and /* */");
    let y = 10 /* one */ + /* two */ 5;
    println("y = {}", y);
    //// four slashes is just a comment
    //! an inner doc style comment line is also just a comment here
    println("done");
}
