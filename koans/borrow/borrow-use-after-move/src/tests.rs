use super::*;

#[test]
fn the_greeting_is_shouted() {
    assert_eq!(greet("ada").0, "HELLO, ADA!");
}

#[test]
fn the_length_is_the_length_before_shouting() {
    assert_eq!(greet("ada").1, 10);
}
