/// Parses a TCP port: a number from 1 to 65535. Anything else is an error.
pub fn parse_port(text: &str) -> Result<u16, String> {
    let port: u16 = text.trim().parse().map_err(|_| format!("'{text}' is not a port"))?;
    if port == 0 {
        return Err("0 is not a port".to_string());
    }
    Ok(port)
}

#[cfg(test)]
mod tests;
