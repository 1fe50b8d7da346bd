/// Evaluates an expression in Reverse Polish Notation over integers: "3 4 + 2 *" is 14.
/// Tokens are separated by whitespace; the operators are `+`, `-` and `*`.
pub fn eval(expression: &str) -> Result<i64, String> {
    let mut stack: Vec<i64> = Vec::new();
    for token in expression.split_whitespace() {
        match token {
            "+" | "-" | "*" => {
                let right = pop(&mut stack, token)?;
                let left = pop(&mut stack, token)?;
                stack.push(match token {
                    "+" => left + right,
                    "-" => left - right,
                    _ => left * right,
                });
            }
            number => stack.push(number.parse().map_err(|_| format!("unknown token '{number}'"))?),
        }
    }
    match stack.as_slice() {
        [value] => Ok(*value),
        _ => Err(format!("expected one value at the end, found {}", stack.len())),
    }
}

fn pop(stack: &mut Vec<i64>, token: &str) -> Result<i64, String> {
    stack.pop().ok_or_else(|| format!("'{token}' needs more values"))
}
