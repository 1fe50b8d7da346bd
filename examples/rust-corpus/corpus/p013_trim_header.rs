// Transpiled from: header.js
fn header_value(line: &str) -> Option<&str> {
    let (_, value) = line.split_once(':')?;
    Some(value.trim_star())
}

fn main() {
    match header_value("Content-Type:   text/plain") {
        Some(v) => println!("[{v}]"),
        None => println!("no value"),
    }
}
