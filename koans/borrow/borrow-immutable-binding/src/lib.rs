/// The squares of 1 to `n`.
pub fn squares(n: u32) -> Vec<u32> {
    let result = Vec::new();
    for i in 1..=n {
        result.push(i * i);
    }
    result
}

#[cfg(test)]
mod tests;
