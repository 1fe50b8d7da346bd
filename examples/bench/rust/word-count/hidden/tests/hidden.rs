use word_count::{longest_word, word_count};

#[test]
fn any_whitespace_separates_words() {
    assert_eq!(word_count("one\ttwo\nthree  four"), 4);
    assert_eq!(word_count("  leading and trailing  "), 3);
}

#[test]
fn no_words_count_zero() {
    assert_eq!(word_count(""), 0);
    assert_eq!(word_count(" \t\n "), 0);
    assert_eq!(longest_word("   "), None);
}

#[test]
fn the_longest_word_is_unchanged() {
    assert_eq!(longest_word("night shift agents"), Some("agents"));
}
