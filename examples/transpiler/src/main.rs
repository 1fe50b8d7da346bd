//! `transpile <input.tiny> <output.rs>`: writes the Rust translation of a Tiny program.

use std::process::ExitCode;

/// Every source file of the generator: `--version` prints their hash, so a tool that caches results by the
/// generator's version (Nightshift's probe cache does) sees every change to the generator once it is rebuilt.
const SOURCES: &[&str] = &[
    include_str!("ast.rs"),
    include_str!("builtins.rs"),
    include_str!("error.rs"),
    include_str!("expr_gen.rs"),
    include_str!("lexer.rs"),
    include_str!("lib.rs"),
    include_str!("main.rs"),
    include_str!("module_gen.rs"),
    include_str!("mutability.rs"),
    include_str!("parser.rs"),
    include_str!("prelude.rs"),
    include_str!("stmt_gen.rs"),
    include_str!("type_mapper.rs"),
    include_str!("types.rs"),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag] if flag == "--version" => {
            println!("transpile {} (generator {:016x})", env!("CARGO_PKG_VERSION"), source_hash());
            ExitCode::SUCCESS
        }
        [input, output] => run(input, output),
        _ => {
            eprintln!("usage: transpile <input.tiny> <output.rs>");
            ExitCode::from(2)
        }
    }
}

fn run(input: &str, output: &str) -> ExitCode {
    let source = match std::fs::read_to_string(input) {
        Ok(source) => source,
        Err(e) => {
            eprintln!("transpile: cannot read {input}: {e}");
            return ExitCode::from(2);
        }
    };
    let name = std::path::Path::new(input).file_name().map_or(input.into(), |n| n.to_string_lossy());
    match tiny::transpile(&source, &name) {
        Ok(rust) => match std::fs::write(output, rust) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("transpile: cannot write {output}: {e}");
                ExitCode::from(2)
            }
        },
        Err(e) if e.line == 0 => {
            eprintln!("{input}: error: {}", e.message);
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("{input}:{}:{}: error: {}", e.line, e.col, e.message);
            ExitCode::FAILURE
        }
    }
}

/// FNV-1a over all sources.
fn source_hash() -> u64 {
    SOURCES.iter().flat_map(|source| source.bytes()).fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
