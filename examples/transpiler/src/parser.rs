//! A recursive-descent parser from tokens to the syntax tree.

use crate::ast::{BinOp, Expr, Function, Program, Stmt, Type, UnOp};
use crate::error::Error;
use crate::lexer::{lex, Tok, Token};

pub fn parse(source: &str) -> Result<Program, Error> {
    let mut parser = Parser { tokens: lex(source)?, pos: 0 };
    let mut functions = Vec::new();
    while parser.peek() != &Tok::Eof {
        functions.push(parser.function()?);
    }
    Ok(Program { functions })
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.tokens[self.pos].tok
    }

    fn peek_at(&self, ahead: usize) -> &Tok {
        &self.tokens[(self.pos + ahead).min(self.tokens.len() - 1)].tok
    }

    fn advance(&mut self) -> Tok {
        let tok = self.tokens[self.pos].tok.clone();
        if tok != Tok::Eof {
            self.pos += 1;
        }
        tok
    }

    fn error(&self, message: impl Into<String>) -> Error {
        let token = &self.tokens[self.pos];
        Error::at(token.line, token.col, message)
    }

    fn describe(tok: &Tok) -> String {
        match tok {
            Tok::Int(n) => format!("number {n}"),
            Tok::Float(text) => format!("number {text}"),
            Tok::Str(_) => "a string".into(),
            Tok::Ident(name) => format!("'{name}'"),
            Tok::Sym(symbol) => format!("'{symbol}'"),
            Tok::Eof => "the end of the file".into(),
        }
    }

    fn at(&self, symbol: &str) -> bool {
        matches!(self.peek(), Tok::Sym(s) if *s == symbol)
    }

    fn eat(&mut self, symbol: &str) -> bool {
        let found = self.at(symbol);
        if found {
            self.advance();
        }
        found
    }

    fn expect(&mut self, symbol: &str) -> Result<(), Error> {
        if self.eat(symbol) {
            Ok(())
        } else {
            Err(self.error(format!("expected '{symbol}', found {}", Self::describe(self.peek()))))
        }
    }

    fn ident(&mut self) -> Result<String, Error> {
        match self.peek().clone() {
            Tok::Ident(name) => {
                self.advance();
                Ok(name)
            }
            other => Err(self.error(format!("expected a name, found {}", Self::describe(&other)))),
        }
    }

    fn function(&mut self) -> Result<Function, Error> {
        self.expect("fn")?;
        let name = self.ident()?;
        self.expect("(")?;
        let mut params = Vec::new();
        while !self.at(")") {
            let param = self.ident()?;
            self.expect(":")?;
            params.push((param, self.ty()?));
            if !self.eat(",") {
                break;
            }
        }
        self.expect(")")?;
        let ret = if self.eat("->") { self.ty()? } else { Type::Unit };
        let body = self.block()?;
        Ok(Function { name, params, ret, body })
    }

    fn ty(&mut self) -> Result<Type, Error> {
        let name = self.ident()?;
        Ok(match name.as_str() {
            "int" => Type::Int,
            "float" => Type::Float,
            "str" => Type::Str,
            "bool" => Type::Bool,
            "list" => {
                self.expect("[")?;
                let element = self.ty()?;
                self.expect("]")?;
                Type::List(Box::new(element))
            }
            other => return Err(self.error(format!("unknown type '{other}'"))),
        })
    }

    fn block(&mut self) -> Result<Vec<Stmt>, Error> {
        self.expect("{")?;
        let mut stmts = Vec::new();
        while !self.eat("}") {
            if self.peek() == &Tok::Eof {
                return Err(self.error("expected '}' before the end of the file"));
            }
            stmts.push(self.statement()?);
        }
        Ok(stmts)
    }

    fn statement(&mut self) -> Result<Stmt, Error> {
        if self.eat("let") {
            let name = self.ident()?;
            let ty = if self.eat(":") { Some(self.ty()?) } else { None };
            self.expect("=")?;
            let value = self.expr()?;
            self.expect(";")?;
            return Ok(Stmt::Let { name, ty, value });
        }
        if self.eat("if") {
            return self.if_rest();
        }
        if self.eat("while") {
            let cond = self.expr()?;
            let body = self.block()?;
            return Ok(Stmt::While { cond, body });
        }
        if self.eat("for") {
            let var = self.ident()?;
            self.expect("in")?;
            let iter = self.expr()?;
            let body = self.block()?;
            return Ok(Stmt::For { var, iter, body });
        }
        if self.eat("return") {
            let value = if self.at(";") { None } else { Some(self.expr()?) };
            self.expect(";")?;
            return Ok(Stmt::Return(value));
        }
        if let Tok::Ident(name) = self.peek().clone() {
            let op = match self.peek_at(1) {
                Tok::Sym("=") => Some(None),
                Tok::Sym("+=") => Some(Some(BinOp::Add)),
                Tok::Sym("-=") => Some(Some(BinOp::Sub)),
                Tok::Sym("*=") => Some(Some(BinOp::Mul)),
                _ => None,
            };
            if let Some(op) = op {
                self.advance();
                self.advance();
                let value = self.expr()?;
                self.expect(";")?;
                return Ok(match op {
                    None => Stmt::Assign { name, value },
                    Some(op) => Stmt::AugAssign { name, op, value },
                });
            }
        }
        let expr = self.expr()?;
        if self.eat("=") {
            let Expr::Index(target, index) = expr else {
                return Err(self.error("only a name or a list element can be assigned to"));
            };
            let Expr::Var(name) = *target else {
                return Err(self.error("only an element of a named list can be assigned to"));
            };
            let value = self.expr()?;
            self.expect(";")?;
            return Ok(Stmt::IndexAssign { name, index: *index, value });
        }
        self.expect(";")?;
        Ok(Stmt::Expr(expr))
    }

    fn if_rest(&mut self) -> Result<Stmt, Error> {
        let cond = self.expr()?;
        let then = self.block()?;
        let otherwise = if self.eat("else") {
            if self.eat("if") {
                vec![self.if_rest()?]
            } else {
                self.block()?
            }
        } else {
            Vec::new()
        };
        Ok(Stmt::If { cond, then, otherwise })
    }

    fn expr(&mut self) -> Result<Expr, Error> {
        self.binary(0)
    }

    /// Precedence climbing over the levels below, loosest first.
    fn binary(&mut self, level: usize) -> Result<Expr, Error> {
        const LEVELS: &[&[(&str, BinOp)]] = &[
            &[("or", BinOp::Or)],
            &[("and", BinOp::And)],
            &[("==", BinOp::Eq), ("!=", BinOp::Ne), ("<", BinOp::Lt), ("<=", BinOp::Le), (">", BinOp::Gt), (">=", BinOp::Ge)],
            &[("+", BinOp::Add), ("-", BinOp::Sub)],
            &[("*", BinOp::Mul), ("/", BinOp::Div), ("%", BinOp::Rem)],
        ];
        if level == LEVELS.len() {
            return self.unary();
        }
        let mut left = self.binary(level + 1)?;
        loop {
            let Some((_, op)) = LEVELS[level].iter().find(|(symbol, _)| self.at(symbol)) else {
                return Ok(left);
            };
            self.advance();
            let right = self.binary(level + 1)?;
            left = Expr::Binary(*op, Box::new(left), Box::new(right));
        }
    }

    fn unary(&mut self) -> Result<Expr, Error> {
        if self.eat("-") {
            return Ok(Expr::Unary(UnOp::Neg, Box::new(self.unary()?)));
        }
        if self.eat("not") {
            return Ok(Expr::Unary(UnOp::Not, Box::new(self.unary()?)));
        }
        let mut expr = self.primary()?;
        while self.eat("[") {
            let index = self.expr()?;
            self.expect("]")?;
            expr = Expr::Index(Box::new(expr), Box::new(index));
        }
        Ok(expr)
    }

    fn primary(&mut self) -> Result<Expr, Error> {
        match self.advance() {
            Tok::Int(n) => Ok(Expr::Int(n)),
            Tok::Float(text) => Ok(Expr::Float(text)),
            Tok::Str(text) => Ok(Expr::Str(text)),
            Tok::Sym("true") => Ok(Expr::Bool(true)),
            Tok::Sym("false") => Ok(Expr::Bool(false)),
            Tok::Sym("(") => {
                let inner = self.expr()?;
                self.expect(")")?;
                Ok(inner)
            }
            Tok::Sym("[") => {
                let mut items = Vec::new();
                while !self.at("]") {
                    items.push(self.expr()?);
                    if !self.eat(",") {
                        break;
                    }
                }
                self.expect("]")?;
                Ok(Expr::List(items))
            }
            Tok::Ident(name) => {
                if !self.eat("(") {
                    return Ok(Expr::Var(name));
                }
                let mut args = Vec::new();
                while !self.at(")") {
                    args.push(self.expr()?);
                    if !self.eat(",") {
                        break;
                    }
                }
                self.expect(")")?;
                Ok(Expr::Call(name, args))
            }
            other => {
                if other != Tok::Eof {
                    self.pos -= 1;
                }
                Err(self.error(format!("expected a value, found {}", Self::describe(&other))))
            }
        }
    }
}
