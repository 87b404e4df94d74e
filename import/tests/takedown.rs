//! Takedowns on real imports: a Disqus thread (fixtures/disqus-tanglei-zh.xml, Chinese
//! names and text) and a Hacker News thread (fixtures/hn-algolia-18475438.json), both as
//! `threadview_import::import` writes them, and the bundled version 1 seed.

mod common;

use common::{fixture, key};
use serde_json::{Value, json};
use threadview_core::Loaded;
use threadview_import::takedown::{Takedowns, Target};
use threadview_import::{ImportError, import};

const HN_URL: &str = "https://news.ycombinator.com/item?id=18475438";
const TANGLEI_URL: &str = "http://www.tanglei.name/blog/baoyan-experiences-share.html";

fn hn() -> String {
    import(&fixture("hn-algolia-18475438.json"), None, None).unwrap()
}

fn tanglei() -> String {
    import(&fixture("disqus-tanglei-zh.xml"), None, Some("4516623578")).unwrap()
}

fn list(text: &str) -> Takedowns {
    Takedowns::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

fn comments(json: &str) -> Vec<Value> {
    let value: Value = serde_json::from_str(json).unwrap();
    value["comments"].as_array().unwrap().clone()
}

fn by_id<'a>(comments: &'a [Value], id: &str) -> &'a Value {
    comments
        .iter()
        .find(|c| key(&c["id"]) == id)
        .unwrap_or_else(|| panic!("no comment {id}"))
}

/// Loads as the page loads it, with no warnings (no reply lost its parent).
fn loads(json: &str) -> Loaded {
    let loaded = Loaded::from_json(json).unwrap_or_else(|e| panic!("does not load: {e}"));
    assert_eq!(loaded.thread.warnings(), &[], "the thread has warnings");
    loaded
}

/// The text of a comment's body, as the page would search it.
fn body_text(json: &str, id: &str) -> String {
    let loaded = loads(json);
    loaded
        .discussion
        .comments
        .iter()
        .find(|c| c.id.to_string() == id)
        .unwrap()
        .body
        .clone()
}

#[test]
fn removing_by_id_keeps_the_replies_and_the_count() {
    let input = hn();
    let before = comments(&input);
    // 18476289 has three replies, one with replies of its own.
    let replies: Vec<&Value> = before
        .iter()
        .filter(|c| c["parent"] == json!(18476289))
        .collect();
    assert_eq!(replies.len(), 3);
    let text = body_text(&input, "18476289");
    let snippet: String = text.chars().take(40).collect();
    assert!(input.contains(&snippet[..20]));

    let (out, removed) = list("comment 18476289\n").apply(&input).unwrap();
    assert_eq!(removed, 1);
    let after = comments(&out);
    assert_eq!(after.len(), before.len());
    let gone = by_id(&after, "18476289");
    assert_eq!(
        gone,
        &json!({"id": 18476289, "time": before[0]["time"], "state": "removed"})
    );
    for (old, new) in before.iter().zip(&after) {
        if old["id"] != json!(18476289) {
            assert_eq!(old, new, "only the removed comment changes");
        }
    }
    let loaded = loads(&out);
    assert_eq!(loaded.discussion.comments.len(), before.len());
    assert!(!out.contains(&snippet[..20]), "the removed text is gone");
    assert!(!out.contains("netsec_burn"), "and its author's name");
    // The file is kept as it was around the change: same order of keys, same layout.
    assert!(out.starts_with("{\n  \"version\": 2,\n  \"article\": {\n"));
    let unchanged = input.lines().count() - out.lines().count();
    let old_lines = serde_json::to_string_pretty(&before[0])
        .unwrap()
        .lines()
        .count();
    let new_lines = serde_json::to_string_pretty(gone).unwrap().lines().count();
    assert_eq!(unchanged, old_lines - new_lines);
}

