use super::*;

#[test]
fn the_mean_of_some_values() {
    assert_eq!(average(&[1.0, 2.0, 6.0]), Some(3.0));
}

#[test]
fn no_values_have_no_mean() {
    assert_eq!(average(&[]), None);
}
