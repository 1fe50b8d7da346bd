use super::*;

#[test]
fn doubles_of_the_even_numbers_are_appended_in_order() {
    let mut numbers = vec![1, 2, 3, 4];
    append_doubled_evens(&mut numbers);
    assert_eq!(numbers, vec![1, 2, 3, 4, 4, 8]);
}

#[test]
fn a_list_without_even_numbers_is_unchanged() {
    let mut numbers = vec![1, 3, 5];
    append_doubled_evens(&mut numbers);
    assert_eq!(numbers, vec![1, 3, 5]);
}

#[test]
fn an_empty_list_stays_empty() {
    let mut numbers: Vec<i32> = Vec::new();
    append_doubled_evens(&mut numbers);
    assert!(numbers.is_empty());
}
