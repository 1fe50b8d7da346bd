// Transpiled from: expand.py
fn expand(values: &mut Vec<i32>) {
    for v in values.iter() {
        if *v % 2 == 0 {
            values.push(v / 2);
        }
    }
}

fn main() {
    let mut v = vec![4, 3, 8];
    expand(&mut v);
    println!("{:?}", v);
}
