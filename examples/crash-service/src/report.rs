//! The crash report: a panic hook that writes the panic, the request being served and a backtrace
//! to `<crash-dir>/crash-<time>-<pid>.txt`, in the shape Rust prints panics with RUST_BACKTRACE=1.

use std::backtrace::Backtrace;
use std::cell::RefCell;
use std::fs::{self, File};
use std::io::Write;
use std::panic;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

thread_local! {
    static REQUEST: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Remembers the request being served, for the report of a crash while serving it.
pub fn set_request(request: &str) {
    REQUEST.with(|current| *current.borrow_mut() = request.to_string());
}

/// Installs the hook; reports go to `directory`.
pub fn install(directory: PathBuf) {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let thread = std::thread::current();
        let name = thread.name().unwrap_or("<unnamed>").to_string();
        let location = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_else(|| "<unknown>".to_string());
        let message = if let Some(text) = info.payload().downcast_ref::<&str>() {
            text.to_string()
        } else if let Some(text) = info.payload().downcast_ref::<String>() {
            text.clone()
        } else {
            "Box<dyn Any>".to_string()
        };
        let request = REQUEST.with(|current| current.borrow().clone());
        let backtrace = short(&Backtrace::force_capture().to_string());
        let text = format!(
            "crash-service {version} crash report\nRequest: {request}\n\n\
             thread '{name}' panicked at {location}:\n{message}\nstack backtrace:\n{backtrace}\
             note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.\n",
            version = env!("CARGO_PKG_VERSION"),
        );
        if let Err(error) = write(&directory, &text) {
            eprintln!("crash-service: could not write the crash report to {}: {error}", directory.display());
        }
        default(info);
    }));
}

/// The frames between the panic machinery and the runtime's start, renumbered: what RUST_BACKTRACE=1 prints.
fn short(full: &str) -> String {
    let mut frames: Vec<Vec<&str>> = Vec::new();
    for line in full.lines() {
        let trimmed = line.trim_start();
        let starts_frame = trimmed.split_once(": ").is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()));
        match frames.last_mut() {
            Some(frame) if !starts_frame => frame.push(line),
            _ => frames.push(vec![line]),
        }
    }
    let end = frames.iter().position(|f| f[0].contains("__rust_end_short_backtrace")).map_or(0, |i| i + 1);
    let begin = frames.iter().position(|f| f[0].contains("__rust_begin_short_backtrace")).unwrap_or(frames.len());
    let mut text = String::new();
    for (number, frame) in frames[end..begin.max(end)].iter().enumerate() {
        let (_, name) = frame[0].trim_start().split_once(": ").unwrap_or(("", frame[0]));
        text.push_str(&format!("{number:>4}: {name}\n"));
        for line in &frame[1..] {
            text.push_str(line);
            text.push('\n');
        }
    }
    text
}

fn write(directory: &PathBuf, text: &str) -> std::io::Result<()> {
    fs::create_dir_all(directory)?;
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let path = directory.join(format!("crash-{nanos}-{}.txt", std::process::id()));
    let mut file = File::create(path)?;
    // Written in pieces, as a crashing process does: the watcher takes a report only once it stops growing.
    for chunk in text.as_bytes().chunks(512) {
        file.write_all(chunk)?;
        file.flush()?;
    }
    Ok(())
}
