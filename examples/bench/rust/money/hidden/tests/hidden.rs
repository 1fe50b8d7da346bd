use money::{receipt, total, Line, Money};

fn line(product: &str, unit_cents: i64, quantity: i64) -> Line {
    Line { product: product.to_string(), unit_price: Money::from_cents(unit_cents), quantity }
}

#[test]
fn money_is_written_as_dollars_and_cents() {
    assert_eq!(Money::from_cents(1234).to_string(), "$12.34");
    assert_eq!(Money::from_cents(7).to_string(), "$0.07");
    assert_eq!(Money::from_cents(-5).to_string(), "-$0.05");
    assert_eq!(Money::from_cents(-250).to_string(), "-$2.50");
}

#[test]
fn money_adds_multiplies_and_compares() {
    let price = Money::from_cents(199);
    assert_eq!(price + Money::from_cents(1), Money::from_cents(200));
    assert_eq!((price * 3).cents(), 597);
    assert!(Money::from_cents(1) < Money::from_cents(2));
    let sum: Money = [1, 2, 3].into_iter().map(Money::from_cents).sum();
    assert_eq!(sum, Money::from_cents(6));
    let copied = price;
    assert_eq!(copied, price, "Money is Copy");
}

#[test]
fn the_total_is_money() {
    let lines = [line("tea", 350, 2), line("cake", 275, 1)];
    assert_eq!(total(&lines), Money::from_cents(975));
    assert_eq!(total(&[]), Money::from_cents(0));
}

#[test]
fn the_receipt_reads_as_before() {
    let lines = [line("tea", 350, 2), line("refund", -120, 1)];
    assert_eq!(receipt(&lines), "tea x2 $7.00\nrefund x1 -$1.20\ntotal $5.80\n");
}
