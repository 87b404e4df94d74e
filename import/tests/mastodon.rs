//! The Mastodon importer on real contexts from 2017 (fixtures/SOURCES.md), one with
//! string ids and one with the numbers Mastodon wrote before 2.0, and on a context
//! written here in today's shape for what those lack: the status itself, content
//! warnings, custom emoji, shortened links, media, a poll, limited visibility.

mod common;

use common::{fixture, import_text, key, mastodon_statuses, never_panics, raw};
use serde_json::{Value, json};
use threadview_import::{Format, ImportError, import};

const STRING_IDS: &str = "mastodon-context-2017-string-ids.json";
const NUMERIC_IDS: &str = "mastodon-context-2017-numeric-ids.json";

fn with(value: &Value) -> common::Imported {
    import_text(&value.to_string(), Some(Format::Mastodon), None)
}

#[track_caller]
fn error(value: &Value) -> String {
    match import(&value.to_string(), Some(Format::Mastodon), None) {
        Ok(_) => panic!("imported"),
        Err(e) => e.to_string(),
    }
}

fn account(acct: &str) -> Value {
    let username = acct.split('@').next().unwrap();
    json!({ "id": "1", "username": username, "acct": acct, "display_name": "Someone :blobcat:",
            "url": format!("https://example.social/@{username}"), "emojis": [] })
}

/// A status in today's shape.
fn status(id: &str, parent: Option<&str>, acct: &str, minute: u32, content: &str) -> Value {
    json!({
        "id": id,
        "created_at": format!("2024-03-01T10:{minute:02}:00.000Z"),
        "edited_at": null,
        "in_reply_to_id": parent,
        "in_reply_to_account_id": null,
        "sensitive": false,
        "spoiler_text": "",
        "visibility": "public",
        "language": "en",
        "uri": format!("https://example.social/users/{acct}/statuses/{id}"),
        "url": format!("https://example.social/@{acct}/{id}"),
        "replies_count": 0,
        "reblogs_count": 0,
        "favourites_count": minute,
        "content": content,
        "reblog": null,
        "account": account(acct),
        "media_attachments": [],
        "mentions": [],
        "tags": [],
        "emojis": [],
        "card": null,
        "poll": null
    })
}

/// The status asked for (`1`, by alice), its parent (`0`) and six replies.
fn thread() -> Value {
    let mut warned = status(
        "3",
        Some("1"),
        "carol@other.example",
        3,
        "<p>The ending :blobcat:</p>",
    );
    warned["spoiler_text"] = json!("Film spoilers");
    warned["sensitive"] = json!(true);
    warned["emojis"] = json!([{ "shortcode": "blobcat", "url": "https://example.social/emoji/blobcat.png",
                                "static_url": "https://example.social/emoji/blobcat.png", "visible_in_picker": true }]);
    let mut pictured = status("4", Some("2"), "alice", 4, "<p>Here it is</p>");
    pictured["sensitive"] = json!(true);
    pictured["media_attachments"] = json!([
        { "id": "9", "type": "image", "url": "https://files.example.social/cat.png",
          "preview_url": "https://files.example.social/cat-small.png", "description": "A cat on a chair" },
        { "id": "10", "type": "video", "url": "/relative.mp4", "description": null }
    ]);
    let mut voted = status("5", Some("1"), "dave", 5, "<p>Which one?</p>");
    voted["poll"] = json!({ "id": "7", "options": [
        { "title": "Tea", "votes_count": 1 }, { "title": "Coffee", "votes_count": 3 } ] });
    let mut private = status("6", Some("2"), "erin", 6, "<p>Followers only</p>");
    private["visibility"] = json!("private");
    let mut direct = status("7", Some("1"), "frank", 7, "<p>Just between us</p>");
    direct["visibility"] = json!("direct");
    let mut first = status(
        "1",
        Some("0"),
        "alice",
        1,
        "<p>Reading list:<br><a href=\"https://example.org/a/very/long/path/to/an/article\" rel=\"nofollow noopener\" target=\"_blank\"><span class=\"invisible\">https://</span><span class=\"ellipsis\">example.org/a/very/long/pat</span><span class=\"invisible\">h/to/an/article</span></a> <a href=\"https://example.social/tags/books\" class=\"mention hashtag\" rel=\"tag\">#<span>books</span></a></p>",
    );
    first["edited_at"] = json!("2024-03-01T11:00:00.000Z");
    json!({
        "status": first,
        "ancestors": [status("0", None, "zed", 0, "<p>What are you reading?</p>")],
        "descendants": [
            status("2", Some("1"), "bob", 2,
                "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://example.social/@alice\" class=\"u-url mention\">@<span>alice</span></a></span> Great <img class=\"custom-emoji\" alt=\":heart_cat:\" src=\"https://other.example/e.png\"></p>"),
            warned, pictured, voted, private, direct
        ]
    })
}

