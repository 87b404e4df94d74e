//! The Reddit importer on real thread responses (fixtures/SOURCES.md): counts, trees and
//! missing replies checked against the source JSON, and values checked by hand.

mod common;

use std::collections::BTreeMap;

use common::{
    Imported, RedditWalk, fixture, import_fixture, import_text, key, links, raw, reddit_walk,
};
use serde_json::{Value, json};
use threadview_import::Format;

const FUNNY: &str = "reddit-funny-ba-dum-tsss.json";
const IAMA: &str = "reddit-iama-one-subthread.json";
const TOOLGIFS: &str = "reddit-toolgifs-2022.json";

/// Links in the HTML Reddit rendered for a comment (escaped in newer responses).
fn html_links(data: &Value) -> usize {
    let html = data["body_html"].as_str().unwrap();
    html.matches("<a ").count() + html.matches("&lt;a ").count()
}

fn gone(data: &Value, what: &str) -> bool {
    data["author"] == what || data["body"] == what
}

/// What the source says, counted without the importer.
struct Expected {
    comments: usize,
    deleted: usize,
    removed: usize,
    /// By comment, and the thread's own under "": "more" stubs add their `count`,
    /// "continue this thread" stubs (`id` "_") the ids they list, or one.
    missing: BTreeMap<String, u64>,
    /// Links in the HTML Reddit rendered, for the comments that keep their text.
    links: usize,
}

fn expected(walk: &RedditWalk<'_>) -> Expected {
    let mut missing = BTreeMap::new();
    for (stub, parent) in &walk.stubs {
        let listed = stub["children"].as_array().unwrap().len() as u64;
        let count = if stub["id"] == "_" {
            listed.max(1)
        } else {
            stub["count"].as_u64().unwrap()
        };
        *missing
            .entry(parent.clone().unwrap_or_default())
            .or_default() += count;
    }
    let kept = walk
        .comments
        .iter()
        .filter(|(data, ..)| !gone(data, "[deleted]") && !gone(data, "[removed]"));
    let links = kept.map(|(data, ..)| html_links(data)).sum();
    Expected {
        comments: walk.comments.len(),
        deleted: walk
            .comments
            .iter()
            .filter(|(d, ..)| gone(d, "[deleted]") && !gone(d, "[removed]"))
            .count(),
        removed: walk
            .comments
            .iter()
            .filter(|(d, ..)| gone(d, "[removed]"))
            .count(),
        missing,
        links,
    }
}

/// The counts, the order, the parents and the depths, against the source.
fn check_against_source(name: &str) -> (Imported, Expected) {
    let source = raw(name);
    let walk = reddit_walk(&source);
    let want = expected(&walk);
    let out = import_fixture(name);
    assert_eq!(out.comments().len(), want.comments);
    assert_eq!(out.with_state("deleted"), want.deleted);
    assert_eq!(out.with_state("removed"), want.removed);
    assert_eq!(out.missing(), want.missing);
    assert_eq!(out.links(), want.links);
    for ((data, depth, parent), comment) in walk.comments.iter().zip(out.comments()) {
        let id = data["id"].as_str().unwrap();
        assert_eq!(comment["id"], id, "kept as a string");
        assert_eq!(comment.get("parent").map(key), *parent);
        assert_eq!(out.depth(id), *depth);
        if let Some(given) = data.get("depth") {
            assert_eq!(given, depth, "Reddit's own depth, where it has one");
        }
        if comment.get("state").is_none() {
            assert_eq!(comment["author"], data["author"]);
            assert_eq!(links(&comment["body"]), html_links(data), "{id}");
        }
    }
    (out, want)
}

#[test]
fn funny_thread_counts_and_tree() {
    let (out, want) = check_against_source(FUNNY);
    assert_eq!(want.comments, 476);
    assert_eq!(want.deleted, 16);
    assert_eq!(want.removed, 0);
    assert_eq!(want.links, 66);
    assert_eq!(want.missing.values().sum::<u64>(), 67);
    assert_eq!(want.missing.get(""), Some(&9), "one top-level stub of 9");
    assert_eq!(out.json["missing_replies"], 9);
    // A "load more comments" stub, and a "continue this thread" one.
    assert_eq!(out.comment("cu5p1hh")["missing_replies"], 12);
    assert_eq!(out.comment("cu61zil")["missing_replies"], 1);
    assert_eq!(
        out.loaded.thread.roots().len(),
        137,
        "138 things, one a stub"
    );
    // Deleted comments keep their replies.
    assert_eq!(out.comment("cu5p1yt")["state"], "deleted");
    assert!(out.comments().iter().any(|c| c["parent"] == "cu5p1yt"));
}

