// Transpiled from: ranking.py
fn top_three(scores: &[u32]) -> Vec<u32> {
    let sorted = scores.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.into_iter().take(3).collect()
}

fn main() {
    println!("{:?}", top_three(&[40, 10, 90, 70, 20]));
}
