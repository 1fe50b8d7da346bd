// Transpiled from: swap.c
fn main() {
    let mut cells = [1, 2, 3, 4];
    let left = &mut cells;
    let right = &mut cells;
    left[0] = right[3];
    right[3] = 0;
    println!("{:?}", cells);
}
