/// Appends a doubled copy of every even number to the end of the list, in order.
pub fn append_doubled_evens(numbers: &mut Vec<i32>) {
    let doubled: Vec<i32> = numbers.iter().filter(|n| *n % 2 == 0).map(|n| n * 2).collect();
    numbers.extend(doubled);
}

#[cfg(test)]
mod tests;
