// Transpiled from: refs.c
fn bump(count: u32) -> u32 {
    *count + 1
}

fn main() {
    println!("{}", bump(41));
}
