// Transpiled from: model.py
use serde::Serialize;

#[derive(Debug)]
struct User {
    id: u64,
    name: String,
}

fn main() {
    let u = User { id: 1, name: "ada".to_string() };
    println!("{:?}", u);
}
