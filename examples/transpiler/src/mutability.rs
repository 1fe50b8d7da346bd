//! Which variables a function changes after declaring them: those are declared `let mut` (and parameters
//! `mut`). Tiny lets any variable change; Rust needs to be told.

use std::collections::HashSet;

use crate::ast::{Expr, Stmt};

/// The names assigned to, or changed in place, anywhere in `body` (nested blocks included).
pub fn mutated(body: &[Stmt]) -> HashSet<String> {
    let mut names = HashSet::new();
    collect(body, &mut names);
    names
}

fn collect(stmts: &[Stmt], names: &mut HashSet<String>) {
    for stmt in stmts {
        match stmt {
            Stmt::Assign { name, .. } | Stmt::IndexAssign { name, .. } => {
                names.insert(name.clone());
            }
            Stmt::Expr(Expr::Call(call, args)) if call == "push" => {
                if let Some(Expr::Var(list)) = args.first() {
                    names.insert(list.clone());
                }
            }
            Stmt::If { then, otherwise, .. } => {
                collect(then, names);
                collect(otherwise, names);
            }
            Stmt::While { body, .. } | Stmt::For { body, .. } => collect(body, names),
            _ => {}
        }
    }
}
