use super::*;

#[test]
fn the_largest_number() {
    assert_eq!(largest(&[3, 9, 2]), Some(&9));
}

#[test]
fn the_largest_word() {
    assert_eq!(largest(&["pear", "apple", "zucchini"]), Some(&"zucchini"));
}

#[test]
fn nothing_in_nothing() {
    assert_eq!(largest::<u8>(&[]), None);
}
