// Private items, modules and re-exports used from outside their module (E0603, E0364).
mod shapes {
    pub fn area(r: f64) -> f64 { scale() * r * r }
    fn scale() -> f64 { 3.14 }

    mod internal {
        pub fn secret() -> i64 { 42 }
    }

    pub use self::internal::secret;
}

mod util {
    fn private_helper() -> i64 { 1 }
    pub use self::private_helper as helper;
}

use shapes::scale;

fn main() {
    println("{}", shapes::area(1.0));
    println("{}", shapes::internal::secret());
    println("{}", shapes::secret());
}
