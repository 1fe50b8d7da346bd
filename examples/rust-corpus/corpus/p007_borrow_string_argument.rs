// Transpiled from: banner.py
fn banner(title: &str) -> String {
    let line = "=".repeat(title.len());
    format!("{line}\n{title}\n{line}")
}

fn main() {
    let title = String::from("Nightshift report");
    let text = banner(title);
    println!("{text}");
}
