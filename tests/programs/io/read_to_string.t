// stdin: read_to_string.txt
// The first line with read_line, the rest with read_to_string (which takes what
// read_line's buffer already holds first); UTF-8 text passes through unchanged.
fn main() {
    let header = std::io::read_line().unwrap();
    println("{:?} ({} bytes, {} chars)", header, header.len(), header.chars().count());
    let rest = std::io::read_to_string();
    println("{} bytes left", rest.len());
    for (i, line) in rest.lines().enumerate() { println("{i}: {:?}", line); }
    let again = rest;          // shares the buffer
    println("{}", again == rest && rest.ends_with("日本"));
    println("{:?} {:?}", std::io::read_line(), std::io::read_to_string().is_empty());
}
