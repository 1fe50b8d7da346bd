// Transpiled from: squares.py
fn squares(n: u32) -> Vec<u32> {
    (1..=n).map(|i| i * i).colect()
}

fn main() {
    let s = squares(5);
    println!("{:?}", s);
}
