// Transpiled from: search.py
fn find(haystack: &[i32], needle: i32) -> Option<usize> {
    for (i, x) in haystack.iter().enumerate() {
        if *x == needle {
            return i;
        }
    }
    None
}

fn main() {
    let data = [4, 8, 15, 16, 23, 42];
    match find(&data, 23) {
        Some(i) => println!("found at {i}"),
        None => println!("not found"),
    }
}
