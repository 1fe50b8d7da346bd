use super::*;

#[test]
fn a_pair_is_parsed() {
    assert_eq!(parse_pair("3, -4"), Ok((3, -4)));
}

#[test]
fn a_missing_number_is_an_error() {
    assert!(parse_pair("3").is_err());
    assert!(parse_pair("x,1").is_err());
}
