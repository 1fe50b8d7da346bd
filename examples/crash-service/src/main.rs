//! crash-service: a tiny HTTP service with planted crashes, for `nightshift crash-watch`.
//!
//! ```text
//! crash-service serve --port 7878 [--crash-dir crashes]   serve until a request crashes it
//! crash-service run /divide?a=1&b=0                         handle one request, print the answer
//! crash-service replay crashes/crash-...txt                 handle the request a crash report names
//! ```
//! `GET /health` answers 200 while the service is up.

mod handlers;
mod report;
mod text;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let crash_dir = option(&args, "--crash-dir").unwrap_or_else(|| "crashes".to_string());
    report::install(PathBuf::from(crash_dir));
    match args.first().map(String::as_str) {
        Some("serve") => serve(option(&args, "--port").unwrap_or_else(|| "7878".to_string())),
        Some("run") if args.len() > 1 => answer(&args[1]),
        Some("replay") if args.len() > 1 => replay(&args[1]),
        _ => {
            eprintln!("usage: crash-service serve --port P [--crash-dir D] | run <path?query> | replay <crash-report>");
            ExitCode::from(2)
        }
    }
}

fn option(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn serve(port: String) -> ExitCode {
    let listener = match TcpListener::bind(format!("127.0.0.1:{port}")) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("crash-service: cannot listen on 127.0.0.1:{port}: {error}");
            return ExitCode::from(1);
        }
    };
    println!("crash-service listening on 127.0.0.1:{port}");
    for stream in listener.incoming().flatten() {
        // One request at a time, on the main thread: a crash takes the whole service down.
        respond(stream);
    }
    ExitCode::SUCCESS
}

fn respond(mut stream: TcpStream) {
    let mut line = String::new();
    if BufReader::new(&stream).read_line(&mut line).is_err() {
        return;
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let (status, body) = match handle(&target) {
        Some(body) => ("200 OK", body),
        None => ("404 Not Found", "no such request\n".to_string()),
    };
    let response = format!(
        "HTTP/1.1 {status}\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes());
}

/// The answer to one request (`/divide?a=1&b=2`), or None for an unknown path.
fn handle(target: &str) -> Option<String> {
    report::set_request(&format!("GET {target}"));
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let get = |name: &str| {
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.to_string())
            .unwrap_or_default()
    };
    let number = |name: &str| get(name).parse::<i64>().unwrap_or(0);
    let answer = match path {
        "/health" => "ok".to_string(),
        "/divide" => handlers::divide(number("a"), number("b")),
        "/item" => handlers::item(number("index").max(0) as usize),
        "/parse" => handlers::parse(&get("value")),
        "/char" => text::char_at(&get("text"), number("at").max(0) as usize),
        "/prefix" => text::prefix(&get("text"), number("len").max(0) as usize),
        _ => return None,
    };
    Some(answer + "\n")
}

fn answer(target: &str) -> ExitCode {
    match handle(target) {
        Some(body) => {
            print!("{body}");
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("crash-service: no such request {target}");
            ExitCode::from(2)
        }
    }
}

/// Handles the request a crash report names: exit 0 when it no longer crashes (a panic exits 101).
fn replay(report: &str) -> ExitCode {
    let text = match std::fs::read_to_string(report) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("crash-service: cannot read {report}: {error}");
            return ExitCode::from(2);
        }
    };
    match text.lines().find_map(|l| l.strip_prefix("Request: GET ")) {
        Some(target) => answer(target.trim()),
        None => {
            eprintln!("crash-service: {report} names no request");
            ExitCode::from(2)
        }
    }
}
