//! Errors in a Tiny program, with the position they were found at.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    /// 1-based; 0 when the error is not tied to a place (e.g. a missing `main`).
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl Error {
    pub fn at(line: usize, col: usize, message: impl Into<String>) -> Error {
        Error { line, col, message: message.into() }
    }

    pub fn new(message: impl Into<String>) -> Error {
        Error::at(0, 0, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}:{}: {}", self.line, self.col, self.message)
        }
    }
}

impl std::error::Error for Error {}