#[test]
fn ids_match_as_numbers_or_strings_and_bare() {
    let input = tanglei();
    // A bare id, with a comment after it.
    let (out, removed) = list("2473649311   # yitan Li asked\n")
        .apply(&input)
        .unwrap();
    assert_eq!(removed, 1);
    let after = comments(&out);
    assert_eq!(by_id(&after, "2473649311")["state"], "removed");
    assert_eq!(
        by_id(&after, "2473649426")["parent"],
        json!(2_473_649_311_u64)
    );
    loads(&out);

    let strings = json!({
        "version": 2,
        "article": {"headline": "h", "body": []},
        "comments": [
            {"id": "5", "author": "a", "body": "five", "badges": ["op"], "score": 3,
             "url": "https://e.org/5", "warning": "cw", "edited": "2020-01-01T00:00:00Z"},
            {"id": "6", "parent": "5", "author": "b", "body": "six"}
        ]
    })
    .to_string();
    let (out, removed) = list("comment 5").apply(&strings).unwrap();
    assert_eq!(removed, 1);
    assert_eq!(comments(&out)[0], json!({"id": "5", "state": "removed"}));
    assert!(!out.contains("five") && !out.contains("cw") && !out.contains("e.org"));
    loads(&out);
}

#[test]
fn removing_by_author_removes_all_of_theirs() {
    let input = tanglei();
    let before = comments(&input);
    let theirs: Vec<String> = before
        .iter()
        .filter(|c| c["author"] == "vanpersie")
        .map(|c| key(&c["id"]))
        .collect();
    assert_eq!(theirs.len(), 3);
    let texts: Vec<String> = theirs.iter().map(|id| body_text(&input, id)).collect();

    let (out, removed) = list("author  vanpersie \n").apply(&input).unwrap();
    assert_eq!(removed, 3);
    let after = comments(&out);
    for id in &theirs {
        let c = by_id(&after, id);
        assert_eq!(c["state"], "removed");
        assert!(c.get("author").is_none() && c.get("body").is_none() && c.get("url").is_none());
    }
    assert_eq!(after.iter().filter(|c| c["state"] == "removed").count(), 3);
    loads(&out);
    assert!(!out.contains("vanpersie"));
    for text in texts {
        let line = text.lines().find(|l| l.chars().count() > 6).unwrap();
        assert!(!out.contains(line), "{line} is still there");
    }
    // A name quoted in someone else's reply ("@莫天池 …") stays: only the author's own
    // comments are removed.
    let (out, removed) = list("author 莫天池").apply(&input).unwrap();
    assert_eq!(removed, 3);
    assert_eq!(out.matches("莫天池").count(), 1);
    // The name is exact: another case or a part of it matches nothing.
    let takedowns = list("author 莫天\nauthor TANGLEI");
    let (same, removed) = takedowns.apply(&input).unwrap();
    assert_eq!((same.as_str(), removed), (input.as_str(), 0));
    assert_eq!(takedowns.unmatched().len(), 2);
}

#[test]
fn applying_twice_is_the_same_as_once() {
    for input in [hn(), tanglei()] {
        let takedowns =
            list("comment 18476289\nauthor raesene9\nauthor tanglei\ncomment 2473649308\n");
        let (once, n) = takedowns.apply(&input).unwrap();
        assert!(n > 0);
        let (twice, m) = takedowns.apply(&once).unwrap();
        assert_eq!(twice, once);
        assert_eq!(m, 0, "nothing more to remove");
        loads(&twice);
    }
}

#[test]
fn nothing_to_remove_leaves_the_file_as_it_was() {
    let input = hn();
    let (out, removed) = list("# nothing yet\n\n").apply(&input).unwrap();
    assert_eq!((out.as_str(), removed), (input.as_str(), 0));
}

#[test]
fn unmatched_entries_are_reported_over_every_discussion() {
    let takedowns = list(
        "comment 18476289\n\
         comment 2473649308\n\
         comment 999999999   # a typo\n\
         author Nobody Here\n\
         thread https://news.ycombinator.com/item?id=18475438 comment 18478869\n\
         thread elsewhere comment 18476651\n",
    );
    assert_eq!(takedowns.unmatched().len(), 6, "nothing applied yet");
    let (_, hn_removed) = takedowns.apply(&hn()).unwrap();
    assert_eq!(hn_removed, 2, "18476289 and, in this thread, 18478869");
    let after_hn: Vec<usize> = takedowns.unmatched().iter().map(|e| e.line).collect();
    assert_eq!(after_hn, [2, 3, 4, 6]);
    let (_, tanglei_removed) = takedowns.apply(&tanglei()).unwrap();
    assert_eq!(tanglei_removed, 1);
    let left: Vec<String> = takedowns
        .unmatched()
        .iter()
        .map(|e| format!("{}: {e}", e.line))
        .collect();
    assert_eq!(
        left,
        [
            "3: comment 999999999",
            "4: author Nobody Here",
            "6: thread elsewhere comment 18476651"
        ]
    );
}

