// Transpiled from: clamp.c
fn clamp(value: i32, low: i32, high: i32) -> i32 {
    if value < low {
        low
    } else if value > high {
        high
    } else {
        value
    }
}

fn main() {
    println!("{}", clamp(42, 10));
}
