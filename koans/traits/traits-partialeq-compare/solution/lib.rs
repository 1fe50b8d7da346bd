#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

/// A path is closed when it has at least three points and ends where it starts.
pub fn is_closed(path: &[Point]) -> bool {
    path.len() > 2 && path.first() == path.last()
}

#[cfg(test)]
mod tests;
