//! Every way a discussion file can be wrong: each gives its own `DataError`, and its message
//! names the place (comment id and field, list position, or line and column).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use threadview_core::data::{Comment, DataError};
use threadview_core::date::IsoDate;
use threadview_core::thread::Thread;
use threadview_core::{CommentId, Loaded};

fn id(n: u64) -> CommentId {
    CommentId::new(n)
}

/// A valid comment; tests break one thing in it.
fn comment(id: u64, parent: Option<u64>) -> Value {
    json!({
        "id": id,
        "parent": parent,
        "author": "Fred3",
        "posts": 574,
        "member_since": "2018-01-16",
        "body": "The US didn't want to loose them in the first place."
    })
}

fn with(mut comment: Value, field: &str, value: Value) -> Value {
    comment[field] = value;
    comment
}

fn without(mut comment: Value, field: &str) -> Value {
    comment.as_object_mut().unwrap().remove(field);
    comment
}

fn file(comments: Vec<Value>) -> Value {
    json!({
        "version": 1,
        "article": {
            "headline": "Headline",
            "body": [{"paragraph": "First."}, {"subheading": "Sub"}, {"paragraph": "Second."}],
            "notice": "Reprint notice."
        },
        "comments": comments,
        "hidden": {"ids": [5], "notice": "Some comments have been hidden."}
    })
}

fn load(file: &Value) -> Result<Loaded, DataError> {
    Loaded::from_json(&serde_json::to_string_pretty(file).unwrap())
}

fn error(file: &Value) -> DataError {
    load(file).expect_err("the file is rejected")
}

