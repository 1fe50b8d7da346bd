use super::*;

#[test]
fn the_first_member_is_the_captain() {
    let team = Team { members: vec!["grace".to_string(), "linus".to_string()] };
    assert_eq!(team.captain(), "grace");
    assert_eq!(team.members.len(), 2);
}

#[test]
fn an_empty_team_has_nobody() {
    let team = Team { members: Vec::new() };
    assert_eq!(team.captain(), "nobody");
}
