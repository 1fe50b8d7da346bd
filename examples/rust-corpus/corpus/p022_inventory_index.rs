// Transpiled from: inventory.rb
struct Inventory {
    stock: HashMap<String, u32>,
}

fn main() {
    let mut inv = Inventory { stock: Default::default() };
    inv.stock.insert("bolts".to_string(), 40);
    println!("{:?}", inv.stock.get("bolts"));
}
