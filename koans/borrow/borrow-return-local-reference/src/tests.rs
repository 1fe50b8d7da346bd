use super::*;

#[test]
fn words_are_joined_in_lower_case() {
    assert_eq!(normalize(&["Night", "SHIFT"]), "night shift");
}

#[test]
fn no_words_make_an_empty_string() {
    assert_eq!(normalize(&[]), "");
}
