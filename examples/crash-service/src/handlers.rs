//! The service's requests. Three of them have a planted crash, each a different kind of panic.

/// The inventory `/item` reads from.
const ITEMS: [&str; 3] = ["anvil", "bellows", "crucible"];

/// `GET /divide?a=A&b=B`: the quotient. Planted crash: `b = 0` divides by zero.
pub fn divide(a: i64, b: i64) -> String {
    let quotient = a / b;
    format!("{quotient}")
}

/// `GET /item?index=N`: the item at N. Planted crash: an index past the end.
pub fn item(index: usize) -> String {
    let name = ITEMS[index];
    name.to_string()
}

/// `GET /parse?value=V`: V doubled. Planted crash: a value that is not a number.
pub fn parse(value: &str) -> String {
    let number: u32 = value.trim().parse().unwrap();
    format!("{}", number * 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divides() {
        assert_eq!(divide(10, 2), "5");
    }

    #[test]
    fn finds_an_item() {
        assert_eq!(item(1), "bellows");
    }

    #[test]
    fn doubles_a_number() {
        assert_eq!(parse("21"), "42");
    }
}
