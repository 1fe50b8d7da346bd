use super::*;

#[test]
fn all_numbers_are_parsed() {
    assert_eq!(parse_all(&["1", " 2", "-3 "]), Ok(vec![1, 2, -3]));
}

#[test]
fn one_bad_item_fails_the_parse() {
    assert!(parse_all(&["1", "two", "3"]).is_err());
}

#[test]
fn nothing_parses_to_nothing() {
    assert_eq!(parse_all(&[]), Ok(Vec::new()));
}
