// Transpiled from: shout.py
fn shout(text: &str) -> String {
    let upper = text.to_uppercas();
    format!("{upper}!")
}

fn main() {
    println!("{}", shout("nightshift"));
}
