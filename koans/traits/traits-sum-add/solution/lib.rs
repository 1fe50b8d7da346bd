use std::ops::Add;

/// The sum of the values; the default value when there are none.
pub fn total<T: Copy + Default + Add<Output = T>>(values: &[T]) -> T {
    let mut sum = T::default();
    for value in values {
        sum = sum + *value;
    }
    sum
}

#[cfg(test)]
mod tests;
