use std::num::ParseIntError;

/// Parses "a,b" into its two numbers.
pub fn parse_pair(text: &str) -> Result<(i32, i32), ParseIntError> {
    let mut parts = text.split(',');
    let a = parts.next().unwrap_or("").trim().parse()?;
    let b = parts.next().unwrap_or("").trim().parse()?;
    (a, b)
}

#[cfg(test)]
mod tests;
