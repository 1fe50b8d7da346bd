use inventory::report::{reorder, summary};
use inventory::{Item, Stock, StockError};

fn stock() -> Stock {
    let mut stock = Stock::new();
    stock.add(Item::new("C-3", "chain", 4, 5));
    stock.add(Item::new("A-1", "anchor", 12, 3));
    stock.add(Item::new("B-2", "bolt", 10, 10));
    stock
}

#[test]
fn an_item_has_a_reorder_level() {
    let item = Item::new("D-4", "drill", 7, 2);
    assert_eq!(item.reorder_level, 2);
    assert_eq!(item.quantity, 7);
}

#[test]
fn adding_to_a_known_sku_keeps_its_reorder_level() {
    let mut stock = stock();
    stock.add(Item::new("A-1", "anchor", 1, 99));
    let anchor = stock.get("A-1").unwrap();
    assert_eq!((anchor.quantity, anchor.reorder_level), (13, 3));
}

#[test]
fn items_at_or_below_their_level_are_reordered_up_to_twice_it() {
    assert_eq!(reorder(&stock()), vec![("B-2".to_string(), 10), ("C-3".to_string(), 6)]);
    assert_eq!(reorder(&Stock::new()), vec![]);
}

#[test]
fn removing_stock_can_make_an_item_due() {
    let mut stock = stock();
    assert_eq!(stock.remove("A-1", 9), Ok(3));
    assert_eq!(reorder(&stock)[0], ("A-1".to_string(), 3));
    assert_eq!(stock.remove("Z-9", 1), Err(StockError::UnknownSku("Z-9".to_string())));
}

#[test]
fn the_summary_marks_what_to_reorder() {
    assert_eq!(summary(&stock()), "A-1  anchor  12\nB-2  bolt  10 (reorder)\nC-3  chain  4 (reorder)\n");
}