#[test]
fn a_thread_is_named_by_its_link_or_the_keys_the_build_gives() {
    let takedowns = list(&format!(
        "thread {TANGLEI_URL} comment 2473649308\nthread baoyan comment 2473649311\n\
         thread {HN_URL} comment 2473649315"
    ));
    let input = tanglei();
    let (_, removed) = takedowns.apply(&input).unwrap();
    assert_eq!(removed, 1, "by its link only");
    let (out, removed) = takedowns
        .apply_in(&input, &["baoyan", "4516623578"])
        .unwrap();
    assert_eq!(removed, 2, "and by its slug");
    assert_eq!(by_id(&comments(&out), "2473649315").get("state"), None);
    assert_eq!(
        takedowns.entries()[0].target,
        Target::ThreadComment {
            thread: TANGLEI_URL.to_string(),
            comment: "2473649308".to_string()
        }
    );
}

#[test]
fn bad_lines_are_refused_with_their_number() {
    let cases = [
        ("comment 5\n\nremove 7\n", 3, "not an entry"),
        ("# a list\ncomment\n", 2, "needs one id"),
        ("comment 5 6", 1, "needs one id"),
        ("comment 5\ncomment é\n", 2, "not a comment id"),
        ("author\n", 1, "needs a name"),
        ("author # only a comment\n", 1, "needs a name"),
        ("\n\n\nthread x 5\n", 4, "thread KEY comment ID"),
        ("Jane Doe\n", 1, "not an entry"),
    ];
    for (text, line, message) in cases {
        match Takedowns::parse(text) {
            Err(e @ ImportError::Takedown { line: l, .. }) => {
                assert_eq!(l, line, "{text:?}: {e}");
                let shown = e.to_string();
                assert!(shown.starts_with(&format!("line {line}: ")), "{shown}");
                assert!(shown.contains(message), "{text:?}: {shown}");
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
    // What is accepted.
    let takedowns = list(
        "\u{feff}# header\n  COMMENT c1s3yhb  \nAuthor C# fan\nauthor Ann #she asked\nabc_-9\n",
    );
    let targets: Vec<&Target> = takedowns.entries().iter().map(|e| &e.target).collect();
    assert_eq!(
        targets,
        [
            &Target::Comment("c1s3yhb".to_string()),
            &Target::Author("C# fan".to_string()),
            &Target::Author("Ann".to_string()),
            &Target::Comment("abc_-9".to_string()),
        ]
    );
    assert_eq!(
        takedowns
            .entries()
            .iter()
            .map(|e| e.line)
            .collect::<Vec<_>>(),
        [2, 3, 4, 5]
    );
}

#[test]
fn a_version_1_file_becomes_version_2_when_a_comment_goes() {
    let path = format!("{}/../data/discussion.json", env!("CARGO_MANIFEST_DIR"));
    let input = std::fs::read_to_string(&path).unwrap();
    let (same, removed) = list("comment 12345").apply(&input).unwrap();
    assert_eq!((same.as_str(), removed), (input.as_str(), 0));

    let (out, removed) = list("author Venom").apply(&input).unwrap();
    assert_eq!(removed, 4);
    let value: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["version"], 2);
    assert!(!out.contains("Venom"));
    let loaded = loads(&out);
    assert_eq!(
        loaded
            .discussion
            .comments
            .iter()
            .filter(|c| c.state.is_some())
            .count(),
        4
    );
    // The hidden comments and every other field of version 1 are kept.
    let original: Value = serde_json::from_str(&input).unwrap();
    assert_eq!(value["hidden"], original["hidden"]);
}

#[test]
fn what_is_not_a_discussion_is_refused() {
    let takedowns = list("comment 5");
    assert!(matches!(
        takedowns.apply("{\"version\": 2,"),
        Err(ImportError::Json { .. })
    ));
    let e = takedowns
        .apply("{\"version\": 3, \"comments\": []}")
        .unwrap_err();
    assert!(e.to_string().contains("version 1 or 2"), "{e}");
    let e = takedowns.apply("[1, 2]").unwrap_err();
    assert!(matches!(e, ImportError::Json { .. }), "{e}");
}
