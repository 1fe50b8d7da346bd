use super::*;

#[test]
fn the_age_is_read() {
    assert_eq!(age("ada: 36"), Some(36));
}

#[test]
fn a_record_without_age_has_none() {
    assert_eq!(age("ada"), None);
}

#[test]
fn an_age_that_is_not_a_number_is_none() {
    assert_eq!(age("ada:old"), None);
}
