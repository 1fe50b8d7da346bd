use std::collections::HashMap;

#[derive(Debug, Clone, Copy)]
pub struct Cell {
    pub row: i32,
    pub col: i32,
}

/// How many times the path visits each cell.
pub fn count_visits(path: &[Cell]) -> HashMap<Cell, usize> {
    let mut visits = HashMap::new();
    for cell in path {
        *visits.entry(*cell).or_insert(0) += 1;
    }
    visits
}

#[cfg(test)]
mod tests;
