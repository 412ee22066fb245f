// write(&mut s, "...", args) appends formatted text to a String in place (a string sink on s
// itself), also through IndexPlace (`&mut v[0]`); a copy taken before keeps its text.
struct P { x: i64 }
impl Display for P { fn fmt(&self, f: &mut Formatter) { write(f, "P{}", self.x) } }
fn main() {
    let mut s = String::new();
    let mut i = 0;
    while i < 5 { write(&mut s, "{},", i); i += 1; }
    write(&mut s, " {} {:>4}|", P { x: 3 }, "ab");
    let t = s;
    write(&mut s, "more");
    println("{s} / {t}");
    let v = vec_of();
    println("{}", v[0]);
}
fn vec_of() -> Vec<String> { let mut v: Vec<String> = Vec::new(); v.push(String::new()); write(&mut v[0], "in place {}", 1); v }
