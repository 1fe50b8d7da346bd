use std::collections::HashMap;

/// Reads `key = value` lines. Blank lines and lines starting with `#` are skipped; spaces around keys
/// and values do not count; a value may itself contain `=`.
pub fn parse(text: &str) -> HashMap<String, String> {
    let mut entries = HashMap::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split('=').collect();
        entries.insert(parts[0].to_string(), parts[1].to_string());
    }
    entries
}
