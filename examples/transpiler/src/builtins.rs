//! Tiny's built-in functions: their types and the Rust code for a call.

use crate::ast::{Expr, Type};
use crate::error::Error;
use crate::expr_gen::{place, value, Code};
use crate::prelude::Helper;
use crate::type_mapper::{convert, rust_type};
use crate::types::Ctx;

const BUILTINS: &[&str] = &[
    "print", "len", "push", "str", "int", "float", "abs", "min", "max", "sqrt", "sum", "mean", "join", "contains",
    "index_of", "upper", "lower", "repeat", "range",
];

pub fn is_builtin(name: &str) -> bool {
    BUILTINS.contains(&name)
}

pub fn result_type(ctx: &Ctx, name: &str, args: &[Expr]) -> Result<Type, Error> {
    let types = args.iter().map(|arg| ctx.type_of(arg)).collect::<Result<Vec<_>, _>>()?;
    let wrong = || ctx.error(format!("{name} cannot take ({})", types.iter().map(Type::name).collect::<Vec<_>>().join(", ")));
    let element = |ty: &Type| match ty {
        Type::List(element) => Some((**element).clone()),
        _ => None,
    };
    Ok(match (name, types.as_slice()) {
        ("print", _) => Type::Unit,
        ("len", [Type::List(_) | Type::Str]) => Type::Int,
        ("push", [list @ Type::List(_), item]) if element(list).as_ref() == Some(item) => {
            if !matches!(args[0], Expr::Var(_)) {
                return Err(ctx.error("push needs a list variable as its first argument"));
            }
            Type::Unit
        }
        ("str", [_]) => Type::Str,
        ("int", [Type::Int | Type::Float | Type::Bool | Type::Str]) => Type::Int,
        ("float", [Type::Int | Type::Float | Type::Bool | Type::Str]) => Type::Float,
        ("abs", [ty @ (Type::Int | Type::Float)]) => ty.clone(),
        ("min" | "max", [a @ (Type::Int | Type::Float), b]) if a == b => a.clone(),
        ("sqrt", [Type::Float]) => Type::Float,
        ("sum", [Type::List(element)]) if matches!(**element, Type::Int | Type::Float) => (**element).clone(),
        ("mean", [Type::List(element)]) if **element == Type::Float => Type::Float,
        ("join", [Type::List(element), Type::Str]) if **element == Type::Str => Type::Str,
        ("contains", [list, item]) if element(list).as_ref() == Some(item) => Type::Bool,
        ("index_of", [list, item]) if element(list).as_ref() == Some(item) => Type::Int,
        ("upper" | "lower", [Type::Str]) => Type::Str,
        ("repeat", [Type::Str, Type::Int]) => Type::Str,
        ("range", _) => return Err(ctx.error("range(a, b) can only be used in a for loop")),
        (name, _) if !is_builtin(name) => return Err(ctx.error(format!("unknown function '{name}'"))),
        _ => return Err(wrong()),
    })
}

pub fn call(ctx: &Ctx, name: &str, args: &[Expr]) -> Result<Code, Error> {
    result_type(ctx, name, args)?;
    let arg_type = |i: usize| ctx.type_of(&args[i]);
    if let Some(helper) = Helper::for_builtin(name) {
        let args = args.iter().map(|arg| place(ctx, arg).map(|code| format!("&{}", code.operand()))).collect::<Result<Vec<_>, _>>()?;
        return Ok(Code::atom(format!("{}({})", helper.name(), args.join(", "))));
    }
    Ok(match name {
        "print" => print(ctx, args)?,
        "len" => Code::compound(format!("{}.length() as i64", place(ctx, &args[0])?.operand())),
        "push" => Code::atom(format!("{}.push({})", place(ctx, &args[0])?.text, value(ctx, &args[1])?.text)),
        "str" => convert(value(ctx, &args[0])?, &arg_type(0)?, &Type::Str),
        "int" => convert(value(ctx, &args[0])?, &arg_type(0)?, &Type::Int),
        "float" => convert(value(ctx, &args[0])?, &arg_type(0)?, &Type::Float),
        "abs" | "sqrt" => Code::atom(format!("{}::{name}({})", rust_type(&arg_type(0)?), value(ctx, &args[0])?.text)),
        "min" | "max" => Code::atom(format!(
            "{}::{name}({}, {})",
            rust_type(&arg_type(0)?),
            value(ctx, &args[0])?.text,
            value(ctx, &args[1])?.text
        )),
        "upper" => Code::atom(format!("{}.to_uppercase()", place(ctx, &args[0])?.operand())),
        "lower" => Code::atom(format!("{}.to_lowercase()", place(ctx, &args[0])?.operand())),
        "repeat" => Code::atom(format!("{}.repeat({} as usize)", place(ctx, &args[0])?.operand(), value(ctx, &args[1])?.operand())),
        other => unreachable!("built-in {other} has a type but no code"),
    })
}

/// `print(a, b, ...)`: the values separated by spaces on one line. Literal text goes into the format string.
fn print(ctx: &Ctx, args: &[Expr]) -> Result<Code, Error> {
    let mut pieces = Vec::new();
    let mut values = Vec::new();
    for arg in args {
        match arg {
            Expr::Str(text) => pieces.push(text.replace('{', "{{").replace('}', "}}")),
            _ => {
                let list = matches!(ctx.type_of(arg)?, Type::List(_));
                pieces.push(if list { "{:?}" } else { "{}" }.to_string());
                values.push(place(ctx, arg)?.text);
            }
        }
    }
    let format = format!("{:?}", pieces.join(" "));
    Ok(Code::atom(if values.is_empty() {
        format!("println!({format})")
    } else {
        format!("println!({format}, {})", values.join(", "))
    }))
}
