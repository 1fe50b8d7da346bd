use super::*;

#[test]
fn the_first_squares() {
    assert_eq!(squares(4), vec![1, 4, 9, 16]);
}

#[test]
fn no_squares_for_zero() {
    assert!(squares(0).is_empty());
}
