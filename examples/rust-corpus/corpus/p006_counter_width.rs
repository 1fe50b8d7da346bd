// Transpiled from: counter.c
fn count_spaces(text: &str) -> u32 {
    let mut n: u32 = 0;
    for c in text.chars() {
        if c == ' ' {
            n += 1;
        }
    }
    n
}

fn main() {
    let spaces = count_spaces("a b c d");
    let width: usize = spaces;
    println!("{}", "-".repeat(width));
}
