/// The index of the first occurrence of `needle`, if any.
pub fn index_of(haystack: &[i32], needle: i32) -> Option<usize> {
    for (i, value) in haystack.iter().enumerate() {
        if *value == needle {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests;
