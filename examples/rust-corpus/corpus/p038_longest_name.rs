// Transpiled from: names.c
fn main() {
    let longest;
    {
        let names = vec![String::from("ada"), String::from("grace")];
        longest = names.iter().max_by_key(|n| n.len()).unwrap();
    }
    println!("{longest}");
}
