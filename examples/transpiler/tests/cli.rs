//! The `transpile` binary: files in, files out, exit codes, and a version that follows the generator's source.

use std::path::PathBuf;
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tiny-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn transpile(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_transpile")).args(args).output().expect("transpile runs")
}

#[test]
fn writes_the_translation_to_the_output_file() {
    let dir = scratch("ok");
    let (input, output) = (dir.join("p.tiny"), dir.join("p.rs"));
    std::fs::write(&input, "fn main() { print(1 + 2); }\n").unwrap();

    let run = transpile(&[input.to_str().unwrap(), output.to_str().unwrap()]);

    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(std::fs::read_to_string(&output).unwrap().contains("println!(\"{}\", 1 + 2);"));
}

#[test]
fn a_syntax_error_exits_1_with_file_line_and_column() {
    let dir = scratch("bad");
    let (input, output) = (dir.join("bad.tiny"), dir.join("bad.rs"));
    std::fs::write(&input, "fn main() {\n    let = 3;\n}\n").unwrap();

    let run = transpile(&[input.to_str().unwrap(), output.to_str().unwrap()]);

    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("bad.tiny:2:9: error: expected a name"), "{stderr}");
    assert!(!output.exists());
}

#[test]
fn wrong_arguments_exit_2_with_usage() {
    let run = transpile(&["only-one"]);

    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("usage: transpile"));
}

#[test]
fn version_names_the_generator_build() {
    let run = transpile(&["--version"]);

    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.starts_with("transpile 0.1.0 (generator "), "{stdout}");
}
