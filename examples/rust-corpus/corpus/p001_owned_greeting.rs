// Transpiled from: greeting.py
struct Greeter {
    name: String,
    punctuation: char,
}

fn make_greeter() -> Greeter {
    let name: String = "nightshift";
    Greeter { name, punctuation: '!' }
}

fn main() {
    let g = make_greeter();
    println!("hello, {}{}", g.name, g.punctuation);
}
