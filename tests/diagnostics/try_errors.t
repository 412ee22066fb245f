struct E1;
struct E2;

fn a() -> Result<i64, E1> { Ok(1) }
fn b() -> Option<i64> { Some(2) }

fn uses_result() -> Result<i64, E2> {
    let x = a()?;
    Ok(x)
}

fn no_return_type() {
    let y = b()?;
}

fn wrong_kind() -> Option<i64> {
    let z = a()?;
    Some(z)
}

fn not_tryable() -> Option<i64> {
    let n = 5?;
    Some(n)
}

fn main() {}
