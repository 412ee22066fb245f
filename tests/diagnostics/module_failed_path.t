// Paths through modules that do not exist (E0433), and names a module does not have
// (E0425, E0412).
mod net {
    pub mod http {
        pub fn get() {}
        pub struct Request { pub url: String }
    }
    pub fn connect() {}
}

fn main() {
    net::http::get();
    net::htp::get();
    net::conect();
    let r: net::http::Reqest = net::http::get();
    nett::connect();
    super::main();
}
