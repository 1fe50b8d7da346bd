use fizzbuzz::fizzbuzz;

#[test]
fn multiples_of_fifteen_are_fizzbuzz() {
    assert_eq!(fizzbuzz(15), "FizzBuzz");
    assert_eq!(fizzbuzz(45), "FizzBuzz");
}

#[test]
fn other_numbers_keep_their_rules() {
    assert_eq!(fizzbuzz(9), "Fizz");
    assert_eq!(fizzbuzz(10), "Buzz");
    assert_eq!(fizzbuzz(7), "7");
}
