pub struct Config {
    pub name: String,
    pub retries: u32,
}

/// The configuration as a developer reads it in a log.
pub fn describe(config: &Config) -> String {
    format!("{config:?}")
}

#[cfg(test)]
mod tests;
