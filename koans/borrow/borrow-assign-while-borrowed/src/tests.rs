use super::*;

#[test]
fn the_longest_line_is_returned_and_the_text_emptied() {
    let mut text = "short\nthe longest one\nmedium line".to_string();
    assert_eq!(take_longest_line(&mut text), "the longest one");
    assert!(text.is_empty());
}

#[test]
fn the_first_of_equally_long_lines_wins() {
    let mut text = "abc\nxyz".to_string();
    assert_eq!(take_longest_line(&mut text), "abc");
}

#[test]
fn empty_text_gives_an_empty_line() {
    let mut text = String::new();
    assert_eq!(take_longest_line(&mut text), "");
}
