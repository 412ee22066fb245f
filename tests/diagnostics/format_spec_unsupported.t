// Format specs like {:x} are not supported yet.
fn main() {
    println("{:x}", 255);
}
