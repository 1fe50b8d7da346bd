/// The words joined with single spaces, in lower case.
pub fn normalize(words: &[&str]) -> &str {
    let joined = words.join(" ").to_lowercase();
    &joined
}

#[cfg(test)]
mod tests;
