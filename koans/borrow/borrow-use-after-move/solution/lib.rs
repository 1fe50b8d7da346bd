/// Upper-cases the text and adds an exclamation mark.
pub fn shout(text: String) -> String {
    text.to_uppercase() + "!"
}

/// The shouted greeting for `name`, and how many bytes the greeting had before it was shouted.
pub fn greet(name: &str) -> (String, usize) {
    let greeting = format!("hello, {name}");
    let length = greeting.len();
    let loud = shout(greeting);
    (loud, length)
}

#[cfg(test)]
mod tests;
