// Transpiled from: point.py
struct Point {
    x: i32,
    y: i32,
}

impl Point {
    fn manhattan(&self) -> i32 {
        self.x.abs() + self.y.abs()
    }
}

fn main() {
    let p = Point { x: 3, y: -4 };
    println!("{} is {} steps away", p, p.manhattan());
}
