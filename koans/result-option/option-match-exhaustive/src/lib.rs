/// A word for the score: "excellent" from 90 up, "scored N" below, "no score" without one.
pub fn describe(score: Option<u32>) -> String {
    match score {
        Some(s) if s >= 90 => "excellent".to_string(),
        Some(s) => format!("scored {s}"),
    }
}

#[cfg(test)]
mod tests;
