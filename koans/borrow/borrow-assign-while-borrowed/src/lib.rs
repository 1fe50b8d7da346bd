/// Returns the longest line of `text` (the first of equals), and empties `text`.
pub fn take_longest_line(text: &mut String) -> String {
    let longest = text.lines().rev().max_by_key(|line| line.len()).unwrap_or("");
    *text = String::new();
    longest.to_string()
}

#[cfg(test)]
mod tests;