#[test]
fn funny_thread_article() {
    let out = import_fixture(FUNNY);
    assert_eq!(
        out.json["article"],
        json!({
            "headline": "Ba Dum Tsss",
            "body": [],
            "author": "your_local_librarian",
            "time": "2015-08-17T07:44:40Z",
            "url": "https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/",
            "site": "r/funny"
        })
    );
}

#[test]
fn a_known_comment_time_score_quote_and_depth() {
    let out = import_fixture(FUNNY);
    let comment = out.comment("cu5x3k9");
    assert_eq!(
        comment,
        &json!({
            "id": "cu5x3k9",
            "parent": "cu5w3kc",
            "author": "Soddington",
            "time": "2015-08-17T15:01:00Z",
            "score": 15,
            "url": "https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/cu5x3k9/",
            "body": [
                { "quote": [{ "paragraph": ["a little underwhelmed"] }] },
                { "paragraph": ["I hope thats what tuba/Sousaphone players are going for, cause I think they get that a lot."] }
            ]
        })
    );
    assert_eq!(out.depth("cu5x3k9"), 9, "the deepest level of the response");
    let list = &out.comment("cu5uafs")["body"][1]["list"];
    assert_eq!(list["ordered"], false);
    assert_eq!(list["items"].as_array().unwrap().len(), 5);
    // Superscript and a bare u/ name, as Reddit links it.
    assert_eq!(
        out.comment("cu5uy0y")["body"][1]["paragraph"][1],
        json!({ "link": { "href": "https://www.reddit.com/u/swim1929", "text": ["/u/swim1929"] } })
    );
}

