use super::*;

#[test]
fn the_first_occurrence_is_found() {
    assert_eq!(index_of(&[5, 7, 7], 7), Some(1));
}

#[test]
fn a_missing_value_has_no_index() {
    assert_eq!(index_of(&[5, 7], 9), None);
}
