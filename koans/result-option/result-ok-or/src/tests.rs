use super::*;

fn catalog() -> HashMap<String, u32> {
    HashMap::from([("tea".to_string(), 3), ("cake".to_string(), 5)])
}

#[test]
fn a_known_item_has_its_price() {
    assert_eq!(price(&catalog(), "cake"), Ok(5));
}

#[test]
fn an_unknown_item_is_named_in_the_error() {
    let error = price(&catalog(), "coffee").unwrap_err();
    assert!(error.contains("coffee"), "{error}");
}
