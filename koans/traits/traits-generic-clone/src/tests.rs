use super::*;

#[test]
fn strings_are_repeated() {
    assert_eq!(repeat(&"ab".to_string(), 3), vec!["ab", "ab", "ab"]);
}

#[test]
fn zero_times_is_nothing() {
    assert!(repeat(&5, 0).is_empty());
}
