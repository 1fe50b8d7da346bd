use sum_to::sum_to;

#[test]
fn sums_up_to_and_including_n() {
    assert_eq!(sum_to(1), 1);
    assert_eq!(sum_to(4), 10);
    assert_eq!(sum_to(100), 5050);
}

#[test]
fn the_empty_sum_is_zero() {
    assert_eq!(sum_to(0), 0);
}
