mod net;
mod util;

use net::http::{Request, Status};
use net::tcp::Connection;

fn describe() -> String { "main" }

fn main() {
    println("{} / {} / {} / {}", describe(), net::describe(), net::http::describe(), net::tcp::describe());

    let mut conn = Connection::open(80);
    let req = Request::get("/index.html");
    let status = net::http::serve(&mut conn, &req);
    println("{} -> {}", req.path, status.code());
    let missing = net::http::serve(&mut conn, &Request::get("/nope"));
    println("{}", missing.code());
    match missing {
        Status::Ok => println("ok"),
        Status::NotFound => println("not found"),
    }
    println("bytes sent: {}", conn.sent());

    // The package's name works like `crate` at the start of a path.
    println("{}", nested_modules::util::clamp(150, 0, 100));
    println("{}", crate::util::clamp(-5, 0, 100));
    println("{}", util::math::gcd(84, 36));
    println("{}", util::math::lcm(4, 6));
}
