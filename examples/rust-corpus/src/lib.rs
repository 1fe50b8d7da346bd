//! Hand-written versions of a few programs from `corpus/`, the ones a transpiler got wrong.

/// Arithmetic mean of `values`; `None` for an empty slice.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(values.iter().sum::<f64>() / values.len() as f64)
}

/// Sum of the bytes of `data`, widened so long inputs cannot overflow.
pub fn checksum(data: &[u8]) -> u64 {
    data.iter().map(|&b| u64::from(b)).sum()
}

/// Number of whitespace-separated words over all `lines`.
pub fn count_words(lines: &[&str]) -> usize {
    lines.iter().map(|line| line.split_whitespace().count()).sum()
}

/// `value` limited to `low..=high`.
pub fn clamp(value: i32, low: i32, high: i32) -> i32 {
    value.max(low).min(high)
}

/// Word frequencies, case-insensitive, sorted by word.
pub fn frequencies(text: &str) -> Vec<(String, usize)> {
    let mut counts = std::collections::BTreeMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_of_nothing_is_none() {
        assert_eq!(mean(&[]), None);
    }

    #[test]
    fn mean_of_samples() {
        assert_eq!(mean(&[1.5, 2.5, 3.0, 4.0]), Some(2.75));
    }

    #[test]
    fn checksum_adds_bytes() {
        assert_eq!(checksum(b"abc"), 97 + 98 + 99);
        assert_eq!(checksum(&[255; 1000]), 255_000);
    }

    #[test]
    fn words_are_counted_across_lines() {
        assert_eq!(count_words(&["the quick brown fox", "jumps  over", ""]), 6);
    }

    #[test]
    fn clamp_keeps_values_in_range() {
        assert_eq!(clamp(42, 10, 20), 20);
        assert_eq!(clamp(-5, 10, 20), 10);
        assert_eq!(clamp(15, 10, 20), 15);
    }
}
