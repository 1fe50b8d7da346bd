// Transpiled from: double_buffer.c
fn main() {
    let front = vec![0u8; 4];
    let mut back = vec![1u8; 4];
    front.fill(9);
    let a = &mut back;
    let b = &mut back;
    a[0] = 2;
    b[1] = 3;
    println!("{:?} {:?}", front, back);
}
