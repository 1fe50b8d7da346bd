// Transpiled from: lines.c
fn count_lines(text: &str) -> u32 {
    let lines = 0;
    for c in text.chars() {
        if c == '\n' {
            lines += 1;
        }
    }
    lines
}

fn main() {
    println!("{}", count_lines("a\nb\nc\n"));
}
