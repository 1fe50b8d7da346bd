/// The words joined with single spaces, in lower case.
pub fn normalize(words: &[&str]) -> String {
    words.join(" ").to_lowercase()
}

#[cfg(test)]
mod tests;
