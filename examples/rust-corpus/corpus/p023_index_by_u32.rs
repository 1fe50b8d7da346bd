// Transpiled from: lookup.c
fn nth_prime(primes: &[u64], n: u32) -> u64 {
    primes[n]
}

fn main() {
    let primes = [2, 3, 5, 7, 11, 13];
    println!("{}", nth_prime(&primes, 4));
}
