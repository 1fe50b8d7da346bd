use super::*;

#[test]
fn keys_are_lower_cased_in_order() {
    assert_eq!(keys(" Page=2&SORT=asc "), vec!["page", "sort"]);
}

#[test]
fn empty_keys_are_skipped() {
    assert_eq!(keys("&=x&a=1"), vec!["a"]);
}
