// Transpiled from: totals.c
fn total_bytes(sizes: &[u32]) -> u64 {
    let total: u64 = sizes.iter().sum();
    total
}

fn main() {
    println!("{}", total_bytes(&[4096, 8192, 512]));
}
