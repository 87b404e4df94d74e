//! The Hacker News importer on a real Algolia response (fixtures/SOURCES.md): counts and
//! the tree checked against the source JSON, and a few values checked by hand.

mod common;

use common::{fixture, hn_walk, import_fixture, import_text, key, raw};
use serde_json::{Value, json};
use threadview_import::Format;

const FIXTURE: &str = "hn-algolia-18475438.json";

#[test]
fn every_comment_with_its_parent_in_source_order() {
    let source = raw(FIXTURE);
    let walk = hn_walk(&source);
    let out = import_fixture(FIXTURE);
    assert_eq!(walk.len(), 145);
    assert_eq!(out.comments().len(), walk.len());
    for ((item, _, parent), comment) in walk.iter().zip(out.comments()) {
        assert_eq!(comment["id"], item["id"]);
        assert_eq!(comment.get("parent").and_then(Value::as_u64), *parent);
        assert_eq!(
            comment["url"],
            format!("https://news.ycombinator.com/item?id={}", item["id"])
        );
    }
    assert_eq!(out.loaded.thread.roots().len(), 30);
    assert_eq!(out.missing().len(), 0, "Hacker News items are complete");
}

#[test]
fn the_story_is_the_article() {
    let out = import_fixture(FIXTURE);
    assert_eq!(
        out.json["article"],
        json!({
            "headline": "Story of a failed pentest",
            "body": [],
            "author": "mariedm",
            "time": "2018-11-17T13:27:56Z",
            "url": "https://news.ycombinator.com/item?id=18475438",
            "site": "Hacker News"
        })
    );
}

#[test]
fn deleted_and_dead_comments_keep_their_place_without_author_or_text() {
    let source = raw(FIXTURE);
    let gone: Vec<String> = hn_walk(&source)
        .into_iter()
        .filter(|(item, ..)| item["author"].is_null() && item["text"].is_null())
        .map(|(item, ..)| key(&item["id"]))
        .collect();
    assert_eq!(gone.len(), 8);
    let out = import_fixture(FIXTURE);
    assert_eq!(out.with_state("deleted"), 8);
    assert_eq!(out.with_state("removed"), 0);
    for id in &gone {
        let comment = out.comment(id);
        assert_eq!(comment["state"], "deleted");
        assert!(comment.get("author").is_none() && comment.get("body").is_none());
    }
    assert_eq!(out.comment("18476322")["time"], "2018-11-17T17:05:55Z");
}

#[test]
fn a_deleted_comment_keeps_its_replies() {
    // The fixture's deleted comments have no replies: delete one that has.
    let mut source = raw(FIXTURE);
    let first = &mut source["children"][0];
    assert_eq!(first["id"], 18476289);
    first["author"] = Value::Null;
    first["text"] = Value::Null;
    let out = import_text(&source.to_string(), Some(Format::Hn), None);
    assert_eq!(out.comment("18476289")["state"], "deleted");
    assert_eq!(out.comment("18478869")["parent"], 18476289);
    assert_eq!(out.comment("18476651")["parent"], 18476289);
    assert_eq!(out.comments().len(), 145);
}

#[test]
fn links_from_the_html() {
    let source = raw(FIXTURE);
    let in_source: usize = hn_walk(&source)
        .iter()
        .filter_map(|(item, ..)| item["text"].as_str())
        .map(|text| text.matches("<a ").count())
        .sum();
    assert_eq!(in_source, 6);
    assert_eq!(import_fixture(FIXTURE).links(), in_source);
}

#[test]
fn depth_of_known_replies() {
    let source = raw(FIXTURE);
    let out = import_fixture(FIXTURE);
    for (item, depth, _) in hn_walk(&source) {
        assert_eq!(out.depth(&key(&item["id"])), depth);
    }
    assert_eq!(out.depth("18476415"), 2);
    assert_eq!(out.depth("18477218"), 6, "the deepest reply");
    let index = out.loaded.thread.index_of(18477218.into()).unwrap();
    assert_eq!(out.loaded.thread.depth(index), 6);
}

#[test]
fn a_known_comment_its_time_text_and_no_score() {
    let out = import_fixture(FIXTURE);
    let comment = out.comment("18476289");
    assert_eq!(comment["author"], "netsec_burn");
    assert_eq!(comment["time"], "2018-11-17T16:56:14Z");
    assert_eq!(
        comment["body"],
        json!([{ "paragraph": [
            "During pentests most testers run the usual route of attacking the domain. \
             In my opinion it's not realistic, because most attackers don't attack domains. \
             They attack applications."
        ]}])
    );
    // Algolia has points for the story only.
    assert!(out.comments().iter().all(|c| c.get("score").is_none()));
}

