//! Text requests. Two more planted crashes, for the soak test's night of crashes.

/// `GET /char?text=T&at=N`: the character of T at N. Planted crash: N past the end unwraps a `None`.
pub fn char_at(text: &str, at: usize) -> String {
    let found = text.chars().nth(at).unwrap();
    found.to_string()
}

/// `GET /prefix?text=T&len=N`: the first N bytes of T. Planted crash: N past the end slices out of range.
pub fn prefix(text: &str, len: usize) -> String {
    text[..len].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_character() {
        assert_eq!(char_at("forge", 1), "o");
    }

    #[test]
    fn takes_a_prefix() {
        assert_eq!(prefix("forge", 3), "for");
    }
}
