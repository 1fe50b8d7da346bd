/// Appends a doubled copy of every even number to the end of the list, in order.
pub fn append_doubled_evens(numbers: &mut Vec<i32>) {
    for n in numbers.iter() {
        if n % 2 == 0 {
            numbers.push(n * 2);
        }
    }
}

#[cfg(test)]
mod tests;
