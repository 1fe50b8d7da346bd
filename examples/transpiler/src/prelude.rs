//! Helper functions that some built-ins need, emitted at the top of a generated file, and only those the
//! program calls.

use std::collections::BTreeSet;

use crate::ast::{Expr, Program, Stmt};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Helper {
    Sum,
    Mean,
    Join,
    Contains,
    IndexOf,
}

impl Helper {
    /// The helper behind a Tiny built-in, if it has one.
    pub fn for_builtin(builtin: &str) -> Option<Helper> {
        Some(match builtin {
            "sum" => Helper::Sum,
            "mean" => Helper::Mean,
            "join" => Helper::Join,
            "contains" => Helper::Contains,
            "index_of" => Helper::IndexOf,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Helper::Sum => "tiny_sum",
            Helper::Mean => "tiny_mean",
            Helper::Join => "tiny_join",
            Helper::Contains => "tiny_contains",
            Helper::IndexOf => "tiny_index_of",
        }
    }

    fn definition(self) -> &'static str {
        match self {
            Helper::Sum => "fn tiny_sum<T: Copy + std::iter::Sum<T>>(xs: &[T]) -> T {\n    xs.iter().copied().sum()\n}\n",
            Helper::Mean => {
                "fn tiny_mean(xs: &[f64]) -> f64 {\n    if xs.is_empty() {\n        return 0.0;\n    }\n    xs.iter().sum::<f64>() / xs.len() as f64\n}\n"
            }
            Helper::Join => "fn tiny_join(xs: &[String], separator: &str) -> String {\n    xs.join(separator)\n}\n",
            Helper::Contains => "fn tiny_contains<T: PartialEq>(xs: &[T], x: &T) -> bool {\n    xs.iter().any(|item| item == x)\n}\n",
            Helper::IndexOf => {
                "fn tiny_index_of<T: PartialEq>(xs: &[T], x: &T) -> i64 {\n    xs.iter().position(|item| item == x).map_or(-1, |i| i as i64)\n}\n"
            }
        }
    }
}

/// The helpers `program` calls.
pub fn used(program: &Program) -> BTreeSet<Helper> {
    let mut helpers = BTreeSet::new();
    for function in &program.functions {
        scan_stmts(&function.body, &mut helpers);
    }
    helpers
}

/// The definitions of `helpers`, each followed by a blank line.
pub fn emit(helpers: &BTreeSet<Helper>) -> String {
    helpers.iter().map(|helper| format!("{}\n", helper.definition())).collect()
}

fn scan_stmts(stmts: &[Stmt], helpers: &mut BTreeSet<Helper>) {
    for stmt in stmts {
        match stmt {
            Stmt::Let { value, .. } | Stmt::Assign { value, .. } | Stmt::AugAssign { value, .. } | Stmt::Expr(value) => {
                scan_expr(value, helpers)
            }
            Stmt::Return(value) => value.iter().for_each(|value| scan_expr(value, helpers)),
            Stmt::IndexAssign { index, value, .. } => {
                scan_expr(index, helpers);
                scan_expr(value, helpers);
            }
            Stmt::If { cond, .. } | Stmt::While { cond, .. } => scan_expr(cond, helpers),
            Stmt::For { iter, .. } => scan_expr(iter, helpers),
        }
    }
}

fn scan_expr(expr: &Expr, helpers: &mut BTreeSet<Helper>) {
    match expr {
        Expr::Call(name, args) => {
            helpers.extend(Helper::for_builtin(name));
            args.iter().for_each(|arg| scan_expr(arg, helpers));
        }
        Expr::List(items) => items.iter().for_each(|item| scan_expr(item, helpers)),
        Expr::Binary(_, left, right) | Expr::Index(left, right) => {
            scan_expr(left, helpers);
            scan_expr(right, helpers);
        }
        Expr::Unary(_, operand) => scan_expr(operand, helpers),
        Expr::Int(_) | Expr::Float(_) | Expr::Str(_) | Expr::Bool(_) | Expr::Var(_) => {}
    }
}
