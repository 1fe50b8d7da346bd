/// Moves `amount` from the account at index `from` to the account at index `to`.
pub fn transfer(balances: &mut [i64], from: usize, to: usize, amount: i64) {
    let source = &mut balances[from];
    let target = &mut balances[to];
    *source -= amount;
    *target += amount;
}

#[cfg(test)]
mod tests;
