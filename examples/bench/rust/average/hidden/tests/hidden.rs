use average::average;

#[test]
fn the_mean_keeps_its_fraction() {
    assert_eq!(average(&[1, 2, 3, 4]), Some(2.5));
    assert_eq!(average(&[-3, 3, 6]), Some(2.0));
}

#[test]
fn no_values_have_no_mean() {
    assert_eq!(average(&[]), None);
}
