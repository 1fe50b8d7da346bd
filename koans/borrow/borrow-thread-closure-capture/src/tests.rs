use super::*;

#[test]
fn the_parts_add_up_to_the_whole() {
    assert_eq!(parallel_sum((1..=100).collect(), 4), 5050);
}

#[test]
fn more_chunks_than_numbers_still_work() {
    assert_eq!(parallel_sum(vec![7, 8], 5), 15);
}

#[test]
fn nothing_sums_to_zero() {
    assert_eq!(parallel_sum(Vec::new(), 3), 0);
}
