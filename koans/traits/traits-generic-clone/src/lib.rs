/// `times` copies of `value`.
pub fn repeat<T>(value: &T, times: usize) -> Vec<T> {
    let mut out = Vec::new();
    for _ in 0..times {
        out.push(value.clone());
    }
    out
}

#[cfg(test)]
mod tests;
