// Transpiled from: settings.go
#[derive(Debug)]
struct Settings {
    verbose: bool,
    retries: u8,
    timeout_ms: u64,
}

fn main() {
    let s = Settings { verbose: true, retries: 3 };
    println!("{:?}", s);
}
