// Matching heap Strings (from split, format, parse) against literals, inside tuples and
// with guards and or-patterns: each binding is a counted copy; nothing leaks.
enum Cmd { Say(String), Move(i64, i64), Quit }
fn parse(s: String) -> Cmd {
    let parts: Vec<String> = s.split(" ").collect();
    match (parts[0], parts.len()) {
        ("say", n) if n > 1 => Cmd::Say(parts[1]),
        ("move", 3) => Cmd::Move(parts[1].parse::<i64>().unwrap(), parts[2].parse::<i64>().unwrap()),
        ("quit", _) | ("exit", _) => Cmd::Quit,
        (other, _) => Cmd::Say(format("unknown {}", other)),
    }
}
fn main() {
    for line in ["say hello", "move 3 -4", "exit now", "dance", "say"] {
        match parse(format("{}", line)) {
            Cmd::Say(s) => println("say {s}"),
            Cmd::Move(x, y) => println("move {x} {y}"),
            Cmd::Quit => println("quit"),
        }
    }
}
