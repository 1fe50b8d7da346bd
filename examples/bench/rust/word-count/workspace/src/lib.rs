/// The number of words in `text`: runs of characters between whitespace of any kind
/// (spaces, tabs, line breaks), however much of it there is.
pub fn word_count(text: &str) -> usize {
    text.split(' ').count()
}

/// The longest word of `text`, the first one on a tie; `None` when there are no words.
pub fn longest_word(text: &str) -> Option<&str> {
    let mut longest: Option<&str> = None;
    for word in text.split_whitespace() {
        if longest.map_or(true, |l| word.len() > l.len()) {
            longest = Some(word);
        }
    }
    longest
}
