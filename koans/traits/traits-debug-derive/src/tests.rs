use super::*;

#[test]
fn the_configuration_is_described_field_by_field() {
    let config = Config { name: "nightly".to_string(), retries: 3 };
    assert_eq!(describe(&config), "Config { name: \"nightly\", retries: 3 }");
}
