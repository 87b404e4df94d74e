//! The Discourse importer on real topics (fixtures/SOURCES.md): counts and the tree
//! checked against the source JSON, values checked by hand, and edited copies for
//! what the fixtures lack (deleted, hidden and whispered posts, small actions without
//! text, a page without a title or slug, bad shapes).

mod common;

use std::collections::BTreeMap;

use common::{
    discourse_expected, discourse_posts, fixture, import_text, key, never_panics, quote_heads, raw,
    rich_text,
};
use serde_json::{Value, json};
use threadview_import::{Format, ImportError, import};

/// `/t/2144/posts.json`: posts 1 to 21, no title.
const PAGE: &str = "discourse-cf-2144-posts.json";
/// `/t/57.json` from 2013: the title, posts 1, 2, 3 and 14; post 2 a moderator action.
const TOPIC_2013: &str = "discourse-try-2013-topic.json";
/// `/t/2108/posts.json?post_number=61`: posts 59 down to 37, a small action among them.
const NEWEST_FIRST: &str = "discourse-cf-2108-posts-page.json";
/// `/t/2108/452.json`: the title and posts 433 to 452.
const TOPIC_PAGE: &str = "discourse-cf-2108-topic-452.json";

fn imported(name: &str) -> common::Imported {
    import_text(&fixture(name), None, None)
}

fn with(value: &Value) -> common::Imported {
    import_text(&value.to_string(), Some(Format::Discourse), None)
}

#[track_caller]
fn error(value: &Value) -> String {
    match import(&value.to_string(), Some(Format::Discourse), None) {
        Ok(_) => panic!("imported"),
        Err(e) => e.to_string(),
    }
}

fn post_mut(topic: &mut Value, number: u64) -> &mut Value {
    topic["post_stream"]["posts"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["post_number"] == number)
        .unwrap()
}

/// Comments and their parents, by number, as the output has them.
fn tree(out: &common::Imported) -> BTreeMap<u64, Option<u64>> {
    out.comments()
        .iter()
        .map(|c| {
            (
                c["id"].as_u64().unwrap(),
                c.get("parent").and_then(Value::as_u64),
            )
        })
        .collect()
}

#[test]
fn every_post_but_the_first_with_its_parent() {
    for (name, count, roots) in [
        (PAGE, 19, 8),
        (TOPIC_2013, 3, 3),
        (NEWEST_FIRST, 20, 8),
        (TOPIC_PAGE, 20, 6),
    ] {
        let source = raw(name);
        let expected = discourse_expected(&source);
        let out = imported(name);
        assert_eq!(out.comments().len(), count, "{name}");
        assert_eq!(tree(&out), expected, "{name}");
        assert_eq!(out.loaded.thread.roots().len(), roots, "{name}");
        // Parents come before their replies.
        let mut seen = Vec::new();
        for c in out.comments() {
            if let Some(parent) = c.get("parent") {
                assert!(
                    seen.contains(parent),
                    "{name}: {} before its parent",
                    c["id"]
                );
            }
            seen.push(c["id"].clone());
        }
    }
}

#[test]
fn depth_follows_the_replies() {
    let out = imported(PAGE);
    // 20 answers 19, which answers 18, then 15, then 4, a reply to the topic.
    assert_eq!(out.depth("20"), 4);
    assert_eq!(out.depth("4"), 0);
    let index = out.loaded.thread.index_of(20.into()).unwrap();
    assert_eq!(out.loaded.thread.depth(index), 4);
}

#[test]
fn the_first_post_is_the_article_and_the_slug_its_headline() {
    let out = imported(PAGE);
    assert_eq!(
        out.json["article"],
        json!({
            "headline": "Kpop demon hunters",
            "body": [{ "paragraph": "This is a companion discussion topic for the original entry at https://curi.us/2607-kpop-demon-hunters" }],
            "author": "Elliot",
            "time": "2026-01-08T19:23:48Z"
        })
    );
    // No link in the file is between the forum's own pages: its address is unknown.
    let source = raw(PAGE);
    let internal = discourse_posts(&source)
        .iter()
        .flat_map(|p| p["link_counts"].as_array().cloned().unwrap_or_default())
        .filter(|l| l["internal"] == true)
        .count();
    assert_eq!(internal, 0);
    assert!(out.comments().iter().all(|c| c.get("url").is_none()));
}

