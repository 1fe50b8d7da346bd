use std::collections::HashMap;

/// The price of `item`; an item that is not in the catalog is an error naming it.
pub fn price(catalog: &HashMap<String, u32>, item: &str) -> Result<u32, String> {
    catalog.get(item).copied()
}

#[cfg(test)]
mod tests;
