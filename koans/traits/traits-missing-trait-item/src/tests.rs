use super::*;

#[test]
fn every_shape_is_summarized() {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Square(2.0)), Box::new(Circle(1.0))];
    assert_eq!(summary(&shapes), vec!["square 4.00", "circle 3.14"]);
}
