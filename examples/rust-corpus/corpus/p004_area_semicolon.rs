// Transpiled from: geometry.c
struct Rect {
    width: u32,
    height: u32,
}

fn area(r: &Rect) -> u32 {
    r.width * r.height;
}

fn main() {
    let r = Rect { width: 3, height: 4 };
    println!("area = {}", area(&r));
}
