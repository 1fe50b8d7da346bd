use super::*;

fn v(major: u32, minor: u32, patch: u32) -> Version {
    Version { major, minor, patch }
}

#[test]
fn major_beats_minor_beats_patch() {
    assert_eq!(newest(vec![v(1, 9, 9), v(2, 0, 0), v(1, 10, 0)]), Some(v(2, 0, 0)));
    assert_eq!(newest(vec![v(1, 2, 3), v(1, 2, 10)]), Some(v(1, 2, 10)));
}

#[test]
fn no_versions_no_newest() {
    assert_eq!(newest(Vec::new()), None);
}
