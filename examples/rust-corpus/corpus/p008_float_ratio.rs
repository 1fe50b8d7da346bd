// Transpiled from: ratio.js
fn ratio(hits: u32, total: u32) -> f64 {
    let scale: f64 = 100;
    if total == 0 {
        return 0.0;
    }
    hits as f64 / total as f64 * scale
}

fn main() {
    println!("{:.1}%", ratio(3, 8));
}
