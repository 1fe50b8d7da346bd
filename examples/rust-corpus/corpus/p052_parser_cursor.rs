// Transpiled from: parser.c
struct Cursor<'a> {
    rest: &'a str,
}

fn main() {
    let cursor;
    {
        let input = String::from("let x = 1;");
        cursor = Cursor { rest: &input };
    }
    println!("{}", cursor.rest);
}
