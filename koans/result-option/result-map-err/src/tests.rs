use super::*;

#[test]
fn a_percentage_is_parsed() {
    assert_eq!(parse_percent("42%"), Ok(42));
    assert_eq!(parse_percent("100"), Ok(100));
}

#[test]
fn more_than_a_hundred_is_refused() {
    assert_eq!(parse_percent("150%"), Err("150 is more than 100".to_string()));
}

#[test]
fn text_is_refused() {
    assert!(parse_percent("lots").is_err());
}
