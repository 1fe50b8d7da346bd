//! What the generator knows while it walks a function: the signatures of all functions and the types of the
//! names in scope, and the type of every expression (Tiny has no implicit conversions).

use std::collections::HashMap;

use crate::ast::{BinOp, Expr, Function, Program, Type, UnOp};
use crate::builtins;
use crate::error::Error;

pub struct Signature {
    pub params: Vec<Type>,
    pub ret: Type,
}

pub struct Ctx {
    pub signatures: HashMap<String, Signature>,
    scopes: Vec<HashMap<String, Type>>,
    /// The function being generated, for messages.
    pub function: String,
}

impl Ctx {
    pub fn new(program: &Program) -> Result<Ctx, Error> {
        let mut signatures = HashMap::new();
        for function in &program.functions {
            if builtins::is_builtin(&function.name) {
                return Err(Error::new(format!("'{}' is a built-in function and cannot be redefined", function.name)));
            }
            let signature = Signature { params: function.params.iter().map(|(_, t)| t.clone()).collect(), ret: function.ret.clone() };
            if signatures.insert(function.name.clone(), signature).is_some() {
                return Err(Error::new(format!("function '{}' is defined twice", function.name)));
            }
        }
        Ok(Ctx { signatures, scopes: Vec::new(), function: String::new() })
    }

    pub fn enter_function(&mut self, function: &Function) {
        self.function = function.name.clone();
        self.scopes = vec![function.params.iter().cloned().collect()];
    }

    pub fn push_scope(&mut self) {
        self.scopes.push(HashMap::new());
    }

    pub fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    pub fn declare(&mut self, name: &str, ty: Type) {
        self.scopes.last_mut().expect("a scope").insert(name.to_string(), ty);
    }

    pub fn lookup(&self, name: &str) -> Result<Type, Error> {
        self.scopes
            .iter()
            .rev()
            .find_map(|scope| scope.get(name).cloned())
            .ok_or_else(|| self.error(format!("unknown name '{name}'")))
    }

    pub fn return_type(&self) -> Type {
        self.signatures[&self.function].ret.clone()
    }

    pub fn error(&self, message: impl Into<String>) -> Error {
        Error::new(format!("in fn {}: {}", self.function, message.into()))
    }

    pub fn type_of(&self, expr: &Expr) -> Result<Type, Error> {
        Ok(match expr {
            Expr::Int(_) => Type::Int,
            Expr::Float(_) => Type::Float,
            Expr::Str(_) => Type::Str,
            Expr::Bool(_) => Type::Bool,
            Expr::Var(name) => self.lookup(name)?,
            Expr::List(items) => match items.first() {
                Some(first) => {
                    let element = self.type_of(first)?;
                    for item in &items[1..] {
                        self.expect(item, &element)?;
                    }
                    Type::List(Box::new(element))
                }
                None => return Err(self.error("an empty list needs a declared type, e.g. let xs: list[int] = [];")),
            },
            Expr::Binary(op, left, right) => {
                let (left_type, right_type) = (self.type_of(left)?, self.type_of(right)?);
                if left_type != right_type {
                    return Err(self.error(format!(
                        "'{}' needs two values of one type, found {} and {}",
                        op.symbol(),
                        left_type.name(),
                        right_type.name()
                    )));
                }
                if op.is_comparison() {
                    Type::Bool
                } else if op.is_logical() {
                    self.expect(left, &Type::Bool)?;
                    Type::Bool
                } else if left_type == Type::Str && *op == BinOp::Add || matches!(left_type, Type::Int | Type::Float) {
                    left_type
                } else {
                    return Err(self.error(format!("'{}' does not apply to {}", op.symbol(), left_type.name())));
                }
            }
            Expr::Unary(UnOp::Neg, operand) => self.type_of(operand)?,
            Expr::Unary(UnOp::Not, operand) => {
                self.expect(operand, &Type::Bool)?;
                Type::Bool
            }
            Expr::Index(list, index) => {
                self.expect(index, &Type::Int)?;
                match self.type_of(list)? {
                    Type::List(element) => *element,
                    other => return Err(self.error(format!("cannot index a {}", other.name()))),
                }
            }
            Expr::Call(name, args) => match self.signatures.get(name) {
                Some(signature) => {
                    if signature.params.len() != args.len() {
                        return Err(self.error(format!("{name} takes {} arguments, given {}", signature.params.len(), args.len())));
                    }
                    for (arg, param) in args.iter().zip(&signature.params) {
                        self.expect(arg, param)?;
                    }
                    signature.ret.clone()
                }
                None => builtins::result_type(self, name, args)?,
            },
        })
    }

    /// Checks that `expr` has type `expected`.
    pub fn expect(&self, expr: &Expr, expected: &Type) -> Result<(), Error> {
        // An empty list literal takes the type it is given.
        if matches!(expr, Expr::List(items) if items.is_empty()) && matches!(expected, Type::List(_)) {
            return Ok(());
        }
        let actual = self.type_of(expr)?;
        if &actual == expected {
            Ok(())
        } else {
            Err(self.error(format!("expected {}, found {}", expected.name(), actual.name())))
        }
    }
}
