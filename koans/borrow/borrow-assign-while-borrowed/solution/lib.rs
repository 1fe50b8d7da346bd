/// Returns the longest line of `text` (the first of equals), and empties `text`.
pub fn take_longest_line(text: &mut String) -> String {
    let longest = text.lines().rev().max_by_key(|line| line.len()).unwrap_or("").to_string();
    *text = String::new();
    longest
}

#[cfg(test)]
mod tests;
