// Transpiled from: compass.java
enum Direction {
    North,
    East,
    South,
    West,
}

fn degrees(d: Direction) -> u16 {
    match d {
        Direction::North => 0,
        Direction::East => 90,
        Direction::South => 180,
    }
}

fn main() {
    println!("{}", degrees(Direction::West));
}
