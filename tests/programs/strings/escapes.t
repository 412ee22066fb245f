// Every escape sequence in string literals.
fn main() {
    println("tab:[\t]");
    println("newline:[\n]");
    println("carriage return:[\r]");
    println("nul:[\0]");
    println("backslash:[\\]");
    println("double quote:[\"]");
    println("single quote:[\'] and plain [']");
    println("unicode a:[\u{61}] e-acute:[\u{e9}] euro:[\u{20AC}] crab:[\u{1F980}]");
    println("leading zeros:[\u{000041}]");
    println("\\n is not a newline when escaped: \\n");
    let s = "a\tb\nc";
    println("{}", s);
    println("{}", "escapes in args: \"quoted\"\t\\");
    print("no newline, then one\n");
    println("mixed\u{21}");
}
