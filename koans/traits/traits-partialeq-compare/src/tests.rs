use super::*;

fn p(x: i32, y: i32) -> Point {
    Point { x, y }
}

#[test]
fn a_triangle_back_to_its_start_is_closed() {
    assert!(is_closed(&[p(0, 0), p(1, 0), p(0, 1), p(0, 0)]));
}

#[test]
fn an_open_path_is_not_closed() {
    assert!(!is_closed(&[p(0, 0), p(1, 0), p(0, 1)]));
}

#[test]
fn two_points_are_never_closed() {
    assert!(!is_closed(&[p(0, 0), p(0, 0)]));
}