#[test]
fn gaps_and_the_topic_count_are_noted() {
    let out = imported(PAGE);
    assert_eq!(
        out.json["notes"],
        json!([
            "Post 7 is not in this file (deleted, or on another page of the topic)",
            "The topic counts 30 posts and this file holds 20: the others are on other pages of the topic, or deleted"
        ])
    );
    let out = imported(TOPIC_2013);
    assert_eq!(
        out.json["notes"],
        json!(["Posts 4–13 are not in this file (deleted, or on other pages of the topic)"])
    );
}

#[test]
fn a_2013_topic_with_its_title_and_a_moderator_action() {
    let out = imported(TOPIC_2013);
    let article = &out.json["article"];
    assert_eq!(
        article["headline"],
        "THIS SITE IS A SANDBOX -- it is reset every day"
    );
    assert_eq!(article["author"], "samsaffron");
    // -05:00 in the source.
    assert_eq!(article["time"], "2013-02-04T20:26:26Z");
    assert_eq!(article["body"][0], json!({ "paragraph": "Welcome!" }));
    assert_eq!(
        article["body"][1],
        json!({ "subheading": "Try is a sandbox, a safe place to play with Discourse and its features." })
    );
    assert!(article.get("url").is_none());

    let action = out.comment("2");
    assert_eq!(action["kind"], "action");
    assert_eq!(action["author"], "samsaffron");
    assert_eq!(action["badges"], json!(["op"]));
    assert_eq!(
        action["body"],
        json!([{ "paragraph": ["This topic is now pinned. It will appear at the top of its category."] }])
    );
    assert_eq!(
        out.comments()
            .iter()
            .filter(|c| c["kind"] == "action")
            .count(),
        1
    );

    // Likes: the count of action 2 in actions_summary.
    assert_eq!(out.comment("3")["score"], 5);
    assert_eq!(out.comment("14")["score"], 5);
    assert_eq!(action["score"], 0);
    // 14 answers post 1: a reply to the topic.
    assert!(out.comment("14").get("parent").is_none());
    assert_eq!(out.comment("14")["time"], "2013-02-05T17:14:17Z");
    assert_eq!(
        out.comment("3")["body"],
        json!([{ "paragraph": [{ "link": { "href": "http://i288.photobucket.com/albums/ll164/stienman/ahh.gif", "text": ["image"] } }] }])
    );
}

