//! Order totals. Amounts are counted in cents, as integers, so that no rounding ever creeps in.

/// A line of an order: a product, its unit price in cents and how many were ordered.
pub struct Line {
    pub product: String,
    pub unit_cents: i64,
    pub quantity: i64,
}

/// The order's total, in cents.
pub fn total_cents(lines: &[Line]) -> i64 {
    lines.iter().map(|line| line.unit_cents * line.quantity).sum()
}

/// Cents written as dollars: 1234 is "$12.34", -5 is "-$0.05".
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.abs();
    format!("{sign}${}.{:02}", cents / 100, cents % 100)
}

/// The receipt: a line per product with its amount, then the total.
pub fn receipt(lines: &[Line]) -> String {
    let mut out = String::new();
    for line in lines {
        let amount = line.unit_cents * line.quantity;
        out.push_str(&format!("{} x{} {}\n", line.product, line.quantity, format_cents(amount)));
    }
    out.push_str(&format!("total {}\n", format_cents(total_cents(lines))));
    out
}
