/// The largest item (the first of equals), or None for an empty slice.
pub fn largest<T: PartialOrd>(items: &[T]) -> Option<&T> {
    let mut best = items.first()?;
    for item in items {
        if item > best {
            best = item;
        }
    }
    Some(best)
}

#[cfg(test)]
mod tests;
