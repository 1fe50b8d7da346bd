use rpn::eval;

#[test]
fn the_old_operators_still_work() {
    assert_eq!(eval("3 4 + 2 *"), Ok(14));
    assert_eq!(eval("10 4 -"), Ok(6));
    assert_eq!(eval("-3 2 *"), Ok(-6));
}

#[test]
fn division_rounds_toward_zero() {
    assert_eq!(eval("7 2 /"), Ok(3));
    assert_eq!(eval("-7 2 /"), Ok(-3));
    assert_eq!(eval("20 2 / 3 /"), Ok(3));
}

#[test]
fn division_by_zero_is_an_error() {
    let error = eval("1 0 /").unwrap_err();
    assert!(error.contains("division by zero"), "{error}");
}

#[test]
fn dup_and_swap_work_the_stack() {
    assert_eq!(eval("5 dup *"), Ok(25));
    assert_eq!(eval("2 10 swap -"), Ok(8));
    assert_eq!(eval("1 2 swap / "), Ok(2));
}

#[test]
fn errors_are_still_errors() {
    assert!(eval("+").is_err());
    assert!(eval("dup").is_err());
    assert!(eval("1 swap").is_err());
    assert!(eval("1 2").is_err());
    assert!(eval("1 x +").is_err());
}
