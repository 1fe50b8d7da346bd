// Transpiled from: widths.js
fn widths(words: &[&str]) -> Vec<i32> {
    words.iter().map(|w| w.len() as i64).collect()
}

fn main() {
    println!("{:?}", widths(&["a", "bb", "ccc"]));
}
