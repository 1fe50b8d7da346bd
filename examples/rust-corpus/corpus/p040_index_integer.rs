// Transpiled from: digits.js
fn first_digit(n: u32) -> u32 {
    n[0]
}

fn main() {
    println!("{}", first_digit(1234));
}
