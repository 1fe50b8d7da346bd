use crate::item::Item;

#[derive(Debug, PartialEq, Eq)]
pub enum StockError {
    UnknownSku(String),
    NotEnough { sku: String, available: u32 },
}

/// The items in stock, one entry per SKU.
#[derive(Debug, Default)]
pub struct Stock {
    items: Vec<Item>,
}

impl Stock {
    pub fn new() -> Stock {
        Stock::default()
    }

    /// Adds an item; an item whose SKU is already in stock adds to that entry's quantity.
    pub fn add(&mut self, item: Item) {
        match self.items.iter_mut().find(|i| i.sku == item.sku) {
            Some(existing) => existing.quantity += item.quantity,
            None => self.items.push(item),
        }
    }

    /// Takes `quantity` of an item out of stock and returns how many are left.
    pub fn remove(&mut self, sku: &str, quantity: u32) -> Result<u32, StockError> {
        let item = self
            .items
            .iter_mut()
            .find(|i| i.sku == sku)
            .ok_or_else(|| StockError::UnknownSku(sku.to_string()))?;
        if item.quantity < quantity {
            return Err(StockError::NotEnough { sku: sku.to_string(), available: item.quantity });
        }
        item.quantity -= quantity;
        Ok(item.quantity)
    }

    pub fn get(&self, sku: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.sku == sku)
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_a_known_sku_adds_to_its_quantity() {
        let mut stock = Stock::new();
        stock.add(Item::new("A-1", "anchor", 2));
        stock.add(Item::new("A-1", "anchor", 3));
        assert_eq!(stock.get("A-1").map(|i| i.quantity), Some(5));
        assert_eq!(stock.remove("A-1", 4), Ok(1));
        assert_eq!(stock.remove("A-1", 2), Err(StockError::NotEnough { sku: "A-1".to_string(), available: 1 }));
    }
}
