// Literal braces in format strings are written {{ and }}.
fn main() {
    println("{{}}");
    println("{{");
    println("}}");
    println("{{{}}}", 5);
    println("{{x}} = {}", 10);
    println("}}{{");
    println("{{{{nested}}}}");
    let v = 3;
    println("set = {{{v}}}");
    print("{{");
    print("{}", "mid");
    println("}}");
    println("{}", "{} and {{ are plain text inside an argument");
    let t = "{0}";
    println("{t}{}", t);
    println("no braces at all");
}
