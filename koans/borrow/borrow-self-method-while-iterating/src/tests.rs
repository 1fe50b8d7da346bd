use super::*;

#[test]
fn empty_items_are_logged_and_counted() {
    let mut inventory = Inventory {
        items: vec![("nails".to_string(), 0), ("glue".to_string(), 3), ("tape".to_string(), 0)],
        log: Vec::new(),
    };
    assert_eq!(inventory.report_empty(), 2);
    assert_eq!(inventory.log, vec!["nails is out of stock", "tape is out of stock"]);
}

#[test]
fn a_full_inventory_logs_nothing() {
    let mut inventory = Inventory { items: vec![("glue".to_string(), 1)], log: Vec::new() };
    assert_eq!(inventory.report_empty(), 0);
    assert!(inventory.log.is_empty());
}
