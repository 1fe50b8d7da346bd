/// How many pairs of positions i < j in `values` hold numbers that add up to `target`.
/// Equal numbers at different positions make different pairs: [5, 5, 5] has three pairs for 10.
pub fn count_pairs(values: &[i64], target: i64) -> u64 {
    let mut count = 0;
    for i in 0..values.len() {
        for j in i + 1..values.len() {
            if values[i] + values[j] == target {
                count += 1;
            }
        }
    }
    count
}
