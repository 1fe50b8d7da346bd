use crate::stock::Stock;

/// A line per item, sorted by SKU: the SKU, the name and the quantity, separated by two spaces.
pub fn summary(stock: &Stock) -> String {
    let mut items: Vec<_> = stock.items().iter().collect();
    items.sort_by(|a, b| a.sku.cmp(&b.sku));
    items
        .iter()
        .map(|item| format!("{}  {}  {}\n", item.sku, item.name, item.quantity))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::Item;

    #[test]
    fn the_summary_is_sorted_by_sku() {
        let mut stock = Stock::new();
        stock.add(Item::new("C-3", "chain", 1));
        stock.add(Item::new("A-1", "anchor", 2));
        assert_eq!(summary(&stock), "A-1  anchor  2\nC-3  chain  1\n");
    }
}
