// Transpiled from: fib.js
fn fibonacci(n: u32) -> u64 {
    let (a, b) = (0u64, 1u64);
    for _ in 0..n {
        let next = a + b;
        a = b;
        b = next;
    }
    a
}

fn main() {
    println!("{}", fibonacci(10));
}
