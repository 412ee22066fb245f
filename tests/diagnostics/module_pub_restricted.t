// `pub(crate)` is `pub`; the other restricted visibilities are not supported yet (E1004).
mod m {
    pub(crate) fn ok() {}
    pub(super) fn f() {}
    pub(in crate::m) fn g() {}
}
fn main() {}
