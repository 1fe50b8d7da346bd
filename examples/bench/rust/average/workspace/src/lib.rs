/// The arithmetic mean of `values`, or `None` when there are none.
pub fn average(values: &[i32]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let total: i32 = values.iter().sum();
    Some(total / values.len())
}
