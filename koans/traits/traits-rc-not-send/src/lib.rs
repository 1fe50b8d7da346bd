use std::rc::Rc;
use std::thread;

/// The number of words in each document, counted on one thread per document.
pub fn word_counts(documents: Vec<String>) -> Vec<usize> {
    let shared = Rc::new(documents);
    let mut handles = Vec::new();
    for i in 0..shared.len() {
        let docs = Rc::clone(&shared);
        handles.push(thread::spawn(move || docs[i].split_whitespace().count()));
    }
    handles.into_iter().map(|handle| handle.join().unwrap()).collect()
}

#[cfg(test)]
mod tests;
