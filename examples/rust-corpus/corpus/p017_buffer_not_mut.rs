// Transpiled from: buffer.c
fn fill(n: usize) -> Vec<u8> {
    let buffer = Vec::with_capacity(n);
    for i in 0..n {
        buffer.push((i % 256) as u8);
    }
    buffer
}

fn main() {
    println!("{:?}", fill(4));
}
