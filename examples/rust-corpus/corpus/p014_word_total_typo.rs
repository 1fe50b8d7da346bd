// Transpiled from: wordcount.py
fn count_words(lines: &[&str]) -> usize {
    let mut total = 0;
    for line in lines {
        totl += line.split_whitespace().count();
    }
    total
}

fn main() {
    let text = ["the quick brown fox", "jumps over", "the lazy dog"];
    println!("{} words", count_words(&text));
}
