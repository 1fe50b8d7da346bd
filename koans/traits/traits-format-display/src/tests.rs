use super::*;

#[test]
fn a_number_is_labelled() {
    assert_eq!(labelled("retries", 3), "retries: 3");
}

#[test]
fn a_string_is_labelled() {
    assert_eq!(labelled("name", "nightshift"), "name: nightshift");
}
