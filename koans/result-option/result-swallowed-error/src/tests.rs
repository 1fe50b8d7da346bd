use super::*;

#[test]
fn a_port_is_parsed() {
    assert_eq!(parse_port("8080"), Ok(8080));
    assert_eq!(parse_port(" 1 "), Ok(1));
}

#[test]
fn zero_is_not_a_port() {
    assert!(parse_port("0").is_err());
}

#[test]
fn text_and_large_numbers_are_not_ports() {
    assert!(parse_port("http").is_err());
    assert!(parse_port("70000").is_err());
}
