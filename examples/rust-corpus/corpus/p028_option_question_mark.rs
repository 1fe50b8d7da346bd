// Transpiled from: config.py
fn port(settings: &[(&str, u16)]) -> Result<u16, String> {
    let (_, value) = settings.iter().find(|(k, _)| *k == "port")?;
    Ok(*value)
}

fn main() {
    println!("{:?}", port(&[("host", 0), ("port", 8080)]));
}
