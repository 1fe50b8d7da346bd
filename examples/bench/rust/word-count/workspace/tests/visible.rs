use word_count::{longest_word, word_count};

#[test]
fn words_are_counted_between_spaces() {
    assert_eq!(word_count("the night shift"), 3);
}

#[test]
fn runs_of_whitespace_separate_words_once() {
    assert_eq!(word_count("the  night\tshift\n"), 3);
}

#[test]
fn the_first_longest_word_wins() {
    assert_eq!(longest_word("a bb cc d"), Some("bb"));
}
