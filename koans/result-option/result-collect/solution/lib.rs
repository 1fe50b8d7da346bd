use std::num::ParseIntError;

/// Parses every item; the first item that is not a number makes the whole parse fail.
pub fn parse_all(items: &[&str]) -> Result<Vec<i32>, ParseIntError> {
    let numbers = items.iter().map(|item| item.trim().parse::<i32>()).collect::<Result<Vec<i32>, _>>()?;
    Ok(numbers)
}

#[cfg(test)]
mod tests;
