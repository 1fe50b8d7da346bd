use super::*;

#[test]
fn the_nickname_wins() {
    let user = User { name: "Margaret".to_string(), nickname: Some("Maggie".to_string()) };
    assert_eq!(user.display_name(), "Maggie");
}

#[test]
fn without_a_nickname_the_name_is_used() {
    let user = User { name: "Margaret".to_string(), nickname: None };
    assert_eq!(user.display_name(), "Margaret");
}
