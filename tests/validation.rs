use threadview::Loaded;
#[test]
fn probe() {
    for t in [
        r#"[1, {"headline": "h", "body": []}, []]"#,
        r#"[1, ["h", [], null], [[5, null, "a", 1, "2014-05-28", "b"]]]"#,
        r#"[]"#,
        r#"{"version": 1, "article": {"headline": "h", "body": [{"paragraph": "x", "subheading": "y"}]}, "comments": []}"#,
        r#"{"version": 1, "article": {"headline": "h", "body": []}, "comments": [], "hidden": [[1,2]]}"#,
    ] {
        println!("{:?}", Loaded::from_json(t).map(|l| l.discussion));
    }
}