#[test]
fn a_page_newest_first_with_a_small_action() {
    let source = raw(NEWEST_FIRST);
    let numbers: Vec<u64> = discourse_posts(&source)
        .iter()
        .map(|p| p["post_number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers.first(), Some(&59));
    assert_eq!(numbers.last(), Some(&37));
    let out = imported(NEWEST_FIRST);

    // No title and no post 1: the headline is the slug in words.
    let article = &out.json["article"];
    assert_eq!(
        article["headline"],
        "Comments on the boyfriends introduction to feminism"
    );
    assert_eq!(article["body"], json!([]));
    assert!(article.get("author").is_none());
    // A small action links to another topic of the forum: its address is known.
    let forum = "https://discuss.criticalfallibilism.com";
    let topic = format!("{forum}/t/comments-on-the-boyfriends-introduction-to-feminism/2108");
    assert_eq!(article["url"], topic.as_str());
    assert_eq!(article["site"], "discuss.criticalfallibilism.com");
    assert_eq!(out.comment("40")["url"], format!("{topic}/40"));

    let split = out.comment("51");
    assert_eq!(split["kind"], "action");
    assert_eq!(split["author"], "Elliot");
    assert_eq!(split["badges"], json!(["admin"]));
    assert_eq!(
        split["body"],
        json!([
            { "paragraph": ["Split the topic"] },
            { "paragraph": [
                "5 posts were merged into an existing topic: ",
                { "link": { "href": format!("{forum}/t/non-tribalist-politics-megathread/449/265"), "text": ["Non-Tribalist Politics Megathread"] } }
            ] }
        ])
    );

    // Replies to posts on other pages: raised, and named in finish's note only.
    let raised: Vec<u64> = discourse_posts(&source)
        .iter()
        .filter(|p| {
            p["reply_to_post_number"]
                .as_u64()
                .is_some_and(|n| n != 1 && !numbers.contains(&n))
        })
        .map(|p| p["post_number"].as_u64().unwrap())
        .collect();
    // Newest first, as the source lists them.
    assert_eq!(raised, [55, 54, 50, 43, 39, 38, 37]);
    assert_eq!(
        out.json["notes"],
        json!([
            "Posts 1–36, 52 and 56–57 are not in this file (deleted, or on other pages of the topic)",
            "The topic counts 446 posts and this file holds 20: the others are on other pages of the topic, or deleted",
            "Comments 37, 38, 39, 43, 50, 54 and 55: replies to a comment that is not in the source, shown at the top level"
        ])
    );
}

#[test]
fn a_topic_page_without_its_first_post() {
    let out = imported(TOPIC_PAGE);
    let article = &out.json["article"];
    assert_eq!(
        article["headline"],
        "Comments on The Boyfriend's Introduction to Feminism"
    );
    // From details.created_by and the topic's own time.
    assert_eq!(article["author"], "Elliot");
    assert_eq!(article["time"], "2025-09-25T19:11:21Z");
    assert_eq!(out.with_badge("op"), vec!["435", "436", "437"]);
    assert_eq!(out.with_badge("admin"), vec!["435", "436", "437"]);
    assert_eq!(
        out.json["notes"][0],
        "Posts 1–432 are not in this file (deleted, or on other pages of the topic)"
    );
    assert_eq!(out.json["notes"].as_array().unwrap().len(), 2);

    // A link preview is its titled link; a video, its title; an emoji, its code; a
    // picture that opens larger, a link named as its file.
    assert_eq!(
        out.comment("435")["body"][0],
        json!({ "paragraph": [{ "link": { "href": "https://www.tiktok.com/@whytematthew/photo/7580810274135903510", "text": ["TikTok - Make Your Day"] } }] })
    );
    // Every link preview is one link to what it previews, named by its title.
    let source = raw(TOPIC_PAGE);
    let mut previews = 0;
    for post in discourse_posts(&source) {
        let cooked = post["cooked"].as_str().unwrap();
        let body = out.comment(&key(&post["post_number"]))["body"].to_string();
        for part in cooked.split("<aside class=\"onebox").skip(1) {
            let part = &part[part.find("data-onebox-src=\"").unwrap() + 17..];
            let source = &part[..part.find('"').unwrap()];
            previews += 1;
            let link = format!("{{\"href\":\"{source}\",\"text\":[\"");
            assert_eq!(body.matches(&link).count(), 1, "{source}");
            assert!(!body.contains(&format!("{link}{source}")), "{source}");
        }
    }
    assert_eq!(previews, 5);
    let video = &out.comment("436")["body"][0]["paragraph"][0]["link"];
    assert_eq!(
        video["href"],
        "https://www.tiktok.com/@ollanicko/video/7583988830068313366"
    );
    assert_eq!(
        rich_text(&video["text"]).trim(),
        "#russianwoman #russia #russian #russiatoday"
    );
    assert!(rich_text(&out.comment("442")["body"]).contains(":rofl:"));
    let picture = &out.comment("444")["body"];
    assert!(
        picture.to_string().contains(
            r#"{"link":{"href":"https://discuss.criticalfallibilism.com/uploads/default/original/2X/0/009cd5b160d882f9b29fd211605be81da71d3192.png","text":["image"]}}"#
        ),
        "{picture}"
    );
    for c in out.comments() {
        let text = rich_text(&c["body"]);
        // No avatars, and no "1829×842 47 KB" under pictures.
        for noise in [" KB", "avatar", ".png"] {
            assert!(!text.contains(noise), "{}: {noise} in {text}", c["id"]);
        }
    }
}

#[test]
fn quotes_say_whom_they_quote() {
    for (name, named) in [(PAGE, 37), (NEWEST_FIRST, 50), (TOPIC_PAGE, 26)] {
        let source = raw(name);
        let out = imported(name);
        let mut total = 0;
        for post in discourse_posts(&source) {
            if post["post_number"] == 1 {
                continue;
            }
            let cooked = post["cooked"].as_str().unwrap();
            let mut names: Vec<String> = cooked
                .split("data-username=\"")
                .skip(1)
                .map(|rest| format!("{}:", &rest[..rest.find('"').unwrap()]))
                .collect();
            total += names.len();
            let comment = out.comment(&key(&post["post_number"]));
            let mut heads: Vec<String> = quote_heads(&comment["body"])
                .into_iter()
                .filter(|h| names.contains(h))
                .collect();
            names.sort();
            heads.sort();
            assert_eq!(heads, names, "{name}: post {}", post["post_number"]);
        }
        assert_eq!(total, named, "{name}");
    }
    let out = imported(PAGE);
    assert_eq!(
        out.comment("13")["body"][0],
        json!({ "quote": [{ "paragraph": ["anonymous45:"] }, { "paragraph": ["LoLE dynamics"] }] })
    );
}

#[test]
fn links_from_the_cooked_html() {
    // Every <a> in these two files is a link of the text; link previews are none.
    for (name, count) in [(PAGE, 2), (NEWEST_FIRST, 4)] {
        let source = raw(name);
        let in_source: usize = discourse_posts(&source)
            .iter()
            .filter(|p| p["post_number"] != 1)
            .map(|p| p["cooked"].as_str().unwrap().matches("<a ").count())
            .sum();
        assert_eq!(in_source, count);
        assert_eq!(imported(name).links(), count, "{name}");
    }
}

#[test]
fn the_topic_creator_gets_the_op_badge_and_staff_theirs() {
    let out = imported(PAGE);
    let elliot: Vec<String> = discourse_posts(&raw(PAGE))
        .iter()
        .filter(|p| p["username"] == "Elliot" && p["post_number"] != 1)
        .map(|p| key(&p["post_number"]))
        .collect();
    assert_eq!(elliot, ["6", "9", "18", "20"]);
    let sorted = |mut ids: Vec<String>| {
        ids.sort_by_key(|id| id.parse::<u64>().unwrap());
        ids
    };
    assert_eq!(sorted(out.with_badge("op")), elliot);
    // Elliot is an admin and a moderator: one badge says it.
    assert_eq!(sorted(out.with_badge("admin")), elliot);
    assert_eq!(out.with_badge("moderator"), Vec::<String>::new());
    let mut source = raw(PAGE);
    post_mut(&mut source, 3)["admin"] = json!(false);
    post_mut(&mut source, 3)["moderator"] = json!(true);
    assert_eq!(with(&source).with_badge("moderator"), ["3"]);
}

#[test]
fn edits_are_revisions_and_likes_the_score() {
    let out = imported(PAGE);
    let source = raw(PAGE);
    for post in discourse_posts(&source).iter().skip(1) {
        let comment = out.comment(&key(&post["post_number"]));
        if post["version"].as_u64().unwrap() > 1 {
            assert!(comment["edited"].is_string(), "{}", post["post_number"]);
        } else {
            // 18 was saved again 13 seconds later, with no new revision.
            assert!(comment.get("edited").is_none(), "{}", post["post_number"]);
        }
        let likes = post["actions_summary"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == 2)
            .map_or(0, |a| a["count"].as_i64().unwrap());
        assert_eq!(comment["score"], likes);
    }
    assert_eq!(out.comment("9")["edited"], "2026-01-13T17:05:30Z");
    assert_eq!(out.comment("14")["score"], 1);
}

#[test]
fn deleted_hidden_and_whispered_posts() {
    let mut source = raw(PAGE);
    post_mut(&mut source, 3)["deleted_at"] = json!("2026-01-12T00:00:00.000Z");
    post_mut(&mut source, 5)["user_deleted"] = json!(true);
    post_mut(&mut source, 5)["cooked"] = json!("<p>(post deleted by author)</p>");
    post_mut(&mut source, 4)["hidden"] = json!(true);
    post_mut(&mut source, 6)["post_type"] = json!(4);
    post_mut(&mut source, 10)["post_type"] = json!(4);
    let out = with(&source);
    for (id, state) in [("3", "deleted"), ("5", "deleted"), ("4", "removed")] {
        let comment = out.comment(id);
        assert_eq!(comment["state"], state);
        assert!(comment.get("author").is_none() && comment.get("body").is_none());
        assert!(comment["time"].is_string());
    }
    // Their replies stay under them.
    assert_eq!(out.comment("13")["parent"], 3);
    assert_eq!(out.comment("8")["parent"], 4);
    assert_eq!(out.comments().len(), 17);
    assert_eq!(
        out.json["notes"][0],
        "Posts 6 and 10 are staff whispers, which only staff saw: left out"
    );
    post_mut(&mut source, 10)["post_type"] = json!(1);
    assert_eq!(
        with(&source).json["notes"][0],
        "Post 6 is a staff whisper, which only staff saw: left out"
    );
}

#[test]
fn small_actions_say_what_was_done() {
    let mut source = raw(PAGE);
    let cases = [
        (2, "closed.enabled", None, "Closed the topic"),
        (
            3,
            "pinned_globally.disabled",
            None,
            "Unpinned the topic globally",
        ),
        (5, "invited_user", Some("alice"), "Invited alice"),
        (6, "slow_mode.enabled", None, "Slow mode enabled"),
    ];
    for (number, code, who, _) in cases {
        let post = post_mut(&mut source, number);
        post["post_type"] = json!(3);
        post["action_code"] = json!(code);
        post["action_code_who"] = json!(who);
        post["cooked"] = json!("");
    }
    let out = with(&source);
    for (number, _, _, said) in cases {
        let comment = out.comment(&number.to_string());
        assert_eq!(comment["kind"], "action");
        assert_eq!(comment["body"], json!([{ "paragraph": [said] }]));
    }
}

#[test]
fn a_headline_without_title_or_slug() {
    let mut source = raw(PAGE);
    for post in source["post_stream"]["posts"].as_array_mut().unwrap() {
        post["topic_slug"] = json!("topic");
    }
    // The first line of post 1, cut at a word.
    assert_eq!(
        with(&source).json["article"]["headline"],
        "This is a companion discussion topic for the original entry at…"
    );
    source["post_stream"]["posts"]
        .as_array_mut()
        .unwrap()
        .remove(0);
    let out = with(&source);
    assert_eq!(out.json["article"]["headline"], "Discourse topic 2144");
    assert_eq!(out.comments().len(), 19);
    assert!(
        out.json["notes"][0]
            .as_str()
            .unwrap()
            .starts_with("Posts 1 and 7 are not")
    );
}

#[test]
fn one_post_and_its_replies() {
    let text = fixture(PAGE);
    let out = import_text(&text, None, Some("4"));
    let ids: Vec<String> = out.comments().iter().map(|c| key(&c["id"])).collect();
    assert_eq!(ids, ["4", "8", "9", "15", "18", "19", "20", "21"]);
    assert!(out.comment("4").get("parent").is_none());
    let out = import_text(&text, None, Some("#13"));
    assert_eq!(out.comments().len(), 4);
    // Post 1 is the topic: all of it.
    assert_eq!(import_text(&text, None, Some("1")).comments().len(), 19);
    for missing in ["7", "99", "abc"] {
        assert_eq!(
            import(&text, None, Some(missing)),
            Err(ImportError::NoThread {
                thread: missing.to_string()
            })
        );
    }
}

#[test]
fn duplicates_and_cycles_in_an_edited_file() {
    let mut source = raw(PAGE);
    let copy = post_mut(&mut source, 12).clone();
    source["post_stream"]["posts"]
        .as_array_mut()
        .unwrap()
        .push(copy);
    post_mut(&mut source, 2)["reply_to_post_number"] = json!(3);
    post_mut(&mut source, 3)["reply_to_post_number"] = json!(2);
    let out = with(&source);
    assert_eq!(out.comments().len(), 19);
    let notes = out.json["notes"].as_array().unwrap();
    assert_eq!(
        notes[0],
        "Post 12 appeared more than once in the source; the first copy of each is kept, the later ones are left out"
    );
    assert!(notes.contains(&json!(
        "Comment 2: part of a cycle of replies in the source, shown at the top level"
    )));
    assert!(out.comment("2").get("parent").is_none());
    assert_eq!(out.comment("3")["parent"], 2);
}

#[test]
fn bad_shapes_are_placed() {
    let mut source = raw(PAGE);
    source["post_stream"]["posts"][3]["post_number"] = json!("x");
    assert_eq!(
        error(&source),
        "post_stream.posts[3]: \"post_number\" is a number; this is the string \"x\""
    );
    let mut source = raw(PAGE);
    source["post_stream"]["posts"][5]["reply_to_post_number"] = json!(0);
    assert_eq!(
        error(&source),
        "post_stream.posts[5]: \"reply_to_post_number\" is a post number, from 1, or null; this is the number 0"
    );
    let mut source = raw(PAGE);
    source["post_stream"]["posts"][2]["created_at"] = json!("yesterday");
    assert_eq!(
        error(&source),
        "post_stream.posts[2]: \"created_at\" is a time like 2017-05-03T02:23:54.000Z; this is the string \"yesterday\""
    );
    let mut source = raw(PAGE);
    source["post_stream"]["posts"][1]["username"] = Value::Null;
    source["post_stream"]["posts"][1]["name"] = Value::Null;
    assert_eq!(
        error(&source),
        "post_stream.posts[1]: \"username\" is the author's username; this is null"
    );
    let mut source = raw(PAGE);
    source["post_stream"]["posts"][2]["actions_summary"] = json!([7]);
    assert_eq!(
        error(&source),
        "post_stream.posts[2].actions_summary[0]: an action is an object with \"id\" and \"count\"; this is the number 7"
    );
    let mut source = raw(PAGE);
    source["post_stream"]["posts"][4] = json!([]);
    assert_eq!(
        error(&source),
        "post_stream.posts[4]: a post is an object with \"post_number\"; this is an empty array"
    );
    assert_eq!(
        error(&json!({ "post_stream": { "posts": {} } })),
        "post_stream: \"posts\" is an array of posts; this is an empty object"
    );
    assert_eq!(
        error(&json!({ "post_stream": [] })),
        "post_stream: an object with \"posts\"; this is an empty array"
    );
    assert_eq!(
        import(r#"{"post_stream": {"posts": []}, "id": 5}"#, None, None),
        Err(ImportError::NoComments {
            why: "its post stream holds no posts".to_string()
        })
    );
    let e = error(&raw("hn-algolia-18475438.json"));
    assert!(
        e.starts_with("a Discourse topic is an object with \"post_stream\", which holds \"posts\"; this is an object with keys"),
        "{e}"
    );
    assert!(
        e.ends_with("it looks like a Hacker News item (import it as hn)"),
        "{e}"
    );
}

#[test]
fn cut_and_altered_files_never_panic() {
    let replacements = [
        json!(null),
        json!({}),
        json!(-1),
        json!(1),
        json!("<aside class=\"quote\"><blockquote>"),
    ];
    for name in [PAGE, TOPIC_2013, NEWEST_FIRST] {
        never_panics(&fixture(name), 4099, 80, &replacements, "2");
    }
}

#[test]
fn a_forum_in_a_folder() {
    let topic = json!({
        "id": 9, "title": "Hello", "slug": "hello",
        "post_stream": { "posts": [
            { "post_number": 1, "username": "alice", "created_at": "2024-01-01T00:00:00Z",
              "cooked": "<p>Hi</p>", "post_url": "/forum/t/hello/9/1" },
            { "post_number": 2, "username": "bob", "created_at": "2024-01-02T00:00:00Z",
              "cooked": "<p><a class=\"mention\" href=\"/forum/u/alice\">@alice</a> see <a href=\"//cdn.example/x.png\">x</a></p>",
              "post_url": "/forum/t/hello/9/2",
              "link_counts": [{ "url": "https://example.org/forum/t/other/5/1", "internal": true, "clicks": 0 }] }
        ] }
    });
    let out = with(&topic);
    assert_eq!(
        out.json["article"]["url"],
        "https://example.org/forum/t/hello/9"
    );
    assert_eq!(out.json["article"]["site"], "example.org");
    let reply = out.comment("2");
    assert_eq!(reply["url"], "https://example.org/forum/t/hello/9/2");
    assert_eq!(
        reply["body"],
        json!([{ "paragraph": [
            { "link": { "href": "https://example.org/forum/u/alice", "text": ["@alice"] } },
            " see ",
            { "link": { "href": "//cdn.example/x.png", "text": ["x"] } }
        ] }])
    );
    // No score where the file counts no likes.
    assert!(reply.get("score").is_none());
    assert!(reply.get("badges").is_none());
}
