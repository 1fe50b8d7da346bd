// Transpiled from: csv_line.py
fn join_fields(fields: &[&str]) -> String {
    let sep: char = ";";
    let mut out = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push_str(f);
    }
    out
}

fn main() {
    println!("{}", join_fields(&["id", "name", "score"]));
}
