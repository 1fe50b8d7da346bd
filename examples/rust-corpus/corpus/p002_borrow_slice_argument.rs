// Transpiled from: stats.c
fn mean(values: &[f64]) -> f64 {
    let mut total = 0.0;
    for v in values {
        total += v;
    }
    total / values.len() as f64
}

fn main() {
    let samples = vec![1.5, 2.5, 3.0, 4.0];
    let m = mean(samples);
    println!("mean = {m:.2}");
}
