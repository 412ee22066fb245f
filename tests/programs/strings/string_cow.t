// Strings are values: a copy shares the buffer until one side changes (copy-on-write),
// appending to a unique string grows it in place, substrings share their string's bytes.
fn live() -> u64 { std::mem::stats().live_blocks }

struct Named { name: String, tags: Vec<String> }

fn shout(s: String) -> String { s.to_uppercase() + "!" }

fn main() {
    let base = live();
    let mut a = format("{}-{}", "ab", 12);
    let b = a;                       // shares a's buffer
    a.push_str("+more");             // a copies first: b keeps its text
    println("{a} {b}");
    println("blocks: {}", live() - base);

    // In place: one buffer, grown by doubling; no block per push.
    let mut grow = String::new();
    let mut i = 0;
    while i < 1000 { grow.push('x'); i += 1; }
    println("len {} blocks {}", grow.len(), live() - base);

    // Substrings share the buffer: no new blocks.
    let before = live();
    let words: Vec<String> = "alpha beta gamma delta".split(" ").collect();
    let firsts: Vec<String> = words.iter().map(|w| w.slice(0, 1)).collect();
    println("{:?} {:?} string blocks: {}", words, firsts, live() - before - 4); // each Vec is two blocks

    // Strings inside structs, vectors, closures, enums: dropped with them.
    let mut n = Named { name: format("item{}", 7), tags: Vec::new() };
    n.tags.push(format("t{}", 1));
    n.tags.push(42i64.to_string());
    let f = move |s: String| -> String { format("{}:{}", n.name, s) };
    println("{}", f("x"));
    let maybe: Option<String> = Some(shout("hey"));
    match maybe { Some(s) => println("{s}"), None => {} }

    // A panic while formatting frees the partly built string.
    let r = std::panic::catch(|| -> String { format("{}{}", "partial", boom()) });
    match r { Ok(_) => println("no panic"), Err(p) => println("caught: {}", p.message()) }
}

struct Boom {}
impl Display for Boom { fn fmt(&self, f: &mut Formatter) { panic("boom in fmt") } }
fn boom() -> Boom { Boom {} }