#[test]
fn string_ids_the_earliest_status_as_the_article() {
    let source = raw(STRING_IDS);
    let statuses = mastodon_statuses(&source);
    assert_eq!(statuses.len(), 3);
    let out = import_text(&fixture(STRING_IDS), None, None);
    // The first ancestor is the earliest and the thread's start: the article, once.
    assert_eq!(
        out.json["article"],
        json!({
            "headline": "何年ぶりだろう。「ミラノサンド」と発音したのは",
            "body": [
                { "paragraph": "何年ぶりだろう。「ミラノサンド」と発音したのは" },
                { "paragraph": "[Image] (https://media.mstdn.jp/images/media_attachments/files/000/443/773/original/f1e20bf4332c4cf0.jpeg)" }
            ],
            "author": "test@mstdn.onosendai.jp",
            "time": "2017-05-03T02:23:54Z",
            "url": "https://mstdn.onosendai.jp/users/test/updates/3606",
            "site": "mstdn.onosendai.jp"
        })
    );
    let ids: Vec<&Value> = out.comments().iter().map(|c| &c["id"]).collect();
    assert_eq!(ids, [&json!("6884692"), &json!("6886129")]);
    for (status, comment) in statuses[1..].iter().zip(out.comments()) {
        assert_eq!(comment["id"], status["id"]);
        assert_eq!(comment["author"], status["account"]["acct"]);
        assert_eq!(comment["score"], status["favourites_count"]);
        assert_eq!(comment["url"], status["url"]);
    }
    // 6884692 answers the article; 6886129 answers the status the context is for,
    // which a context leaves out.
    assert!(out.comments().iter().all(|c| c.get("parent").is_none()));
    assert_eq!(
        out.json["notes"],
        json!([
            "Comment 6886129: reply to a comment that is not in the source, shown at the top level"
        ])
    );
    assert_eq!(
        out.comment("6884692")["body"],
        json!([{ "paragraph": [
            { "link": { "href": "https://mstdn.onosendai.jp/@test", "text": ["@test"] } },
            " \n引っ越してドトールない街に移ったのでやけに美味しそう"
        ] }])
    );
    assert_eq!(out.comment("6884692")["time"], "2017-05-03T02:24:42Z");
}

#[test]
fn numeric_ids_from_before_mastodon_2() {
    let source = raw(NUMERIC_IDS);
    assert!(source["ancestors"][0]["id"].is_u64());
    // Both statuses are for followers only: nothing to show.
    assert_eq!(
        import(&fixture(NUMERIC_IDS), None, None),
        Err(ImportError::NoComments {
            why: "every status in it is for followers or mentioned people only".to_string()
        })
    );
    let mut public = source.clone();
    for key in ["ancestors", "descendants"] {
        for status in public[key].as_array_mut().unwrap() {
            status["visibility"] = json!("public");
        }
    }
    let out = with(&public);
    assert_eq!(out.json["article"]["headline"], "@USER2 hi😀");
    assert_eq!(out.json["article"]["author"], "USER1");
    // Times without a zone are read as UTC.
    assert_eq!(out.json["article"]["time"], "2017-04-27T06:34:06Z");
    let reply = &out.comments()[0];
    assert_eq!(
        reply["id"],
        json!(4170681),
        "a number, as the source has it"
    );
    assert!(reply.get("parent").is_none());
    assert_eq!(reply["badges"], json!(["op"]));
    assert_eq!(
        out.json["notes"],
        json!([
            "Comment 4170681: reply to a comment that is not in the source, shown at the top level"
        ])
    );
    // A reply to a numbered status in the file is under it, numbers on both sides.
    public["descendants"][0]["in_reply_to_id"] = json!(4162139);
    let extra = {
        let mut s = public["descendants"][0].clone();
        s["id"] = json!(4170700);
        s["in_reply_to_id"] = json!(4170681);
        s
    };
    public["descendants"].as_array_mut().unwrap().push(extra);
    let out = with(&public);
    assert_eq!(out.comment("4170700")["parent"], json!(4170681));
    assert!(out.comment("4170681").get("parent").is_none());
    assert!(out.json.get("notes").is_none());
}

