// Byte literals, chars and casts: a Caesar cipher over a byte array, character classes
// by ranges, case conversion by arithmetic, and code points of non-ASCII chars.
fn rotate(c: u8, k: u8) -> u8 {
    match c {
        b'a'..=b'z' => (c - b'a' + k) % 26 + b'a',
        b'A'..=b'Z' => (c - b'A' + k) % 26 + b'A',
        _ => c,
    }
}

fn classify(c: char) -> String {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' => "vowel",
        'a'..='z' => "consonant",
        'A'..='Z' => "upper",
        '0'..='9' => "digit",
        ' ' | '\t' | '\n' => "space",
        '\u{80}'..='\u{10FFFF}' => "non-ascii",
        _ => "punct",
    }
}

fn main() {
    let msg = [b'H', b'e', b'l', b'l', b'o', b',', b' ', b'W', b'o', b'r', b'l', b'd', b'!'];
    let mut enc = msg;
    for i in 0..enc.len() { enc[i] = rotate(enc[i], 13); }
    for c in enc { print("{}", c as char); }
    println();
    let mut back = enc;
    for i in 0..back.len() { back[i] = rotate(back[i], 13); }
    let mut same = true;
    for i in 0..msg.len() { if back[i] != msg[i] { same = false; } }
    println("round trip: {}", same);

    for c in ['q', 'E', 'a', '7', ' ', '?', 'é', '\u{1F980}'] {
        println("{:?} {} {}", c, c as u32, classify(c));
    }
    let mut upper = [0u8; 5];
    let word = [b'h', b'e', b'l', b'l', b'o'];
    for i in 0..5 { upper[i] = word[i] - (b'a' - b'A'); }
    for c in upper { print("{}", c as char); }
    println();
    println("{} {} {}", 'Z' as u8 + 1, (b'a' + 25) as char, '\u{e9}' as u8);
    println("{} {}", b'\n', b'\\');
    let digits = ['0', '5', '9'];
    let mut n: u32 = 0;
    for d in digits { n = n * 10 + (d as u32 - '0' as u32); }
    println("parsed {}", n + 1);
}
