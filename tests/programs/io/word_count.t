// stdin: word_count.txt
// Counts lines, words and bytes of standard input (the last line has no newline, one
// ends in "\r\n"), then the most frequent words, read a line at a time.
fn main() {
    let mut lines: usize = 0;
    let mut words: usize = 0;
    let mut longest = String::new();
    let mut counts: HashMap<String, i64> = HashMap::new();
    while let Some(line) = std::io::read_line() {
        lines += 1;
        if line.len() > longest.len() { longest = line; }
        for w in line.split_whitespace() {
            words += 1;
            counts.update(w.to_lowercase(), 0, |n| n + 1);
        }
    }
    println("{} lines, {} words, {} distinct", lines, words, counts.len());
    println("longest: {:?}", longest);
    let mut top: Vec<(String, i64)> = counts.iter().collect();
    top.sort_by(|a, b| if a.1 != b.1 { b.1.cmp(&a.1) } else { a.0.cmp(&b.0) });
    for (w, n) in top.iter().take(4) { println("{n} {w}"); }
    // At the end of input: None again, and nothing left for read_to_string.
    println("{:?} {:?}", std::io::read_line(), std::io::read_to_string());
}
