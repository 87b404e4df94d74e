//! `docs/discussion.schema.json` accepts the bundled file (format version 1) and the format 2
//! corpus file, rejects broken ones of both versions, and agrees with the parser on the
//! shape of a file. Where they differ, `what_only_the_app_checks` and
//! `where_the_schema_and_the_app_differ` say so.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::LazyLock;

use jsonschema::Validator;
use serde_json::{Value, json};
use threadview_core::Loaded;
use threadview_core::data::DataError;

const SCHEMA: &str = include_str!("../../docs/discussion.schema.json");
const BUNDLED: &str = include_str!("../../data/discussion.json");
/// Format 2 with every kind of comment: rich, deleted, plain, removed.
const RICH: &str = include_str!("corpus/format-2-rich.json");
const VERSION_3: &str = include_str!("corpus/version-3-with-new-fields.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

/// Compiled once for the whole file.
static VALIDATOR: LazyLock<Validator> =
    LazyLock::new(|| jsonschema::draft202012::new(&schema()).expect("the schema compiles"));

/// The schema's error messages for `doc`, empty when it is valid.
fn errors(doc: &Value) -> Vec<String> {
    VALIDATOR
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

fn comment(id: u64, parent: Option<u64>) -> Value {
    json!({
        "id": id,
        "parent": parent,
        "author": "Venom",
        "posts": 3778,
        "member_since": "2017-12-14",
        "body": "What about them?"
    })
}

fn file(comments: Vec<Value>) -> Value {
    json!({
        "version": 1,
        "article": {
            "headline": "Headline",
            "body": [{"paragraph": "First."}, {"subheading": "Sub"}],
            "notice": "Reprint notice."
        },
        "comments": comments,
        "hidden": {"ids": [5, 6], "notice": "Hidden."}
    })
}

/// A valid file with one thing changed: `edit` gets the file to change.
fn edited(edit: impl FnOnce(&mut Value)) -> Value {
    let mut doc = file(vec![comment(1, None), comment(2, Some(1))]);
    edit(&mut doc);
    doc
}

#[test]
fn schema_is_valid_draft_2020_12() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!("the schema is not a valid JSON Schema: {error}");
    }
}

#[test]
fn bundled_file_is_valid() {
    let doc: Value = serde_json::from_str(BUNDLED).unwrap();
    assert_eq!(errors(&doc), Vec::<String>::new());
}

#[test]
fn small_valid_files() {
    let minimal = json!({
        "version": 1,
        "article": {"headline": "H", "body": []},
        "comments": []
    });
    assert_eq!(errors(&minimal), Vec::<String>::new());
    assert_eq!(
        errors(&file(vec![comment(1, None), comment(2, Some(1))])),
        Vec::<String>::new()
    );
    // `parent` may be left out; `notice`s may be null; `hidden` may be empty.
    let doc = edited(|d| {
        d["comments"][0].as_object_mut().unwrap().remove("parent");
        d["article"]["notice"] = Value::Null;
        d["hidden"] = json!({});
    });
    assert_eq!(errors(&doc), Vec::<String>::new());
    assert!(Loaded::from_json(&doc.to_string()).is_ok());
}

