//! The front end: what the lexer and parser accept, and where they say something is wrong.

use tiny::ast::{BinOp, Expr, Stmt, Type};
use tiny::parser::parse;

fn main_body(source: &str) -> Vec<Stmt> {
    let program = parse(source).expect("the program parses");
    program.functions.into_iter().find(|f| f.name == "main").expect("a main").body
}

#[test]
fn multiplication_binds_tighter_than_addition_and_comparison_loosest() {
    let body = main_body("fn main() { let ok = 1 + 2 * 3 < 10; }");

    let Stmt::Let { value: Expr::Binary(BinOp::Lt, left, _), .. } = &body[0] else { panic!("{body:?}") };
    let Expr::Binary(BinOp::Add, _, product) = left.as_ref() else { panic!("{left:?}") };
    assert!(matches!(product.as_ref(), Expr::Binary(BinOp::Mul, _, _)));
}

#[test]
fn else_if_chains_nest_in_the_else_branch() {
    let body = main_body("fn main() { if a { f(); } else if b { g(); } else { h(); } }");

    let Stmt::If { otherwise, .. } = &body[0] else { panic!("{body:?}") };
    let [Stmt::If { otherwise: last, .. }] = otherwise.as_slice() else { panic!("{otherwise:?}") };
    assert_eq!(last.len(), 1);
}

#[test]
fn signatures_carry_parameter_and_return_types() {
    let program = parse("fn scale(xs: list[float], by: int) -> list[float] { return xs; }").unwrap();

    let f = &program.functions[0];
    assert_eq!(f.params, vec![("xs".to_string(), Type::List(Box::new(Type::Float))), ("by".to_string(), Type::Int)]);
    assert_eq!(f.ret, Type::List(Box::new(Type::Float)));
}

#[test]
fn compound_and_element_assignments_are_statements_of_their_own() {
    let body = main_body("fn main() { n += 2; xs[0] = 5; n = 1; }");

    assert!(matches!(&body[0], Stmt::AugAssign { op: BinOp::Add, .. }));
    assert!(matches!(&body[1], Stmt::IndexAssign { name, .. } if name == "xs"));
    assert!(matches!(&body[2], Stmt::Assign { .. }));
}

#[test]
fn comments_and_escapes_are_read() {
    let body = main_body("# a comment\nfn main() {\n    print(\"tab\\there \\\"quoted\\\"\"); # trailing\n}\n");

    let Stmt::Expr(Expr::Call(_, args)) = &body[0] else { panic!("{body:?}") };
    assert_eq!(args[0], Expr::Str("tab\there \"quoted\"".into()));
}

#[test]
fn errors_say_where_they_are() {
    let error = parse("fn main() {\n    let x = 1\n}\n").unwrap_err();

    assert_eq!((error.line, error.col), (3, 1));
    assert!(error.message.contains("expected ';'"), "{}", error.message);
}

#[test]
fn an_unterminated_string_is_an_error() {
    let error = parse("fn main() { print(\"oops); }").unwrap_err();

    assert!(error.message.contains("unterminated string"), "{}", error.message);
}

#[test]
fn an_unknown_type_is_an_error() {
    let error = parse("fn f(x: dict) { }").unwrap_err();

    assert!(error.message.contains("unknown type 'dict'"), "{}", error.message);
}
