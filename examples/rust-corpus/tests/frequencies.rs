use corpus_demo::frequencies;

#[test]
fn frequencies_ignore_case_and_are_sorted() {
    let got = frequencies("b a B c a b");
    let want: Vec<(String, usize)> = vec![("a".into(), 2), ("b".into(), 3), ("c".into(), 1)];
    assert_eq!(got, want);
}

#[test]
fn empty_text_has_no_words() {
    assert!(frequencies("  \n ").is_empty());
}