#[test]
fn the_status_itself_is_the_article() {
    let out = with(&thread());
    let article = &out.json["article"];
    assert_eq!(article["headline"], "Reading list:");
    assert_eq!(article["author"], "alice");
    assert_eq!(article["url"], "https://example.social/@alice/1");
    assert_eq!(article["site"], "example.social");
    assert_eq!(
        article["body"],
        json!([{ "paragraph": "Reading list:\nexample.org/a/very/long/pat… (https://example.org/a/very/long/path/to/an/article) #books (https://example.social/tags/books)" }])
    );
    let ids: Vec<String> = out.comments().iter().map(|c| key(&c["id"])).collect();
    assert_eq!(ids, ["2", "4", "3", "5"]);
    assert!(out.comment("2").get("parent").is_none());
    assert_eq!(out.comment("4")["parent"], "2");
    assert_eq!(out.with_badge("op"), ["4"]);
    assert_eq!(
        out.json["notes"],
        json!([
            "Statuses 6 and 7 are for followers or for the people mentioned only: left out",
            "The status answers an earlier status, which is left out: the page starts at the status"
        ])
    );
}

#[test]
fn content_warnings_custom_emoji_media_and_polls() {
    let out = with(&thread());
    let warned = out.comment("3");
    assert_eq!(warned["warning"], "Film spoilers");
    assert_eq!(
        warned["body"],
        json!([{ "paragraph": ["The ending :blobcat:"] }])
    );
    assert_eq!(warned["author"], "carol@other.example");
    assert_eq!(warned["score"], 3);
    let loaded = &out.loaded.discussion.comments;
    assert!(
        loaded
            .iter()
            .any(|c| c.warning.as_deref() == Some("Film spoilers"))
    );
    assert_eq!(
        out.comments()
            .iter()
            .filter(|c| c.get("warning").is_some())
            .count(),
        1
    );

    // Another server's custom emoji, sent as an image: its code.
    assert_eq!(
        out.comment("2")["body"],
        json!([{ "paragraph": [
            { "link": { "href": "https://example.social/@alice", "text": ["@alice"] } },
            " Great :heart_cat:"
        ] }])
    );
    assert_eq!(
        out.comment("4")["body"],
        json!([
            { "paragraph": ["Here it is"] },
            { "paragraph": [{ "link": { "href": "https://files.example.social/cat.png",
                                       "text": ["[Image, marked sensitive: A cat on a chair]"] } }] },
            { "paragraph": ["[Video, marked sensitive]"] }
        ])
    );
    assert_eq!(
        out.comment("5")["body"],
        json!([
            { "paragraph": ["Which one?"] },
            { "list": { "ordered": false, "items": [
                [{ "paragraph": ["Tea (1 vote)"] }], [{ "paragraph": ["Coffee (3 votes)"] }]
            ] } }
        ])
    );
}

#[test]
fn a_warning_is_the_headline_of_a_warned_article() {
    let mut context = thread();
    context["status"]["spoiler_text"] = json!("Long thread about books");
    let out = with(&context);
    assert_eq!(out.json["article"]["headline"], "Long thread about books");
    context["status"]["spoiler_text"] = json!("");
    context["status"]["content"] = json!("");
    let out = with(&context);
    assert_eq!(out.json["article"]["headline"], "A status by alice");
    assert_eq!(out.json["article"]["body"], json!([]));
}

#[test]
fn without_the_status_the_earliest_stands_in_once() {
    let mut context = thread();
    context.as_object_mut().unwrap().remove("status");
    context["ancestors"] = json!([]);
    // Listed out of order: the earliest is 2, at 10:02.
    context["descendants"].as_array_mut().unwrap().reverse();
    let out = with(&context);
    assert_eq!(out.json["article"]["author"], "bob");
    assert_eq!(out.json["article"]["time"], "2024-03-01T10:02:00Z");
    let ids: Vec<String> = out.comments().iter().map(|c| key(&c["id"])).collect();
    assert!(!ids.contains(&"2".to_string()));
    assert_eq!(ids.len(), 3);
    // 4 answers the article; 3 and 5 answer the status the file lacks.
    assert!(out.comment("4").get("parent").is_none());
    assert_eq!(
        out.json["notes"][1],
        "Comments 5 and 3: replies to a comment that is not in the source, shown at the top level"
    );
}

