use super::*;

#[test]
fn words_are_counted_per_document() {
    let documents = vec!["one two three".to_string(), "".to_string(), " four  five ".to_string()];
    assert_eq!(word_counts(documents), vec![3, 0, 2]);
}

#[test]
fn no_documents_no_counts() {
    assert!(word_counts(Vec::new()).is_empty());
}
