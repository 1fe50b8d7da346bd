// Transpiled from: matrix.c
fn main() {
    let grid = vec![vec![1, 2], vec![3, 4]];
    let first = &grid[0];
    grid.push(vec![5, 6]);
    println!("{:?} {}", first, grid.len());
}
