// Transpiled from: frequencies.py
fn frequencies(text: &str) -> Vec<(String, usize)> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    let mut pairs: Vec<(String, usize)> = counts.into_iter().collect();
    pairs.sort();
    pairs
}

fn main() {
    println!("{:?}", frequencies("a b A c b a"));
}
