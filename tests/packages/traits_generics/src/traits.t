pub trait Area {
    fn area(&self) -> f64;
    /// A default method: implementors may keep it.
    fn name(&self) -> String { "shape" }
}
