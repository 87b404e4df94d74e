//! Bad input: each is a clear error that says what is wrong and where, never a panic.

mod common;

use common::{fixture, never_panics, raw};
use serde_json::json;
use threadview_import::{Format, ImportError, import};

fn error(input: &str, from: Option<Format>) -> String {
    let error = import(input, from, None).expect_err("must not import");
    let message = error.to_string();
    eprintln!("{message}");
    message
}

#[test]
fn not_json_says_line_and_column() {
    let input = "{\n  \"id\": 1,\n  oops\n}";
    let e = import(input, None, None).unwrap_err();
    assert!(
        matches!(
            e,
            ImportError::Json {
                line: 3,
                column: 3,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        "not JSON: line 3, column 3: key must be a string"
    );
    let e = error("[{\"kind\": \"Listing\"", Some(Format::Reddit));
    assert!(
        e.starts_with("not JSON: line 1, column 19: EOF while parsing"),
        "{e}"
    );
}

#[test]
fn empty_input() {
    assert_eq!(import("", None, None), Err(ImportError::Empty));
    assert_eq!(
        import(" \n\u{feff}", Some(Format::Hn), None)
            .unwrap_err()
            .to_string(),
        "not JSON: line 2, column 1: expected value"
    );
    assert_eq!(
        import("\u{feff}\n  ", None, None).unwrap_err().to_string(),
        "the input is empty"
    );
}

#[test]
fn unknown_formats() {
    let e = "disquss".parse::<Format>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown format \"disquss\": the formats are hn, reddit, disqus, wordpress, discourse, mastodon"
    );
    assert_eq!("HN".parse::<Format>(), Ok(Format::Hn));
    assert_eq!("wxr".parse::<Format>(), Ok(Format::Wordpress));
    let e = error("<html><body>Hi</body></html>", None);
    assert!(
        e.contains("this is XML or HTML, but neither a Disqus nor a WordPress export"),
        "{e}"
    );
}

#[test]
fn a_reddit_thread_given_as_hacker_news() {
    let e = error(&fixture("reddit-funny-ba-dum-tsss.json"), Some(Format::Hn));
    assert_eq!(
        e,
        "a Hacker News item from the Algolia API is an object with \"id\", \"title\" and nested \
         \"children\"; this is an array of 2 items: it looks like a Reddit thread (import it as reddit)"
    );
}

#[test]
fn a_hacker_news_item_given_as_reddit() {
    let e = error(&fixture("hn-algolia-18475438.json"), Some(Format::Reddit));
    assert!(
        e.starts_with(
            "a Reddit thread is a JSON array of two listings (the post, then its comments); \
             this is an object with keys "
        ),
        "{e}"
    );
    assert!(e.contains("children"), "{e}");
    assert!(
        e.ends_with("and 5 more: it looks like a Hacker News item (import it as hn)"),
        "{e}"
    );
}

#[test]
fn empty_arrays_and_objects() {
    let e = error("[]", None);
    assert!(
        e.starts_with("cannot tell which format this is: expected one of a Hacker News item"),
        "{e}"
    );
    assert!(e.contains("; this is an empty array."), "{e}");
    assert_eq!(
        error("[]", Some(Format::Reddit)),
        "a Reddit thread is a JSON array of two listings (the post, then its comments); this is an empty array"
    );
    let e = error("[]", Some(Format::Hn));
    assert!(e.ends_with("; this is an empty array"), "{e}");
    let e = error("{}", None);
    assert!(e.contains("this is an empty object"), "{e}");
    let e = error(
        "[{\"kind\": \"Listing\", \"data\": {\"children\": []}}, {}]",
        None,
    );
    assert_eq!(
        e,
        "the first listing holds the post; this is an empty listing"
    );
}

#[test]
fn a_discussion_file_needs_no_import() {
    let bundled = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/discussion.json"
    ))
    .unwrap();
    assert_eq!(
        import(&bundled, None, None),
        Err(ImportError::AlreadyDiscussion)
    );
}

#[test]
fn wrong_values_are_placed() {
    let mut thread = raw("reddit-funny-ba-dum-tsss.json");
    let first = &mut thread[1]["data"]["children"][0]["data"];
    first["created_utc"] = json!("yesterday");
    let id = first["id"].as_str().unwrap().to_string();
    let e = error(&thread.to_string(), None);
    assert_eq!(
        e,
        format!("comment {id}: \"created_utc\" is a number; this is the string \"yesterday\"")
    );

    let mut thread = raw("reddit-funny-ba-dum-tsss.json");
    thread[1]["data"]["children"][2]["kind"] = json!("t3");
    let e = error(&thread.to_string(), None);
    assert_eq!(
        e,
        "top-level comment 3: \"kind\" is \"t1\" (a comment) or \"more\"; this is the string \"t3\""
    );

    let mut thread = raw("reddit-funny-ba-dum-tsss.json");
    thread[1]["data"]["children"][0]["data"]["replies"]["data"]["children"][0]["data"]["author"] =
        json!(5);
    let e = error(&thread.to_string(), None);
    assert!(
        e.ends_with(": \"author\" is a string; this is the number 5"),
        "{e}"
    );
    assert!(e.starts_with("comment "), "{e}");

    let mut item = raw("hn-algolia-18475438.json");
    item["children"][1]["children"] = json!({});
    let e = error(&item.to_string(), None);
    let id = &item["children"][1]["id"];
    assert_eq!(
        e,
        format!("comment {id}: \"children\" is an array; this is an empty object")
    );
}

#[test]
fn a_comment_or_a_firebase_item_is_not_a_story() {
    let comment = json!({ "id": 18476289, "type": "comment", "title": null, "story_id": 18475438,
                          "author": "x", "text": "hi", "points": null, "children": [] });
    assert_eq!(
        error(&comment.to_string(), None),
        "item 18476289: the item to import is a story, with a \"title\"; this is a comment \
         without a title: import its story, item 18475438"
    );
    let firebase = json!({ "by": "dhouston", "id": 8863, "kids": [9224], "title": "My YC app", "type": "story" });
    let e = error(&firebase.to_string(), None);
    assert!(
        e.contains("looks like an item from Hacker News's own API"),
        "{e}"
    );
}

#[test]
fn a_thread_that_is_not_in_the_file() {
    let e = import(&fixture("hn-algolia-18475438.json"), None, Some("12")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no comment \"12\" in this file: name the story or one of its comments"
    );
    let e = import(&fixture("hn-algolia-18475438.json"), None, Some("abc")).unwrap_err();
    assert_eq!(
        e,
        ImportError::NoThread {
            thread: "abc".to_string()
        }
    );
    let e = import(
        &fixture("reddit-iama-one-subthread.json"),
        None,
        Some("t1_zzz"),
    )
    .unwrap_err();
    assert_eq!(
        e,
        ImportError::NoThread {
            thread: "zzz".to_string()
        }
    );
}

#[test]
fn cut_and_altered_files_never_panic() {
    for name in [
        "hn-algolia-18475438.json",
        "reddit-funny-ba-dum-tsss.json",
        "reddit-toolgifs-2022.json",
    ] {
        // Strings and numbers all through the file, each replaced in turn.
        let replacements = [json!(null), json!({}), json!(-1), json!("[deleted]")];
        never_panics(&fixture(name), 4099, 60, &replacements, "zzz");
    }
}
