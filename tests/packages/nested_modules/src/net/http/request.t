pub struct Request { pub path: String }

impl Request {
    pub fn get(path: String) -> Request { Request { path } }
}

pub enum Status { Ok, NotFound }

impl Status {
    pub fn code(&self) -> i64 {
        match self {
            Status::Ok => 200,
            Status::NotFound => 404,
        }
    }
}

pub fn body_len(s: &Status) -> i64 {
    match s {
        Status::Ok => 100,
        Status::NotFound => 9,
    }
}
