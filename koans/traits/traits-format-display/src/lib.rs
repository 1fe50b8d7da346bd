/// "label: value", for anything that can be shown to a person.
pub fn labelled<T>(label: &str, value: T) -> String {
    format!("{label}: {value}")
}

#[cfg(test)]
mod tests;