#[test]
fn code_and_quotes_and_emphasis() {
    let out = import_fixture(FIXTURE);
    let code = &out.comment("18476415")["body"];
    assert_eq!(
        code[0],
        json!({ "code": "  no one will use it if it [...] is unnecessarily\n  difficult to work with\n" })
    );
    assert_eq!(
        code[1],
        json!({ "paragraph": ["In some aspects of security, you can trade off inconvenience for cost, instead of trading off against security."] })
    );
    assert_eq!(
        out.comment("18476346")["body"][0],
        json!({ "quote": [{ "paragraph": [
            "On most Internal Pentests, I generally get Domain Admin within a day or two. Enterprise Admin shortly thereafter."
        ]}]})
    );
    let nested = &out.comment("18479041")["body"];
    assert_eq!(
        nested[0],
        json!({ "quote": [{ "quote": [{ "paragraph": [
            "the main benefit of a successful pentest is to achieve a change in culture"
        ]}]}]})
    );
    assert_eq!(
        nested[1],
        json!({ "paragraph": [
            "Is there much (any?) ", { "em": ["public"] },
            " evidence that this tends to happen after a successful pentest, though?"
        ]})
    );
    let link = &out.comment("18476854")["body"][0]["paragraph"][1];
    assert_eq!(
        link,
        &json!({ "link": { "href": "https://twitter.com/threader_app", "text": ["https://twitter.com/threader_app"] } })
    );
    // Quotes in the source: paragraphs that start with "&gt;".
    let source = raw(FIXTURE);
    let quoting = hn_walk(&source)
        .iter()
        .filter(|(item, ..)| item["text"].as_str().is_some_and(|t| t.contains("<p>&gt;")))
        .count();
    let quoted = out
        .comments()
        .iter()
        .filter(|c| {
            c["body"]
                .as_array()
                .is_some_and(|b| b.iter().any(|b| b.get("quote").is_some()))
        })
        .count();
    assert_eq!((quoting, quoted), (15, 15));
}

#[test]
fn the_story_author_gets_the_op_badge() {
    // Nobody in the fixture answers as the submitter: make asaph the submitter.
    let source = raw(FIXTURE);
    let theirs: Vec<String> = hn_walk(&source)
        .iter()
        .filter(|(item, ..)| item["author"] == "asaph")
        .map(|(item, ..)| key(&item["id"]))
        .collect();
    assert_eq!(theirs.len(), 6);
    assert_eq!(
        import_fixture(FIXTURE).with_badge("op"),
        Vec::<String>::new()
    );
    let mut source = source.clone();
    source["author"] = json!("asaph");
    let out = import_text(&source.to_string(), None, None);
    assert_eq!(out.with_badge("op"), theirs);
    assert_eq!(out.json["article"]["author"], "asaph");
}

#[test]
fn one_thread_of_the_story() {
    let out = import_text(&fixture(FIXTURE), Some(Format::Hn), Some("18476289"));
    let ids: Vec<String> = out.comments().iter().map(|c| key(&c["id"])).collect();
    let source = raw(FIXTURE);
    let expected: Vec<String> = hn_walk(&source["children"][0])
        .iter()
        .map(|(item, ..)| key(&item["id"]))
        .collect();
    assert_eq!(ids[0], "18476289");
    assert_eq!(ids[1..], expected[..]);
    assert_eq!(ids.len(), 6);
    assert!(out.comment("18476289").get("parent").is_none());
    // The story's own number keeps everything.
    let all = import_text(&fixture(FIXTURE), None, Some("18475438"));
    assert_eq!(all.comments().len(), 145);
}

#[test]
fn a_story_with_text_has_it_as_paragraphs() {
    let ask = json!({
        "id": 1, "created_at_i": 1_600_000_000, "type": "story", "author": "pg",
        "title": "Ask HN: Quotes?", "points": 5,
        "text": "First &amp; <i>second</i><p>See <a href=\"https://a.org/\">the site</a></p>",
        "children": [
            { "id": 2, "created_at_i": 1_600_000_100, "author": "pg", "text": "Me<p>&gt; quoted", "children": [] },
            { "id": 3, "created_at_i": 1_600_000_200, "author": "x", "text": "<p></p>", "children": [] }
        ]
    });
    let out = import_text(&ask.to_string(), None, None);
    assert_eq!(
        out.json["article"]["body"],
        json!([{ "paragraph": "First & second" }, { "paragraph": "See the site (https://a.org/)" }])
    );
    assert_eq!(out.with_badge("op"), vec!["2"]);
    assert_eq!(
        out.comment("2")["body"],
        json!([{ "paragraph": ["Me"] }, { "quote": [{ "paragraph": ["quoted"] }] }])
    );
    // Nothing but markup: the source is shown as text, since a body needs some.
    assert_eq!(
        out.comment("3")["body"],
        json!([{ "paragraph": ["<p></p>"] }])
    );
}
