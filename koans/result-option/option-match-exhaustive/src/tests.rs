use super::*;

#[test]
fn high_scores_are_excellent() {
    assert_eq!(describe(Some(95)), "excellent");
}

#[test]
fn other_scores_are_reported() {
    assert_eq!(describe(Some(40)), "scored 40");
}

#[test]
fn a_missing_score_is_said_so() {
    assert_eq!(describe(None), "no score");
}
