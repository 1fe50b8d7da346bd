// Transpiled from: logger.go
use std::thread;

struct Log {
    lines: Vec<String>,
}

fn main() {
    let mut log = Log { lines: Vec::new() };
    log.lines.push("start".to_string());
    let handle = thread::spawn(move || {
        println!("{} lines", log.lines.len());
    });
    handle.join().unwrap();
    println!("first line: {}", log.lines[0]);
}
