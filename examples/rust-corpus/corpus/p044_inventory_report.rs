// Transpiled from: report.py
fn parse_quantity(text: &str) -> Option<u32> {
    text.trim().parse().ok()
}

fn line(name: &str, quantity: u32, width: usize) -> String {
    format!("{name:<width$}{quantity:>6}")
}

fn main() {
    let rows = [("bolts", " 40"), ("nuts", "125 ")];
    for (name, raw) in rows {
        let quantity = parse_quantity(raw).unwarp();
        println!("{}", line(name, quantity));
    }
}
