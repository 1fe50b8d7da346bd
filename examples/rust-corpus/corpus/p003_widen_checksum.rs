// Transpiled from: checksum.c
fn byte_sum(data: &[u8]) -> i32 {
    let mut sum: i32 = 0;
    for b in data {
        sum += *b as i32;
    }
    sum
}

fn checksum(data: &[u8]) -> i64 {
    let s = byte_sum(data);
    s
}

fn main() {
    println!("{}", checksum(b"nightshift"));
}
