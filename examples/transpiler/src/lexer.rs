//! Splits Tiny source into tokens. Comments run from `#` to the end of the line.

use crate::error::Error;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Int(i64),
    Float(String),
    Str(String),
    Ident(String),
    /// Keywords and punctuation, as written.
    Sym(&'static str),
    Eof,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub line: usize,
    pub col: usize,
}

const KEYWORDS: &[&str] = &[
    "fn", "let", "if", "else", "while", "for", "in", "return", "true", "false", "and", "or", "not",
];

// Longest first, so `->` wins over `-` and `==` over `=`.
const SYMBOLS: &[&str] = &[
    "->", "==", "!=", "<=", ">=", "+=", "-=", "*=", "(", ")", "{", "}", "[", "]", ",", ":", ";", "+", "-",
    "*", "/", "%", "=", "<", ">",
];

pub fn lex(source: &str) -> Result<Vec<Token>, Error> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let (mut i, mut line, mut col) = (0, 1, 1);
    while i < chars.len() {
        let c = chars[i];
        let (start_line, start_col) = (line, col);
        if c == '\n' {
            i += 1;
            line += 1;
            col = 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            col += 1;
            continue;
        }
        if c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        let begin = i;
        let tok = if c.is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                Tok::Float(chars[begin..i].iter().collect())
            } else {
                let text: String = chars[begin..i].iter().collect();
                Tok::Int(text.parse().map_err(|_| Error::at(line, col, format!("integer {text} is too large")))?)
            }
        } else if c.is_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[begin..i].iter().collect();
            match KEYWORDS.iter().find(|k| **k == word) {
                Some(keyword) => Tok::Sym(keyword),
                None => Tok::Ident(word),
            }
        } else if c == '"' {
            i += 1;
            let mut text = String::new();
            loop {
                match chars.get(i) {
                    None | Some('\n') => return Err(Error::at(line, col, "unterminated string")),
                    Some('"') => break,
                    Some('\\') => {
                        let escaped = match chars.get(i + 1) {
                            Some('n') => '\n',
                            Some('t') => '\t',
                            Some('"') => '"',
                            Some('\\') => '\\',
                            _ => return Err(Error::at(line, col + i - begin, "unknown escape")),
                        };
                        text.push(escaped);
                        i += 2;
                    }
                    Some(other) => {
                        text.push(*other);
                        i += 1;
                    }
                }
            }
            i += 1;
            Tok::Str(text)
        } else {
            let rest: String = chars[i..chars.len().min(i + 2)].iter().collect();
            match SYMBOLS.iter().find(|s| rest.starts_with(**s)) {
                Some(symbol) => {
                    i += symbol.len();
                    Tok::Sym(symbol)
                }
                None => return Err(Error::at(line, col, format!("unexpected character '{c}'"))),
            }
        };
        col += i - begin;
        tokens.push(Token { tok, line: start_line, col: start_col });
    }
    tokens.push(Token { tok: Tok::Eof, line, col });
    Ok(tokens)
}
