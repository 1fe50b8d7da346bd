/// A product on the shelf: its stock-keeping unit, name and how many are there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub sku: String,
    pub name: String,
    pub quantity: u32,
}

impl Item {
    pub fn new(sku: &str, name: &str, quantity: u32) -> Item {
        Item { sku: sku.to_string(), name: name.to_string(), quantity }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_keeps_what_it_was_given() {
        let item = Item::new("B-2", "bolt", 40);
        assert_eq!((item.sku.as_str(), item.name.as_str(), item.quantity), ("B-2", "bolt", 40));
    }
}
