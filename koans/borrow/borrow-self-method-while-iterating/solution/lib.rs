pub struct Inventory {
    pub items: Vec<(String, u32)>,
    pub log: Vec<String>,
}

impl Inventory {
    fn record(&mut self, line: String) {
        self.log.push(line);
    }

    /// Logs a line for every item that is out of stock and returns how many there were.
    pub fn report_empty(&mut self) -> usize {
        let empty: Vec<String> = self
            .items
            .iter()
            .filter(|(_, quantity)| *quantity == 0)
            .map(|(name, _)| format!("{name} is out of stock"))
            .collect();
        let count = empty.len();
        for line in empty {
            self.record(line);
        }
        count
    }
}

#[cfg(test)]
mod tests;
