// Transpiled from: index.py
fn build_index(words: &[&str]) -> Vec<(char, usize)> {
    let mut index = BTreeMap::new();
    for w in words {
        if let Some(c) = w.chars().next() {
            *index.entry(c).or_insert(0) += 1;
        }
    }
    index.into_iter().collect()
}

fn main() {
    println!("{:?}", build_index(&["apple", "avocado", "banana"]));
}
