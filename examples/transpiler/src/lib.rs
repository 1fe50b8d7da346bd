//! Tiny, a small teaching language, transpiled to Rust.
//!
//! Source goes through the lexer and parser into a syntax tree (`ast`); `module_gen` writes a Rust file, with
//! `stmt_gen` for functions and statements, `expr_gen` for expressions, `builtins` for calls of built-in
//! functions, `type_mapper` for types and conversions, `mutability` for `let mut` and `prelude` for helper
//! functions.

pub mod ast;
pub mod builtins;
pub mod error;
pub mod expr_gen;
pub mod lexer;
pub mod module_gen;
pub mod mutability;
pub mod parser;
pub mod prelude;
pub mod stmt_gen;
pub mod type_mapper;
pub mod types;

pub use error::Error;

/// The Rust translation of the Tiny program `source`; `source_name` goes into the generated file's header.
pub fn transpile(source: &str, source_name: &str) -> Result<String, Error> {
    let program = parser::parse(source)?;
    module_gen::generate(&program, source_name)
}