/// A syntax error, with its position and message.
fn syntax(text: &str) -> (usize, usize, String) {
    match Loaded::from_json(text) {
        Err(DataError::Syntax {
            line,
            column,
            message,
        }) => (line, column, message),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

fn assert_mentions(error: &DataError, parts: &[&str]) {
    let text = error.to_string();
    for part in parts {
        assert!(text.contains(part), "{text:?} should mention {part:?}");
    }
}

#[test]
fn a_valid_file_loads() {
    let loaded = load(&file(vec![comment(1, None), comment(2, Some(1))])).unwrap();
    assert_eq!(loaded.discussion.comments.len(), 2);
    assert_eq!(loaded.thread.children(0), [1]);
    assert!(loaded.thread.warnings().is_empty());
}

// ---------------------------------------------------------------------------------------
// Not a discussion file at all

#[test]
fn syntax_error_gives_line_and_column() {
    let text = "{\n  \"version\": 1,\n  \"article\": {\"headline\": \"H\" \"body\": []},\n  \"comments\": []\n}";
    let (line, column, message) = syntax(text);
    assert_eq!((line, column), (3, 31));
    assert_eq!(
        &text.lines().nth(line - 1).unwrap()[column - 1..column],
        "\""
    );
    assert_eq!(message, "expected `,` or `}`");
    assert_eq!(
        Loaded::from_json(text).unwrap_err().to_string(),
        "line 3, column 31: expected `,` or `}`"
    );
}

#[test]
fn truncated_file_is_a_syntax_error() {
    let text = serde_json::to_string_pretty(&file(vec![comment(1, None)])).unwrap();
    let (line, _, message) = syntax(&text[..text.len() / 2]);
    assert_eq!(line, text[..text.len() / 2].lines().count());
    assert!(message.contains("EOF"), "{message}");
}

#[test]
fn empty_and_blank_files() {
    for text in ["", "   ", "\n\t\r\n  ", "\u{feff}", "\u{feff}\n"] {
        let error = Loaded::from_json(text).unwrap_err();
        assert_eq!(error, DataError::Empty, "{text:?}");
        assert_eq!(error.to_string(), "the file is empty");
    }
}

#[test]
fn byte_order_mark_is_accepted() {
    let text = serde_json::to_string(&file(vec![comment(1, None)])).unwrap();
    let loaded = Loaded::from_json(&format!("\u{feff}{text}")).unwrap();
    assert_eq!(loaded.discussion.comments[0].id, id(1));
}

#[test]
fn unsupported_version() {
    let mut f = file(vec![comment(1, None)]);
    f["version"] = json!(3);
    let error = error(&f);
    assert_eq!(error, DataError::UnsupportedVersion(3));
    assert_mentions(&error, &["format version 3", "versions 1 and 2"]);

    // A future file with fields this build does not know still says "version".
    f["reactions"] = json!([]);
    f["comments"][0]["score"] = json!(3);
    assert_eq!(self::error(&f), DataError::UnsupportedVersion(3));

    f = file(vec![]);
    f["version"] = json!(0);
    assert_eq!(self::error(&f), DataError::UnsupportedVersion(0));
}

#[test]
fn missing_or_malformed_version() {
    let mut f = file(vec![comment(1, None)]);
    f.as_object_mut().unwrap().remove("version");
    let (line, _, message) = syntax(&serde_json::to_string_pretty(&f).unwrap());
    assert_eq!(message, "missing field `version`");
    assert!(line > 1, "names the place: line {line}");

    f["version"] = json!("1");
    let (_, _, message) = syntax(&serde_json::to_string(&f).unwrap());
    assert!(
        message.starts_with("invalid type: string \"1\""),
        "{message}"
    );
}

#[test]
fn top_level_must_be_an_object() {
    let valid = serde_json::to_string(&file(vec![comment(1, None)])).unwrap();
    for text in [
        "[]",
        "[1, {\"headline\": \"H\", \"body\": []}, []]",
        "null",
        "42",
        "\"text\"",
    ] {
        let (line, _, message) = syntax(text);
        assert_eq!(line, 1, "{text}");
        assert!(message.starts_with("invalid type"), "{text}: {message}");
    }
    let (_, _, message) = syntax(&format!("[{valid}]"));
    assert_eq!(message, "invalid type: sequence, expected a JSON object");
}

#[test]
fn nested_objects_cannot_be_written_as_arrays() {
    // serde would read a struct from an array of its fields in order; the format does not.
    let text = r#"{"version": 1, "article": {"headline": "H", "body": []},
  "comments": [
    [1, null, "Fred3", 574, "2018-01-16", "Body"]
  ]}"#;
    let (line, _, message) = syntax(text);
    assert_eq!(line, 3);
    assert_eq!(message, "invalid type: sequence, expected a JSON object");

    let text = r#"{"version": 1, "article": ["H", []], "comments": []}"#;
    assert!(syntax(text).2.contains("expected a JSON object"));
    let text = r#"{"version": 1, "article": {"headline": "H", "body": []}, "comments": [], "hidden": [[5], null]}"#;
    assert!(syntax(text).2.contains("expected a JSON object"));
}

// ---------------------------------------------------------------------------------------
// The article

#[test]
fn article_headline_must_not_be_empty() {
    for headline in ["", "  \n "] {
        let mut f = file(vec![]);
        f["article"]["headline"] = json!(headline);
        let error = error(&f);
        assert_eq!(error, DataError::EmptyArticle { field: "headline" });
        assert_mentions(&error, &["article", "\"headline\"", "empty"]);
    }
}

#[test]
fn article_blocks_have_exactly_one_known_key() {
    let with_body = |body: Value| {
        let mut f = file(vec![]);
        f["article"]["body"] = body;
        serde_json::to_string_pretty(&f).unwrap()
    };
    let (_, _, message) = syntax(&with_body(json!([{"quote": "x"}])));
    assert!(message.starts_with("unknown variant `quote`"), "{message}");
    syntax(&with_body(json!([{"paragraph": "x", "subheading": "y"}])));
    syntax(&with_body(json!([{}])));
    syntax(&with_body(json!(["just text"])));
    syntax(&with_body(json!([{"paragraph": 5}])));
}

// ---------------------------------------------------------------------------------------
// Comments: each error names the comment and the field

#[test]
fn missing_id_names_the_list_position() {
    for broken in [
        without(comment(2, None), "id"),
        with(comment(2, None), "id", Value::Null),
    ] {
        let error = error(&file(vec![comment(1, None), broken, comment(3, None)]));
        assert_eq!(error, DataError::MissingId { index: 1 });
        assert_mentions(&error, &["comment number 2 in the list", "\"id\""]);
    }
}

#[test]
fn missing_fields_name_comment_and_field() {
    for field in ["author", "body", "posts", "member_since"] {
        let broken = without(comment(7, Some(1)), field);
        let error = error(&file(vec![comment(1, None), broken]));
        assert_eq!(
            error,
            DataError::MissingField { id: id(7), field },
            "{field}"
        );
        assert_mentions(&error, &["comment 7", &format!("\"{field}\""), "missing"]);

        let nulled = with(comment(7, Some(1)), field, Value::Null);
        let error = self::error(&file(vec![comment(1, None), nulled]));
        assert_eq!(
            error,
            DataError::MissingField { id: id(7), field },
            "{field}: null"
        );
    }
}

#[test]
fn empty_author_and_body_name_comment_and_field() {
    for field in ["author", "body"] {
        for value in ["", " ", "\n\n\t"] {
            let broken = with(comment(7, None), field, json!(value));
            let error = error(&file(vec![broken]));
            assert_eq!(
                error,
                DataError::EmptyField { id: id(7), field },
                "{field}: {value:?}"
            );
            assert_mentions(&error, &["comment 7", &format!("\"{field}\""), "empty"]);
        }
    }
}

#[test]
fn bad_dates_name_comment_and_value() {
    for value in [
        "2014-02-30",
        "May 28, 2014",
        "2014-5-28",
        "2014-05-28T00:00:00Z",
        "2015-02-29",
    ] {
        let broken = with(comment(9, None), "member_since", json!(value));
        let error = error(&file(vec![broken]));
        let expected = DataError::BadDate {
            id: id(9),
            value: value.into(),
        };
        assert_eq!(error, expected);
        assert_mentions(&error, &["comment 9", "\"member_since\"", value]);
    }
    let leap_day = with(comment(9, None), "member_since", json!("2016-02-29"));
    assert!(load(&file(vec![leap_day])).is_ok());
}

#[test]
fn duplicate_id() {
    let error = error(&file(vec![
        comment(1, None),
        comment(4, Some(1)),
        comment(4, None),
    ]));
    assert_eq!(error, DataError::DuplicateId { id: id(4) });
    assert_eq!(error.to_string(), "comment 4 appears more than once");
}

#[test]
fn unknown_parent_is_shown_at_top_level_with_a_warning() {
    // 12 answers 99, which is not in the file; 13 answers 12 and stays under it.
    let loaded = load(&file(vec![
        comment(1, None),
        comment(12, Some(99)),
        comment(13, Some(12)),
    ]))
    .expect("an unknown parent does not stop the page");
    let thread = &loaded.thread;
    assert_eq!(thread.roots(), [0, 1]);
    assert_eq!(thread.parent(1), None);
    assert_eq!(thread.depth(1), 0);
    assert_eq!(thread.children(1), [2]);
    assert_eq!(
        loaded.discussion.comments[1].parent,
        Some(id(99)),
        "the file's reference is kept"
    );

    let warnings = thread.warnings();
    assert_eq!(
        warnings,
        [DataError::UnknownParent {
            id: id(12),
            parent: id(99)
        }]
    );
    assert_mentions(
        &warnings[0],
        &["comment 12", "comment 99", "not in the file"],
    );
}

#[test]
fn own_parent() {
    let error = error(&file(vec![comment(1, None), comment(6, Some(6))]));
    assert_eq!(error, DataError::OwnParent { id: id(6) });
    assert_eq!(error.to_string(), "comment 6 is its own parent");
}

#[test]
fn cycle_of_two() {
    let error = error(&file(vec![
        comment(1, None),
        comment(2, Some(3)),
        comment(3, Some(2)),
    ]));
    let DataError::Cycle { id: on } = error else {
        panic!("expected a cycle, got {error:?}");
    };
    assert!([id(2), id(3)].contains(&on), "{on} is on the cycle");
    assert_mentions(&error, &[&format!("comment {on}"), "cycle"]);
}

#[test]
fn cycle_of_three_names_a_comment_on_it() {
    // 7 hangs off the cycle 4 -> 6 -> 5 -> 4 and comes first: it is not the one to name.
    let comments = vec![
        comment(1, None),
        comment(7, Some(4)),
        comment(4, Some(6)),
        comment(5, Some(4)),
        comment(6, Some(5)),
    ];
    let error = error(&file(comments));
    let DataError::Cycle { id: on } = error else {
        panic!("expected a cycle, got {error:?}");
    };
    assert!([id(4), id(5), id(6)].contains(&on), "{on} is on the cycle");
    assert_mentions(&error, &[&format!("comment {on}"), "cycle"]);
}

#[test]
fn thread_build_checks_on_its_own() {
    // `Thread::build` does not trust that `parse` ran first.
    let c = |n: u64, parent: Option<u64>| Comment {
        id: id(n),
        parent: parent.map(id),
        author: "A".into(),
        posts: Some(0),
        member_since: IsoDate::parse("2014-05-28"),
        body: "B".into(),
        ..Comment::default()
    };
    assert_eq!(
        Thread::build(&[c(1, None), c(1, None)]),
        Err(DataError::DuplicateId { id: id(1) })
    );
    assert_eq!(
        Thread::build(&[c(1, None), c(2, Some(2))]),
        Err(DataError::OwnParent { id: id(2) })
    );
    assert!(Thread::build(&[]).unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------
// Wrong types and unknown fields: syntax errors at the offending line

/// A three-line file whose comment, alone on line 3, is `comment`.
fn file_with_comment_line(comment: &str) -> String {
    format!(
        "{{\"version\": 1, \"article\": {{\"headline\": \"H\", \"body\": []}},\n  \"comments\": [\n    {comment}\n  ]\n}}"
    )
}

#[test]
fn numbers_must_be_non_negative_integers() {
    let cases = [
        (r#""id": "5""#, "invalid type: string \"5\", expected u64"),
        (r#""id": -5"#, "invalid value: integer `-5`, expected u64"),
        (
            r#""id": 5.0"#,
            "invalid type: floating point `5.0`, expected u64",
        ),
        (
            r#""posts": -1"#,
            "invalid value: integer `-1`, expected u64",
        ),
        (
            r#""parent": "1""#,
            "invalid type: string \"1\", expected u64",
        ),
    ];
    for (field, expected) in cases {
        let (name, _) = field.split_once(": ").unwrap();
        let mut fields = vec![
            r#""id": 5"#,
            r#""author": "A""#,
            r#""posts": 1"#,
            r#""member_since": "2014-05-28""#,
            r#""body": "B""#,
        ];
        fields.retain(|f| !f.starts_with(name));
        fields.insert(0, field);
        let line = format!("{{{}}}", fields.join(", "));
        let (l, column, message) = syntax(&file_with_comment_line(&line));
        assert_eq!(message, expected, "{field}");
        assert_eq!(l, 3, "{field}");
        // The column points at the value that is wrong (4 spaces + "{" precede the field).
        assert_eq!(column, 5 + field.len(), "{field}");
    }
}

#[test]
fn unknown_fields_are_rejected() {
    let line = r#"{"id": 5, "author": "A", "likes": 3, "posts": 1, "member_since": "2014-05-28", "body": "B"}"#;
    let (l, column, message) = syntax(&file_with_comment_line(line));
    assert_eq!(l, 3);
    assert!(
        message.starts_with("unknown field `likes`, expected one of"),
        "{message}"
    );
    assert_eq!(&line[column - 4 - 7..column - 4], "\"likes\"");

    let mut f = file(vec![comment(1, None)]);
    f["comments"][0]["Author"] = json!("typo");
    assert!(
        syntax(&serde_json::to_string(&f).unwrap())
            .2
            .contains("unknown field `Author`")
    );

    for (place, extra) in [("", "title"), ("article", "byline"), ("hidden", "reason")] {
        let mut f = file(vec![comment(1, None)]);
        let target = if place.is_empty() {
            &mut f
        } else {
            &mut f[place]
        };
        target[extra] = json!("x");
        let (_, _, message) = syntax(&serde_json::to_string_pretty(&f).unwrap());
        assert!(
            message.starts_with(&format!("unknown field `{extra}`")),
            "{message}"
        );
    }
}
