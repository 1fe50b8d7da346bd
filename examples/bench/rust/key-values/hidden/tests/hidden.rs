use key_values::parse;

#[test]
fn keys_and_values_are_trimmed() {
    let entries = parse("name = nightshift\n  jobs=2  \n");
    assert_eq!(entries["name"], "nightshift");
    assert_eq!(entries["jobs"], "2");
    assert_eq!(entries.len(), 2);
}

#[test]
fn comments_and_blank_lines_are_skipped() {
    let entries = parse("# settings\n\nmode = fast\n   \n# end\n");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries["mode"], "fast");
}

#[test]
fn a_value_may_contain_equals_signs() {
    assert_eq!(parse("query = a=1&b=2")["query"], "a=1&b=2");
}
