// `std::panic::catch` takes one closure (or `fn` value) with no parameters.
fn twice(x: i64) -> i64 { x * 2 }

fn main() {
    let a = std::panic::catch(5);
    let b = std::panic::catch(|x: i64| x + 1);
    let c = std::panic::catch();
    let d = std::panic::catch(|| 1, || 2);
    let e = std::panic::catch(twice);
    let f: i64 = std::panic::catch(|| 3);
    let g = std::panic::cach(|| 3);
}
