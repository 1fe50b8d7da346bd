//! Rust code for Tiny functions and their statements.

use std::collections::HashSet;

use crate::ast::{Expr, Function, Stmt, Type};
use crate::error::Error;
use crate::expr_gen::{place, value};
use crate::mutability::mutated;
use crate::type_mapper::rust_type;
use crate::types::Ctx;

const INDENT: &str = "    ";

pub fn function(ctx: &mut Ctx, function: &Function) -> Result<String, Error> {
    ctx.enter_function(function);
    let mutated = mutated(&function.body);
    let params = function
        .params
        .iter()
        .map(|(name, ty)| format!("{}{name}: {}", if mutated.contains(name) { "mut " } else { "" }, rust_type(ty)))
        .collect::<Vec<_>>();
    let ret = match function.ret {
        Type::Unit => String::new(),
        ref ty => format!(" -> {}", rust_type(ty)),
    };
    let mut out = format!("fn {}({}){ret} {{\n", function.name, params.join(", "));
    let mut gen = StmtGen { ctx, mutated, out: String::new() };
    gen.block(&function.body, 1)?;
    out.push_str(&gen.out);
    out.push_str("}\n");
    Ok(out)
}

struct StmtGen<'a> {
    ctx: &'a mut Ctx,
    mutated: HashSet<String>,
    out: String,
}

impl StmtGen<'_> {
    fn line(&mut self, depth: usize, text: &str) {
        self.out.push_str(&INDENT.repeat(depth));
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn block(&mut self, stmts: &[Stmt], depth: usize) -> Result<(), Error> {
        self.ctx.push_scope();
        for stmt in stmts {
            self.stmt(stmt, depth)?;
        }
        self.ctx.pop_scope();
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt, depth: usize) -> Result<(), Error> {
        match stmt {
            Stmt::Let { name, ty, value: init } => {
                let ty = match ty {
                    Some(ty) => ty.clone(),
                    None => self.ctx.type_of(init)?,
                };
                self.ctx.expect(init, &ty)?;
                let code = value(self.ctx, init)?;
                // Lists are containers: they are declared mutable so that push works wherever it is called.
                let mutable = self.mutated.contains(name) || matches!(ty, Type::List(_));
                let line = format!("let {}{name}: {} = {};", if mutable { "mut " } else { "" }, rust_type(&ty), code.text);
                self.line(depth, &line);
                self.ctx.declare(name, ty);
            }
            Stmt::Assign { name, value: new } => {
                self.ctx.expect(new, &self.ctx.lookup(name)?)?;
                let line = format!("{name} = {};", value(self.ctx, new)?.text);
                self.line(depth, &line);
            }
            Stmt::AugAssign { name, op, value: operand } => {
                let ty = self.ctx.lookup(name)?;
                let combined = Expr::Binary(*op, Box::new(Expr::Var(name.clone())), Box::new(operand.clone()));
                self.ctx.expect(&combined, &ty)?;
                let line = if ty == Type::Str {
                    // No += on two Strings; the sum is built like any other concatenation.
                    format!("{name} = {};", value(self.ctx, &combined)?.text)
                } else {
                    format!("{name} {}= {};", op.symbol(), value(self.ctx, operand)?.text)
                };
                self.line(depth, &line);
            }
            Stmt::IndexAssign { name, index, value: new } => {
                let list = Expr::Var(name.clone());
                let element = self.ctx.type_of(&Expr::Index(Box::new(list), Box::new(index.clone())))?;
                self.ctx.expect(new, &element)?;
                let line = format!("{name}[{} as usize] = {};", value(self.ctx, index)?.operand(), value(self.ctx, new)?.text);
                self.line(depth, &line);
            }
            Stmt::If { .. } => {
                let text = self.if_chain(stmt, depth)?;
                self.out.push_str(&INDENT.repeat(depth));
                self.out.push_str(&text);
                self.out.push('\n');
            }
            Stmt::While { cond, body } => {
                self.ctx.expect(cond, &Type::Bool)?;
                let line = format!("while {} {{", place(self.ctx, cond)?.text);
                self.line(depth, &line);
                self.block(body, depth + 1)?;
                self.line(depth, "}");
            }
            Stmt::For { var, iter, body } => {
                let (header, element) = match iter {
                    Expr::Call(name, args) if name == "range" && args.len() == 2 => {
                        self.ctx.expect(&args[0], &Type::Int)?;
                        self.ctx.expect(&args[1], &Type::Int)?;
                        let (from, to) = (value(self.ctx, &args[0])?, value(self.ctx, &args[1])?);
                        (format!("{}..{}", from.operand(), to.operand()), Type::Int)
                    }
                    _ => match self.ctx.type_of(iter)? {
                        Type::List(element) => (value(self.ctx, iter)?.text, *element),
                        other => return Err(self.ctx.error(format!("cannot loop over a {}", other.name()))),
                    },
                };
                self.line(depth, &format!("for {var} in {header} {{"));
                self.ctx.push_scope();
                self.ctx.declare(var, element);
                self.block(body, depth + 1)?;
                self.ctx.pop_scope();
                self.line(depth, "}");
            }
            Stmt::Return(None) => self.line(depth, "return;"),
            Stmt::Return(Some(result)) => {
                self.ctx.expect(result, &self.ctx.return_type())?;
                let line = format!("return {};", value(self.ctx, result)?.text);
                self.line(depth, &line);
            }
            Stmt::Expr(call @ Expr::Call(..)) => {
                let line = format!("{};", value(self.ctx, call)?.text);
                self.line(depth, &line);
            }
            Stmt::Expr(_) => return Err(self.ctx.error("a statement must be a call, an assignment or a control-flow statement")),
        }
        Ok(())
    }

    /// `if c { .. } else if d { .. } else { .. }`, starting at the current indentation, without the final newline.
    fn if_chain(&mut self, stmt: &Stmt, depth: usize) -> Result<String, Error> {
        let Stmt::If { cond, then, otherwise } = stmt else { unreachable!("if_chain takes an if") };
        self.ctx.expect(cond, &Type::Bool)?;
        let mut text = format!("if {} {{\n", place(self.ctx, cond)?.text);
        text.push_str(&self.nested(then, depth + 1)?);
        text.push_str(&INDENT.repeat(depth));
        text.push('}');
        match otherwise.as_slice() {
            [] => {}
            [chained @ Stmt::If { .. }] => {
                text.push_str(" else ");
                text.push_str(&self.if_chain(chained, depth)?);
            }
            stmts => {
                text.push_str(" else {\n");
                text.push_str(&self.nested(stmts, depth + 1)?);
                text.push_str(&INDENT.repeat(depth));
                text.push('}');
            }
        }
        Ok(text)
    }

    fn nested(&mut self, stmts: &[Stmt], depth: usize) -> Result<String, Error> {
        let outer = std::mem::take(&mut self.out);
        let result = self.block(stmts, depth);
        let inner = std::mem::replace(&mut self.out, outer);
        result.map(|()| inner)
    }
}
