/// The keys of a query string such as "A=1&b=2", trimmed and lower-cased; empty keys are skipped.
pub fn keys(query: &str) -> Vec<String> {
    let pairs: Vec<&str> = query.trim().to_lowercase().split('&').collect();
    pairs
        .iter()
        .filter_map(|pair| pair.split('=').next())
        .filter(|key| !key.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests;
