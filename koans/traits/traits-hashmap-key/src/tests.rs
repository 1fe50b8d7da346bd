use super::*;

#[test]
fn repeated_cells_are_counted() {
    let a = Cell { row: 0, col: 0 };
    let b = Cell { row: 0, col: 1 };
    let visits = count_visits(&[a, b, a, a]);
    assert_eq!(visits[&a], 3);
    assert_eq!(visits[&b], 1);
    assert_eq!(visits.len(), 2);
}

#[test]
fn an_empty_path_visits_nothing() {
    assert!(count_visits(&[]).is_empty());
}
