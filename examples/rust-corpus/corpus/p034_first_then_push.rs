// Transpiled from: queue.js
fn main() {
    let mut queue = vec![String::from("a"), String::from("b")];
    let head = &queue[0];
    queue.push(String::from("c"));
    println!("head = {head}, len = {}", queue.len());
}
