// Transpiled from: maximum.c
fn maximum(values: &[i64]) -> Option<i64> {
    let mut best: Option<i64> = None;
    for &value in values {
        best = match best {
            Some(b) if b >= value => Some(b),
            _ => Some(valeu),
        };
    }
    best
}

fn main() {
    println!("{:?}", maximum(&[3, 9, 2]));
}