#[test]
fn edits_are_times() {
    let source = raw(FUNNY);
    let walk = reddit_walk(&source);
    let edited: Vec<&str> = walk
        .comments
        .iter()
        .filter(|(d, ..)| d["edited"].is_number() && !gone(d, "[deleted]"))
        .map(|(d, ..)| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(edited.len(), 10);
    let out = import_fixture(FUNNY);
    let with_edit: Vec<String> = out
        .comments()
        .iter()
        .filter(|c| c.get("edited").is_some())
        .map(|c| key(&c["id"]))
        .collect();
    assert_eq!(with_edit, edited);
}

#[test]
fn permalink_page_of_one_branch() {
    let (out, want) = check_against_source(IAMA);
    assert_eq!(want.comments, 145);
    assert_eq!(want.deleted, 6);
    assert_eq!(want.links, 7);
    assert_eq!(want.missing, BTreeMap::from([("d8rzxi2".to_string(), 1)]));
    assert_eq!(out.loaded.thread.roots().len(), 1);
    assert_eq!(out.json["article"]["site"], "r/IAmA");
    assert_eq!(
        out.json["article"]["body"][3],
        json!({
            "paragraph": "Please support the campaign and the fight on homelessness! Represent.com/bonezone (https://represent.com/bonezone/)"
        })
    );
    // No `is_submitter` in 2016: the post's author is the original poster.
    assert_eq!(out.with_badge("op"), ["d8r79x6", "d9613va"]);
    let answer = out.comment("d8r79x6");
    assert_eq!(
        (answer["score"].clone(), answer["time"].clone()),
        (json!(6648), json!("2016-10-14T02:24:34Z"))
    );
    assert_eq!(out.depth("d8rzxi2"), 9);
}

#[test]
fn a_2022_thread_with_escaped_markdown_and_is_submitter() {
    let (out, want) = check_against_source(TOOLGIFS);
    assert_eq!((want.comments, want.deleted, want.links), (21, 1, 2));
    assert_eq!(out.missing().len(), 0);
    assert_eq!(out.with_badge("op"), ["ihuk8z8"]);
    let op = out.comment("ihuk8z8");
    assert_eq!(
        op["url"],
        "https://www.reddit.com/r/toolgifs/comments/w9bomy/inside_artificial_horizon_or_attitude_indicator/ihuk8z8/"
    );
    // "&gt; The heart…" in the source: a quote once unescaped.
    assert_eq!(
        op["body"][0]["quote"][0]["paragraph"][0].as_str().unwrap(),
        "The heart of the AI is a gyroscope (gyro) that spins at high speed, from either an electric motor, or through the action of a stream of air pushing on rotor vanes placed along its periphery."
    );
    assert_eq!(out.comment("ihudhwa")["score"], 40);
    assert_eq!(out.depth("iibkdpw"), 4);
    assert_eq!(out.comment("ijr3pab")["state"], "deleted");
}

#[test]
fn one_branch_by_comment_id() {
    let source = raw(FUNNY);
    let walk = reddit_walk(&source);
    let position = walk
        .comments
        .iter()
        .position(|(d, ..)| d["id"] == "cu5oif1")
        .unwrap();
    let depth = walk.comments[position].1;
    let below = walk.comments[position + 1..]
        .iter()
        .take_while(|(_, d, _)| *d > depth)
        .count();
    for thread in ["cu5oif1", "t1_cu5oif1"] {
        let out = import_text(&fixture(FUNNY), Some(Format::Reddit), Some(thread));
        assert_eq!(out.comments().len(), 1 + below);
        assert!(out.comments()[0].get("parent").is_none());
        assert!(out.json.get("missing_replies").is_none());
        assert_eq!(out.comment("cu5oif1")["missing_replies"], 4);
    }
    let all = import_text(&fixture(FUNNY), None, Some("t3_3hahrw"));
    assert_eq!(all.comments().len(), 476);
}

#[test]
fn moderators_removed_comments_and_spoilers() {
    // None of these is in the fixtures: a small thread in the 2022 form.
    let comment = |id: &str, author: &str, body: &str, extra: Value| {
        let mut data = json!({
            "id": id, "parent_id": "t3_p", "author": author, "body": body,
            "created_utc": 1_700_000_000.0, "edited": 1_700_000_600.0, "score": -3,
            "replies": "", "email": "someone@example.org", "ip": "192.0.2.1"
        });
        data.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        json!({ "kind": "t1", "data": data })
    };
    let thread = json!([
        { "kind": "Listing", "data": { "children": [{ "kind": "t3", "data": {
            "id": "p", "title": "T", "selftext": "", "author": "[deleted]",
            "created_utc": 1_700_000_000.0, "permalink": "/r/x/comments/p/t/", "subreddit": "x"
        }}]}},
        { "kind": "Listing", "data": { "children": [
            comment("a", "mod", "Rule 1: &gt;!no spoilers!&lt; ~~please~~", json!({ "distinguished": "moderator", "is_submitter": true })),
            comment("b", "[deleted]", "[removed]", json!({})),
            comment("c", "someone", "[deleted]", json!({ "score_hidden": true })),
            { "kind": "more", "data": { "id": "_", "count": 0, "children": ["x1", "x2"], "parent_id": "t3_p" } }
        ]}}
    ]);
    let text = thread.to_string();
    let out = import_text(&text, None, None);
    assert_eq!(
        out.comment("a")["body"],
        json!([{ "paragraph": ["Rule 1: ", { "spoiler": ["no spoilers"] }, " ", { "strike": ["please"] }] }])
    );
    assert_eq!(out.comment("a")["badges"], json!(["op", "moderator"]));
    assert_eq!(out.comment("a")["score"], -3);
    assert_eq!(out.comment("a")["edited"], "2023-11-14T22:23:20Z");
    assert_eq!(
        out.comment("b"),
        &json!({
            "id": "b", "time": "2023-11-14T22:13:20Z", "edited": "2023-11-14T22:23:20Z", "score": -3,
            "state": "removed", "url": "https://www.reddit.com/r/x/comments/p/t/b/"
        })
    );
    assert_eq!(out.comment("c")["state"], "deleted");
    assert!(out.comment("c").get("score").is_none(), "score_hidden");
    assert_eq!(
        out.json["missing_replies"], 2,
        "the ids a continue stub lists"
    );
    assert!(out.json["article"].get("author").is_none());
    let written = threadview_import::import(&text, None, None).unwrap();
    assert!(!written.contains("example.org") && !written.contains("192.0.2.1"));
}
