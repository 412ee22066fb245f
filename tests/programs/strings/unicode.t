// Non-ASCII text in string literals and source passes through unchanged (UTF-8).
fn greet(name: String) -> String {
    name
}

fn main() {
    println("Grüße aus München");
    println("日本語のテキスト");
    println("Ελληνικά and Кириллица");
    println("emoji: 🎉🦀 and combining: e\u{301}");
    let name = "Zoë";
    println("hello, {name}!");
    println("{} == {}: {}", "café", "caf\u{e9}", "café" == "caf\u{e9}");
    println("{}", "é" == "e\u{301}");
    println("{}", greet("→ arrows ←"));
}
