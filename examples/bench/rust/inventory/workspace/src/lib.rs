//! A small stock keeper: items (item.rs), the stock that holds them (stock.rs) and reports on it (report.rs).

pub mod item;
pub mod report;
pub mod stock;

pub use item::Item;
pub use stock::{Stock, StockError};
