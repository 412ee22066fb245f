pub mod http;
pub mod tcp;

pub fn describe() -> String { "net" }

/// How many bytes a message takes on the wire: a header plus its text.
fn wire_size(len: i64) -> i64 { HEADER + len }

const HEADER: i64 = 20;

pub fn frame(len: i64) -> i64 {
    // Private items of `net` are visible to its children; see `tcp::Connection::send`.
    wire_size(len)
}
