/// Parses "42%" into 42; the percentage must be a whole number from 0 to 100.
pub fn parse_percent(text: &str) -> Result<u8, String> {
    let value: u8 = text.trim_end_matches('%').parse()?;
    if value > 100 {
        return Err(format!("{value} is more than 100"));
    }
    Ok(value)
}

#[cfg(test)]
mod tests;
