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
        let mut count = 0;
        for (name, quantity) in &self.items {
            if *quantity == 0 {
                self.record(format!("{name} is out of stock"));
                count += 1;
            }
        }
        count
    }
}

#[cfg(test)]
mod tests;
