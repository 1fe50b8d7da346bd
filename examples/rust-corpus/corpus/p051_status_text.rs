// Transpiled from: http.js
fn status_text(code: u16) -> &'static str {
    match code {
        200 => "OK",
        404 => "Not Found",
        500 => "Internal Server Error",
    }
}

fn main() {
    println!("{}", status_text(404));
}
