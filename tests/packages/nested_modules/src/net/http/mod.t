mod request;

// Re-exported: users write `net::http::Request`, not `net::http::request::Request`.
pub use self::request::{Request, Status};
use super::tcp::Connection;

pub fn describe() -> String { "http" }

pub fn serve(conn: &mut Connection, req: &Request) -> Status {
    let status = if req.path == "/index.html" { Status::Ok } else { Status::NotFound };
    conn.send(request::body_len(&status));
    status
}
