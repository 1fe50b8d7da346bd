// Transpiled from: cache.go
struct Stats {
    hits: u64,
    label: String,
}

fn lookup(keys: &[&str]) -> Stats {
    let mut seen = HashMap::new();
    let mut hits = 0;
    for k in keys {
        if seen.insert(*k, true).is_some() {
            hits += 1;
        }
    }
    Stats { hits, label: "cache" }
}

fn main() {
    let s = lookup(&["a", "b", "a"]);
    println!("{}: {} hits", s.label, s.hits);
}