#[test]
fn a_boost_is_read_as_the_status_it_boosts() {
    let mut context = thread();
    let boosted = context["descendants"][0].clone();
    let mut boost = status("99", None, "booster", 9, "");
    boost["reblog"] = boosted;
    context["descendants"][0] = boost;
    let out = with(&context);
    assert_eq!(out.comment("2")["author"], "bob");
    assert!(out.comments().iter().all(|c| c["id"] != "99"));
}

#[test]
fn one_status_and_its_replies() {
    let text = thread().to_string();
    let out = import_text(&text, None, Some("2"));
    let ids: Vec<String> = out.comments().iter().map(|c| key(&c["id"])).collect();
    assert_eq!(ids, ["2", "4"]);
    assert_eq!(import_text(&text, None, Some("1")).comments().len(), 4);
    assert_eq!(
        import(&text, None, Some("6")),
        Err(ImportError::NoThread {
            thread: "6".to_string()
        })
    );
    let out = import_text(&fixture(STRING_IDS), None, Some("6886129"));
    assert_eq!(out.comments().len(), 1);
}

#[test]
fn every_status_is_kept_in_a_longer_context() {
    // Forty statuses, each answering one before it: parents first, all kept.
    let mut descendants = Vec::new();
    for i in 1..40u32 {
        let parent = (i / 2).to_string();
        descendants.push(status(
            &i.to_string(),
            Some(&parent),
            "someone",
            i,
            "<p>x</p>",
        ));
    }
    descendants.reverse();
    let context = json!({ "ancestors": [status("0", None, "root", 0, "<p>root</p>")],
                          "descendants": descendants });
    let out = with(&context);
    assert_eq!(out.comments().len(), 39);
    for c in out.comments() {
        let id: u32 = key(&c["id"]).parse().unwrap();
        let parent = c.get("parent").map(|p| key(p).parse::<u32>().unwrap());
        assert_eq!(parent, (id / 2 > 0).then_some(id / 2));
    }
    // 39, 19, 9, 4, 2, then 1 at the top level.
    assert_eq!(out.depth("39"), 5);
    assert!(out.json.get("notes").is_none());
}

#[test]
fn bad_shapes_are_placed() {
    let mut context = thread();
    context["descendants"][2]["account"] = Value::Null;
    assert_eq!(
        error(&context),
        "descendants[2].account: the author's account is an object with \"acct\"; this is null"
    );
    let mut context = thread();
    context["descendants"][0]["id"] = json!("no spaces please");
    assert_eq!(
        error(&context),
        "descendants[0]: \"id\" is a status id: a number, or a string of 1 to 64 of A-Z a-z 0-9 _ -; this is the string \"no spaces please\""
    );
    let mut context = thread();
    context["ancestors"][0]["created_at"] = json!(5);
    assert_eq!(
        error(&context),
        "ancestors[0]: \"created_at\" is a string; this is the number 5"
    );
    let mut context = thread();
    context["status"]["media_attachments"] = json!(["cat.png"]);
    assert_eq!(
        error(&context),
        "status.media_attachments[0]: an attachment is an object with \"type\" and \"url\"; this is the string \"cat.png\""
    );
    let mut context = thread();
    context["descendants"] = json!({});
    assert_eq!(
        error(&context),
        "\"descendants\" is an array of statuses; this is an empty object"
    );
    assert_eq!(
        error(&json!({ "ancestors": [], "descendants": [] })),
        "the export holds no comments to show: the context has no ancestors and no descendants"
    );
    let e = error(&json!({ "ancestors": [] }));
    assert_eq!(
        e,
        "a Mastodon context is an object with \"ancestors\" and \"descendants\" (and, optionally, \
         the status itself under \"status\"); this is an object with keys ancestors"
    );
    let e = error(&raw("reddit-toolgifs-2022.json"));
    assert!(
        e.ends_with("it looks like a Reddit thread (import it as reddit)"),
        "{e}"
    );
}

#[test]
fn cut_and_altered_files_never_panic() {
    let replacements = [
        json!(null),
        json!({}),
        json!(-1),
        json!(7),
        json!("<span class=\"ellipsis\">"),
    ];
    for text in [
        fixture(STRING_IDS),
        fixture(NUMERIC_IDS),
        thread().to_string(),
    ] {
        never_panics(&text, 97, 0, &replacements, "2");
    }
}
