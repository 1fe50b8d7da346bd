use super::*;

#[test]
fn integers_add_up() {
    assert_eq!(total(&[1, 2, 3, 4]), 10);
}

#[test]
fn floats_add_up() {
    assert_eq!(total(&[0.5, 0.25]), 0.75);
}

#[test]
fn no_values_give_the_default() {
    assert_eq!(total::<i64>(&[]), 0);
}
