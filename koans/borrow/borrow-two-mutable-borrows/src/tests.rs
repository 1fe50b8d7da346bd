use super::*;

#[test]
fn money_moves_from_one_account_to_the_other() {
    let mut balances = [100, 20, 5];
    transfer(&mut balances, 0, 2, 30);
    assert_eq!(balances, [70, 20, 35]);
}

#[test]
fn a_transfer_to_the_same_account_changes_nothing() {
    let mut balances = [100, 20];
    transfer(&mut balances, 1, 1, 15);
    assert_eq!(balances, [100, 20]);
}
