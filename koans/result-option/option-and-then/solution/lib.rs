/// The age in a "name:age" record, when there is one and it is a number.
pub fn age(record: &str) -> Option<u32> {
    record.split(':').nth(1).and_then(|age| age.trim().parse::<u32>().ok())
}

#[cfg(test)]
mod tests;
