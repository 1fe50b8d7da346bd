// Transpiled from: config.c
struct Config<'a> {
    name: &'a str,
}

fn load() -> Config<'static> {
    let raw = String::from("name=nightshift");
    let name = raw.split('=').nth(1).unwrap_or("");
    Config { name }
}

fn main() {
    println!("{}", load().name);
}
