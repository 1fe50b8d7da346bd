use pair_sums::count_pairs;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// Runs `count_pairs` on another thread and gives up after the limit: a quadratic version
/// would take minutes here, and a test that hangs helps nobody.
fn within_seconds(limit: u64, values: Vec<i64>, target: i64) -> u64 {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || sender.send(count_pairs(&values, target)));
    receiver
        .recv_timeout(Duration::from_secs(limit))
        .unwrap_or_else(|_| panic!("count_pairs took more than {limit} s"))
}

#[test]
fn small_inputs_count_every_pair() {
    assert_eq!(count_pairs(&[], 4), 0);
    assert_eq!(count_pairs(&[1, 2, 3, 4], 5), 2);
    assert_eq!(count_pairs(&[5, 5, 5], 10), 3);
    assert_eq!(count_pairs(&[-2, 7, 4, 0, 2], 2), 2);
    assert_eq!(count_pairs(&[3], 6), 0);
}

#[test]
fn distinct_values_are_counted_fast() {
    // 0..200000 with target 199999: the pairs (i, 199999 - i), 100000 of them.
    let values: Vec<i64> = (0..200_000).collect();
    assert_eq!(within_seconds(10, values, 199_999), 100_000);
}

#[test]
fn repeated_values_are_counted_fast() {
    // 150000 fives, target 10: every pair of positions, n(n-1)/2 of them.
    let values = vec![5; 150_000];
    assert_eq!(within_seconds(10, values, 10), 150_000 * 149_999 / 2);
}
