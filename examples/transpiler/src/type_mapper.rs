//! Tiny types as Rust types, and the conversions `int()`, `float()` and `str()` between them.

use crate::ast::Type;
use crate::expr_gen::Code;

pub fn rust_type(ty: &Type) -> String {
    match ty {
        Type::Int => "i64".into(),
        Type::Float => "f64".into(),
        Type::Str => "String".into(),
        Type::Bool => "bool".into(),
        Type::List(element) => format!("Vec<{}>", rust_type(element)),
        Type::Unit => "()".into(),
    }
}

/// `code`, of type `from`, converted to `to` the way Tiny converts: floats to ints by truncation, text to
/// numbers by parsing (0 when the text is not a number), anything to text as it prints.
pub fn convert(code: Code, from: &Type, to: &Type) -> Code {
    match (from, to) {
        (from, to) if from == to => code,
        (_, Type::Str) => Code::atom(format!("{}.to_string()", code.operand())),
        (Type::Str, Type::Int | Type::Float) => {
            Code::atom(format!("{}.trim().parse::<{}>().unwrap_or_default()", code.operand(), rust_type(to)))
        }
        // bool converts losslessly, so From does it.
        (Type::Float | Type::Bool, Type::Int) => Code::atom(format!("i64::from({})", code.text)),
        (Type::Int, Type::Float) => Code::compound(format!("{} as f64", code.operand())),
        (Type::Bool, Type::Float) => Code::atom(format!("f64::from({})", code.text)),
        (from, to) => panic!("no conversion from {} to {}; the type checker should have refused it", from.name(), to.name()),
    }
}
