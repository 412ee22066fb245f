// A variable borrowed `&mut` cannot also be passed `&` in the same call.
fn copy_into(dst: &mut [i64; 2], src: &[i64; 2]) {
    dst[0] = src[0];
}

fn main() {
    let mut a = [1, 2];
    copy_into(&mut a, &a);
}
