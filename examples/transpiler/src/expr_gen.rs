//! Rust code for Tiny expressions.
//!
//! Two ways to use a value: `value` gives an owned value that can be moved into a variable, a list or an
//! argument (a name of a non-`Copy` type is cloned), `place` a borrowed use for printing, comparing or calling
//! a method on it (nothing is cloned).

use crate::ast::{BinOp, Expr, Type, UnOp};
use crate::builtins;
use crate::error::Error;
use crate::types::Ctx;

/// A piece of Rust code, and whether it can be used as an operand or a method receiver without parentheses.
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    pub text: String,
    pub atomic: bool,
}

impl Code {
    pub fn atom(text: impl Into<String>) -> Code {
        Code { text: text.into(), atomic: true }
    }

    pub fn compound(text: impl Into<String>) -> Code {
        Code { text: text.into(), atomic: false }
    }

    /// The code as an operand: parenthesised unless it is atomic. Top-level positions (a `let`, an argument,
    /// a condition) use `text` as is, since rustc warns about parentheses there (`unused_parens`).
    pub fn operand(&self) -> String {
        if self.atomic {
            self.text.clone()
        } else {
            format!("({})", self.text)
        }
    }
}

pub fn value(ctx: &Ctx, expr: &Expr) -> Result<Code, Error> {
    Ok(match expr {
        Expr::Int(n) => Code::atom(n.to_string()),
        Expr::Float(text) => Code::atom(text.clone()),
        Expr::Str(text) => string_literal(text),
        Expr::Bool(b) => Code::atom(b.to_string()),
        Expr::Var(name) => {
            if ctx.lookup(name)?.is_copy() {
                Code::atom(name.clone())
            } else {
                Code::atom(format!("{name}.clone()"))
            }
        }
        Expr::List(items) if items.is_empty() => Code::atom("Vec::new()"),
        Expr::List(items) => {
            ctx.type_of(expr)?;
            let items = items.iter().map(|item| value(ctx, item).map(|code| code.text)).collect::<Result<Vec<_>, _>>()?;
            Code::atom(format!("vec![{}]", items.join(", ")))
        }
        Expr::Binary(op, left, right) => binary(ctx, *op, left, right)?,
        Expr::Unary(op, operand) => {
            ctx.type_of(expr)?;
            let symbol = if *op == UnOp::Neg { "-" } else { "!" };
            Code::compound(format!("{symbol}{}", value(ctx, operand)?.operand()))
        }
        Expr::Index(list, index) => {
            let element = ctx.type_of(expr)?;
            let code = index_code(ctx, list, index)?;
            if element.is_copy() {
                code
            } else {
                Code::atom(format!("{}.clone()", code.text))
            }
        }
        Expr::Call(name, args) => {
            ctx.type_of(expr)?;
            if ctx.signatures.contains_key(name) {
                let args = args.iter().map(|arg| value(ctx, arg).map(|code| code.text)).collect::<Result<Vec<_>, _>>()?;
                Code::atom(format!("{name}({})", args.join(", ")))
            } else {
                builtins::call(ctx, name, args)?
            }
        }
    })
}

/// A borrowed use of `expr`: names and list elements are not cloned.
pub fn place(ctx: &Ctx, expr: &Expr) -> Result<Code, Error> {
    match expr {
        Expr::Var(name) => {
            ctx.lookup(name)?;
            Ok(Code::atom(name.clone()))
        }
        Expr::Index(list, index) => {
            ctx.type_of(expr)?;
            index_code(ctx, list, index)
        }
        _ => value(ctx, expr),
    }
}

fn string_literal(text: &str) -> Code {
    // Debug formatting writes a Rust string literal, escapes included.
    Code::atom(format!("{text:?}"))
}

fn index_code(ctx: &Ctx, list: &Expr, index: &Expr) -> Result<Code, Error> {
    Ok(Code::atom(format!("{}[{} as usize]", place(ctx, list)?.operand(), value(ctx, index)?.operand())))
}

fn binary(ctx: &Ctx, op: BinOp, left: &Expr, right: &Expr) -> Result<Code, Error> {
    let ty = ctx.type_of(left)?;
    ctx.type_of(&Expr::Binary(op, Box::new(left.clone()), Box::new(right.clone())))?;
    if ty == Type::Str && op == BinOp::Add {
        // String + String does not exist in Rust; format! takes both by reference.
        return Ok(Code::atom(format!("format!(\"{{}}{{}}\", {}, {})", place(ctx, left)?.text, place(ctx, right)?.text)));
    }
    let (left, right) = if op.is_comparison() {
        (place(ctx, left)?, place(ctx, right)?)
    } else {
        (value(ctx, left)?, value(ctx, right)?)
    };
    Ok(Code::compound(format!("{} {} {}", left.operand(), op.symbol(), right.operand())))
}