#[test]
fn broken_files_are_rejected() {
    let cases: Vec<(&str, Value)> = vec![
        (
            "missing version",
            edited(|d| {
                d.as_object_mut().unwrap().remove("version");
            }),
        ),
        ("version 3", edited(|d| d["version"] = json!(3))),
        ("version as string", edited(|d| d["version"] = json!("1"))),
        (
            "missing article",
            edited(|d| {
                d.as_object_mut().unwrap().remove("article");
            }),
        ),
        (
            "missing comments",
            edited(|d| {
                d.as_object_mut().unwrap().remove("comments");
            }),
        ),
        (
            "top-level array",
            json!([1, {"headline": "H", "body": []}, []]),
        ),
        (
            "unknown top-level field",
            edited(|d| d["title"] = json!("x")),
        ),
        (
            "empty headline",
            edited(|d| d["article"]["headline"] = json!("")),
        ),
        (
            "blank headline",
            edited(|d| d["article"]["headline"] = json!(" \n ")),
        ),
        (
            "unknown article field",
            edited(|d| d["article"]["byline"] = json!("x")),
        ),
        (
            "unknown block",
            edited(|d| d["article"]["body"][0] = json!({"quote": "x"})),
        ),
        (
            "block with two keys",
            edited(|d| {
                d["article"]["body"][0] = json!({"paragraph": "x", "subheading": "y"});
            }),
        ),
        (
            "empty block",
            edited(|d| d["article"]["body"][0] = json!({})),
        ),
        (
            "block as string",
            edited(|d| d["article"]["body"][0] = json!("text")),
        ),
        (
            "comment without author",
            edited(|d| {
                d["comments"][1].as_object_mut().unwrap().remove("author");
            }),
        ),
        (
            "comment without id",
            edited(|d| {
                d["comments"][1].as_object_mut().unwrap().remove("id");
            }),
        ),
        (
            "comment without body",
            edited(|d| {
                d["comments"][1].as_object_mut().unwrap().remove("body");
            }),
        ),
        (
            "comment without posts",
            edited(|d| {
                d["comments"][1].as_object_mut().unwrap().remove("posts");
            }),
        ),
        (
            "comment without member_since",
            edited(|d| {
                d["comments"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("member_since");
            }),
        ),
        (
            "empty author",
            edited(|d| d["comments"][1]["author"] = json!("")),
        ),
        (
            "blank body",
            edited(|d| d["comments"][1]["body"] = json!("\n\n ")),
        ),
        (
            "parent as string",
            edited(|d| d["comments"][1]["parent"] = json!("1")),
        ),
        (
            "id as string",
            edited(|d| d["comments"][1]["id"] = json!("2")),
        ),
        ("id null", edited(|d| d["comments"][1]["id"] = Value::Null)),
        (
            "negative id",
            edited(|d| d["comments"][1]["id"] = json!(-2)),
        ),
        (
            "negative posts",
            edited(|d| d["comments"][1]["posts"] = json!(-1)),
        ),
        (
            "fractional posts",
            edited(|d| d["comments"][1]["posts"] = json!(1.5)),
        ),
        (
            "date as on the page",
            edited(|d| {
                d["comments"][1]["member_since"] = json!("May 28, 2014");
            }),
        ),
        (
            "date with time",
            edited(|d| {
                d["comments"][1]["member_since"] = json!("2014-05-28T00:00:00Z");
            }),
        ),
        (
            "unknown comment field",
            edited(|d| d["comments"][1]["likes"] = json!(3)),
        ),
        (
            "comment as array",
            edited(|d| {
                d["comments"][1] = json!([2, 1, "A", 1, "2014-05-28", "B"]);
            }),
        ),
        (
            "hidden as array",
            edited(|d| d["hidden"] = json!([[5], null])),
        ),
        ("hidden null", edited(|d| d["hidden"] = Value::Null)),
        (
            "unknown hidden field",
            edited(|d| d["hidden"]["reason"] = json!("x")),
        ),
    ];
    for (what, doc) in cases {
        assert!(
            !errors(&doc).is_empty(),
            "the schema accepts a file with {what}"
        );
        // The parser refuses each of them too: the schema describes what the app reads.
        assert!(
            Loaded::from_json(&doc.to_string()).is_err(),
            "the app accepts a file with {what}"
        );
    }
}

#[test]
fn errors_point_at_the_place() {
    let doc = edited(|d| {
        d["comments"][1].as_object_mut().unwrap().remove("author");
    });
    let errors = errors(&doc);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("/comments/1: "), "{}", errors[0]);
    assert!(errors[0].contains("\"author\""), "{}", errors[0]);
}

#[test]
fn what_only_the_app_checks() {
    // Rules across comments, and calendar validity, are beyond the schema. It accepts
    // these files; the app refuses them, except the unknown parent, which it shows.
    let cases = [
        (
            "impossible date",
            edited(|d| d["comments"][1]["member_since"] = json!("2014-02-30")),
            false,
        ),
        (
            "duplicate id",
            file(vec![comment(1, None), comment(1, None)]),
            false,
        ),
        ("own parent", file(vec![comment(1, Some(1))]), false),
        (
            "cycle",
            file(vec![comment(1, Some(2)), comment(2, Some(1))]),
            false,
        ),
        ("unknown parent", file(vec![comment(1, Some(99))]), true),
    ];
    for (what, doc, app_accepts) in cases {
        assert_eq!(errors(&doc), Vec::<String>::new(), "{what}");
        assert_eq!(
            Loaded::from_json(&doc.to_string()).is_ok(),
            app_accepts,
            "{what}"
        );
    }
}
