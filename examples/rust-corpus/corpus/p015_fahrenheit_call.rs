// Transpiled from: temperature.c
fn celsius_to_fahrenheit(c: f64) -> f64 {
    c * 9.0 / 5.0 + 32.0
}

fn main() {
    let readings = [12.5, 18.0, 21.3];
    for r in readings {
        println!("{r} C = {:.1} F", celsius_to_farenheit(r));
    }
}
