pub trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String;
}

pub struct Square(pub f64);

pub struct Circle(pub f64);

impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }

    fn name(&self) -> String {
        "square".to_string()
    }
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.0 * self.0
    }
}

/// "name area" for each shape, the area with two decimals.
pub fn summary(shapes: &[Box<dyn Shape>]) -> Vec<String> {
    shapes.iter().map(|shape| format!("{} {:.2}", shape.name(), shape.area())).collect()
}

#[cfg(test)]
mod tests;
