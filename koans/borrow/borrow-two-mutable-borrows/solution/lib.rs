/// Moves `amount` from the account at index `from` to the account at index `to`.
pub fn transfer(balances: &mut [i64], from: usize, to: usize, amount: i64) {
    balances[from] -= amount;
    balances[to] += amount;
}

#[cfg(test)]
mod tests;
