use std::thread;

/// Sums the numbers in `chunks` parts, each on its own thread, and adds up the partial sums.
pub fn parallel_sum(numbers: Vec<u64>, chunks: usize) -> u64 {
    let size = numbers.len().div_ceil(chunks.max(1)).max(1);
    let mut handles = Vec::new();
    for chunk in numbers.chunks(size) {
        let part = chunk.to_vec();
        handles.push(thread::spawn(move || part.iter().sum::<u64>()));
    }
    handles.into_iter().map(|handle| handle.join().unwrap()).sum()
}

#[cfg(test)]
mod tests;
