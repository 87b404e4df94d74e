//! The Disqus importer on three exports (fixtures/SOURCES.md): a real single-thread one,
//! a real multi-thread one cut down, and isso's edge cases. Counts, trees and what is
//! left out are checked against the source read by plain string search
//! (`common::disqus_posts`); a few values by hand.

mod common;

use std::collections::BTreeMap;

use common::{
    Imported, disqus_posts, disqus_threads, fixture, import_error, import_text, in_thread_order,
    key,
};
use serde_json::{Value, json};
use threadview_import::{Format, ImportError};

const ISSO: &str = "disqus-isso-edgecases.xml";
const TURKISH: &str = "disqus-yesilmavihayat-tr.xml";
const TANGLEI: &str = "disqus-tanglei-zh.xml";

fn thread(name: &str, thread: &str) -> Imported {
    import_text(&fixture(name), None, Some(thread))
}

/// The posts of a thread that are not spam, by id: (parent, deleted).
fn expected(name: &str, thread: &str) -> BTreeMap<String, (Option<String>, bool)> {
    disqus_posts(&fixture(name))
        .into_iter()
        .filter(|p| p.thread == thread && !p.spam)
        .map(|p| (p.id, (p.parent, p.deleted)))
        .collect()
}

/// Checks an imported thread against the source: the same posts, parents and deleted
/// posts, deleted ones without name or text, and in order.
fn check_against_source(name: &str, thread_id: &str, out: &Imported) {
    let expected = expected(name, thread_id);
    let found: BTreeMap<String, (Option<String>, bool)> = out
        .comments()
        .iter()
        .map(|c| {
            (
                key(&c["id"]),
                (c.get("parent").map(key), c["state"] == "deleted"),
            )
        })
        .collect();
    assert_eq!(found, expected, "{name}, thread {thread_id}");
    for c in out.comments() {
        if c["state"] == "deleted" {
            assert!(c.get("author").is_none() && c.get("body").is_none(), "{c}");
        } else {
            assert!(c["author"].is_string() && c["body"].is_array(), "{c}");
        }
    }
    assert!(
        in_thread_order(out),
        "{name}, thread {thread_id}: out of order"
    );
    for marker in ["privacy-check", "192.0.2."] {
        assert!(!out.json.to_string().contains(marker), "{marker}");
    }
}

#[test]
fn one_thread_imports_without_naming_it() {
    let source = fixture(TURKISH);
    let posts = disqus_posts(&source);
    assert_eq!(posts.len(), 51);
    let out = import_text(&source, None, None);
    check_against_source(TURKISH, "9796275722", &out);
    assert_eq!(out.comments().len(), 51);
    assert_eq!(out.loaded.thread.roots().len(), 51, "no post has a parent");
    assert_eq!(
        out.json["article"],
        json!({
            "headline": "Yeşil Mavi Hayat",
            "body": [],
            "author": "Doruk Gezici",
            "time": "2023-08-01T11:22:24Z",
            "url": "https://yesilmavihayat.com/yorumlar",
            "site": "yesilmavihayat"
        })
    );
    assert!(out.json.get("notes").is_none());
    // The file lists them by time already: the same order.
    let ids: Vec<String> = out.comments().iter().map(|c| key(&c["id"])).collect();
    let source_ids: Vec<String> = posts.iter().map(|p| p.id.clone()).collect();
    assert_eq!(ids, source_ids);
    for (post, c) in posts.iter().zip(out.comments()) {
        assert_eq!(c["time"].as_str(), post.created.as_deref());
        assert_eq!(
            c["url"],
            format!("https://yesilmavihayat.com/yorumlar#comment-{}", post.id)
        );
    }
}

#[test]
fn deleted_posts_keep_their_place_but_not_their_text() {
    let source = fixture(TURKISH);
    let deleted: Vec<_> = disqus_posts(&source)
        .into_iter()
        .filter(|p| p.deleted)
        .collect();
    assert_eq!(deleted.len(), 2);
    // The export keeps their names and text…
    assert_eq!(deleted[0].message.as_deref(), Some("<p>Deneme</p>"));
    assert_eq!(deleted[0].author.as_deref(), Some("Deneme"));
    let out = import_text(&source, None, None);
    assert_eq!(out.with_state("deleted"), 2);
    // …the file keeps neither.
    for post in &deleted {
        let c = out.comment(&post.id);
        assert_eq!(
            c,
            &json!({
                "id": post.id.parse::<u64>().unwrap(),
                "time": post.created.as_deref().unwrap(),
                "state": "deleted",
                "url": format!("https://yesilmavihayat.com/yorumlar#comment-{}", post.id)
            })
        );
    }
    let text = out.json.to_string();
    assert!(!text.contains("Deneme"));
}

#[test]
fn html_messages_become_rich_text() {
    let out = import_text(&fixture(TURKISH), None, None);
    let c = out.comment("6250157256");
    assert_eq!(c["author"], "Binnur Şenocak Özgü");
    assert!(
        c["body"][0]["paragraph"][0]
            .as_str()
            .unwrap()
            .starts_with("Öncelikle arkasında çok büyük")
    );
    // <br> is a line break; several <p> several paragraphs.
    let breaks = out
        .comments()
        .iter()
        .filter(|c| c["body"].to_string().contains("\\n"))
        .count();
    assert!(breaks >= 5, "{breaks}");
    let link = out
        .comments()
        .iter()
        .find(|c| c["body"].to_string().contains("uploads.disquscdn.com"))
        .unwrap();
    assert_eq!(out.links(), 1);
    assert!(
        link["body"]
            .to_string()
            .contains("\"href\":\"https://uploads.disquscdn.com/images/")
    );
}

#[test]
fn many_threads_are_listed_to_pick_from() {
    let e = import_error(&fixture(TANGLEI), None, None);
    let ImportError::ManyThreads { count, threads } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(*count, 6);
    assert_eq!(
        threads[0],
        "4516623578  \"保研个人陈述等材料分享\" (163 comments)  \
         http://www.tanglei.name/blog/baoyan-experiences-share.html"
    );
    assert_eq!(
        threads[5],
        "4516576144  \"java关键字strictfp,transient\" (3 comments)  \
         http://www.tanglei.name/javakeywords-strictfptransient/"
    );
    let message = e.to_string();
    assert!(
        message.starts_with("this export holds 6 threads with comments: pick one with --thread ID"),
        "{message}"
    );
    assert!(
        message.contains("\n  4590133152  \"毕业了\" (25 comments)  "),
        "{message}"
    );

    let e = import_error(&fixture(ISSO), Some(Format::Disqus), None);
    assert_eq!(
        e,
        ImportError::ManyThreads {
            count: 3,
            threads: vec![
                "2  \"Hello, World!\" (4 comments)  http://example.org/".to_string(),
                "7  \"localhost:4000/blog/2013/02/12/redacted/index.html\" (1 comment)  \
                 http://localhost:4000/blog/2013/02/12/redacted/index.html"
                    .to_string(),
                "1337  \"Disqus thread 1337\" (1 comment)".to_string(),
            ]
        }
    );
}

#[test]
fn every_thread_with_comments_against_the_source() {
    let source = fixture(TANGLEI);
    let threads = disqus_threads(&source);
    let posts = disqus_posts(&source);
    assert_eq!((threads.len(), posts.len()), (9, 243));
    assert!(posts.iter().all(|p| !p.spam));
    let mut imported = 0;
    let mut deleted = 0;
    for t in &threads {
        let count = posts.iter().filter(|p| p.thread == t.id).count();
        if count == 0 {
            continue;
        }
        let out = thread(TANGLEI, &t.id);
        check_against_source(TANGLEI, &t.id, &out);
        assert_eq!(out.comments().len(), count);
        assert_eq!(out.json["article"]["headline"].as_str(), t.title.as_deref());
        assert_eq!(out.json["article"]["url"].as_str(), t.link.as_deref());
        assert_eq!(out.json["article"]["site"], "hexo-tanglei");
        deleted += out.with_state("deleted");
        imported += 1;
    }
    assert_eq!((imported, deleted), (6, 5));
}

#[test]
fn replies_keep_their_depth() {
    let source = fixture(TANGLEI);
    let posts = disqus_posts(&source);
    let parents: BTreeMap<&str, Option<&str>> = posts
        .iter()
        .map(|p| (p.id.as_str(), p.parent.as_deref()))
        .collect();
    let out = thread(TANGLEI, "4516623578");
    let replies = out
        .comments()
        .iter()
        .filter(|c| c.get("parent").is_some())
        .count();
    assert_eq!(replies, 77);
    for c in out.comments() {
        let id = key(&c["id"]);
        let mut depth = 0;
        let mut at = parents[id.as_str()];
        while let Some(parent) = at {
            depth += 1;
            at = parents[parent];
        }
        assert_eq!(out.depth(&id), depth);
    }
    let deepest = out
        .comments()
        .iter()
        .map(|c| out.depth(&key(&c["id"])))
        .max();
    assert_eq!(deepest, Some(3));
}

#[test]
fn the_thread_author_gets_the_op_badge() {
    let source = fixture(TANGLEI);
    let op: Vec<String> = disqus_posts(&source)
        .into_iter()
        .filter(|p| p.thread == "4516623578" && p.username.as_deref() == Some("tangleithu"))
        .map(|p| p.id)
        .collect();
    assert_eq!(op.len(), 3);
    let out = thread(TANGLEI, "4516623578");
    assert_eq!(out.with_badge("op"), op);
    assert_eq!(out.json["article"]["author"], "tanglei");
    // Names alone do not make the author: isso's guest "user" has no thread author.
    let out = thread(ISSO, "2");
    assert!(out.with_badge("op").is_empty());
}

#[test]
fn a_thread_by_its_id_identifier_or_link() {
    let by_id = thread(TANGLEI, "4516577377");
    for other in [
        "blog/postgraduate-interview-in-tsinghua.html",
        "http://www.tanglei.name/blog/postgraduate-interview-in-tsinghua.html",
        "https://www.tanglei.name/blog/postgraduate-interview-in-tsinghua.html/",
        "  4516577377 ",
    ] {
        assert_eq!(thread(TANGLEI, other).json, by_id.json, "{other}");
    }
    // An identifier with a space in it, as WordPress's Disqus plugin wrote them.
    let graduation = thread(TANGLEI, "1821 http://www.tanglei.name/?p=1821");
    assert_eq!(
        graduation.json["article"]["url"],
        "http://www.tanglei.name/graduation/"
    );
    // isso's thread 2 by its identifier and by its link without the final slash.
    let hello = thread(ISSO, "2");
    assert_eq!(thread(ISSO, "some-id").json, hello.json);
    assert_eq!(thread(ISSO, "https://example.org").json, hello.json);
}

#[test]
fn isso_edge_cases() {
    let out = thread(ISSO, "2");
    assert_eq!(
        out.json["article"],
        json!({
            "headline": "Hello, World!", "body": [], "author": "Baz",
            "time": "2012-12-12T12:12:12Z", "url": "http://example.org/", "site": "disqusdev"
        })
    );
    check_against_source(ISSO, "2", &out);
    // By time, the file's order between 4 and 9, which have the same.
    let ids: Vec<String> = out.comments().iter().map(|c| key(&c["id"])).collect();
    assert_eq!(ids, ["4", "9", "5", "11"]);
    assert_eq!(
        out.comment("4"),
        &json!({ "id": 4, "author": "peter", "time": "2013-10-10T19:20:29Z",
                 "url": "http://example.org/#comment-4", "body": [{ "paragraph": ["..."] }] })
    );
    assert_eq!(out.comment("11")["parent"], 9);
    assert_eq!(out.comment("9")["state"], "deleted");
    assert_eq!(
        out.comment("5")["body"],
        json!([{ "paragraph": ["Hello, World."] }])
    );

    // An empty title: the link, without its scheme, is the headline.
    let out = thread(ISSO, "7");
    assert_eq!(
        out.json["article"]["headline"],
        "localhost:4000/blog/2013/02/12/redacted/index.html"
    );
    assert_eq!(out.json["article"]["site"], "redacted");

    // A post in a thread the export does not declare.
    let out = thread(ISSO, "1337");
    assert_eq!(
        out.json["article"],
        json!({ "headline": "Disqus thread 1337", "body": [] })
    );
    assert_eq!(
        out.json["notes"],
        json!([
            "Thread 1337 is not declared in the export, only named by its posts: its \
                title and link are not known"
        ])
    );
    assert_eq!(out.comment("6")["author"], "where am I?");
    assert!(out.comment("6").get("url").is_none());
}

#[test]
fn threads_without_comments_to_show() {
    // Declared, with no posts.
    assert_eq!(
        import_error(&fixture(ISSO), None, Some("3")),
        ImportError::NoComments {
            why: "thread 3 (\"Disqus thread 3\") has no posts".to_string()
        }
    );
    assert_eq!(
        import_error(&fixture(TANGLEI), None, Some("4516575821")).to_string(),
        "the export holds no comments to show: thread 4516575821 (\"pat1005—Spell It Right\") has no posts"
    );
    // Not in the export at all.
    assert_eq!(
        import_error(&fixture(ISSO), None, Some("99")),
        ImportError::NoExportThread {
            thread: "99".to_string(),
            count: 3
        }
    );
    assert_eq!(
        import_error(
            &fixture(TANGLEI),
            None,
            Some("http://www.tanglei.name/nowhere/")
        )
        .to_string(),
        "no thread \"http://www.tanglei.name/nowhere/\" in this export: name one of its 6 \
         threads with comments by its id, identifier or link (run without --thread to list them)"
    );
    // No posts at all.
    let empty = "<?xml version=\"1.0\"?>\n<disqus xmlns=\"http://disqus.com\">\n\
                 <thread dsq:id=\"1\"><title>t</title></thread>\n</disqus>";
    assert_eq!(
        import_error(empty, None, None).to_string(),
        "the export holds no comments to show: 1 thread and no posts"
    );
}

/// The isso export with every post of thread 2 marked as spam but `keep`.
fn isso_with_spam(keep: &[&str]) -> String {
    let source = fixture(ISSO);
    let mut out = String::new();
    let mut rest = source.as_str();
    while let Some(at) = rest.find("<post dsq:id=\"") {
        let end = at + rest[at..].find("</post>").unwrap();
        let post = &rest[at..end];
        let id = &post[14..post[14..].find('"').unwrap() + 14];
        let spam = post.contains("<thread dsq:id=\"2\" />") && !keep.contains(&id);
        out.push_str(&rest[..at]);
        out.push_str(&if spam {
            post.replace("<isSpam>false</isSpam>", "<isSpam>true</isSpam>")
        } else {
            post.to_string()
        });
        rest = &rest[end..];
    }
    out + rest
}

#[test]
fn spam_is_left_out_and_noted_and_its_replies_raised() {
    // Spam: 4 (which 5 answers) and 9 (deleted, which 11 answers).
    let source = isso_with_spam(&["5", "11"]);
    assert_eq!(disqus_posts(&source).iter().filter(|p| p.spam).count(), 2);
    let out = import_text(&source, None, Some("2"));
    let ids: Vec<String> = out.comments().iter().map(|c| key(&c["id"])).collect();
    assert_eq!(ids, ["5", "11"]);
    assert!(out.comments().iter().all(|c| c.get("parent").is_none()));
    assert_eq!(
        out.json["notes"],
        json!([
            "2 comments marked as spam are left out",
            "Comments 5 and 11: replies to a comment that is left out, shown at the top level"
        ])
    );
    // One left: one note, in the singular.
    let out = import_text(&isso_with_spam(&["4", "5", "9"]), None, Some("2"));
    assert_eq!(
        out.json["notes"],
        json!(["1 comment marked as spam is left out"])
    );
    assert_eq!(out.comment("5")["parent"], 4);
    assert_eq!(out.comments().len(), 3);
    // All spam: thread 2 has nothing to show, and is no longer listed.
    let source = isso_with_spam(&[]);
    assert_eq!(
        import_error(&source, None, Some("2")).to_string(),
        "the export holds no comments to show: thread 2 (\"Hello, World!\") has 4 posts, all \
         marked as spam"
    );
    let ImportError::ManyThreads { count, .. } = import_error(&source, None, None) else {
        panic!()
    };
    assert_eq!(count, 2);
    let only = "<disqus><thread dsq:id=\"1\"/><post dsq:id=\"2\"><thread dsq:id=\"1\"/>\
                <isSpam>true</isSpam></post><post dsq:id=\"3\"><thread dsq:id=\"1\"/>\
                <isSpam>true</isSpam></post></disqus>";
    assert_eq!(
        import_error(only, None, None).to_string(),
        "the export holds no comments to show: 1 thread and 2 posts, all marked as spam"
    );
}

/// A small export of one thread, with these posts.
fn export(posts: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\" \
         xmlns:dsq=\"http://disqus.com/disqus-internals\">\n<thread dsq:id=\"1\">\
         <link>https://a.example/p</link><title>T</title><author><name>Ann</name>\
         <username>ann</username></author></thread>\n{posts}</disqus>\n"
    )
}

fn post(id: &str, parent: Option<&str>, time: &str, name: &str) -> String {
    let parent = parent.map_or(String::new(), |p| format!("<parent dsq:id=\"{p}\"/>"));
    format!(
        "<post dsq:id=\"{id}\"><message><![CDATA[<p>{id}</p>]]></message>\
         <createdAt>{time}</createdAt><author><name>{name}</name>\
         <email>privacy-check-1@example.invalid</email></author>\
         <ipAddress>192.0.2.1</ipAddress><thread dsq:id=\"1\"/>{parent}</post>\n"
    )
}

#[test]
fn posts_in_no_order_come_out_by_time_each_after_its_parent() {
    let posts = [
        post("30", Some("20"), "2020-01-01T00:03:00Z", "c"),
        post("10", None, "2020-01-01T00:05:00Z", "a"),
        // A reply older than its parent (clocks differ) follows its parent.
        post("20", Some("10"), "2020-01-01T00:01:00Z", "b"),
        post("40", None, "2020-01-01T00:02:00Z", "d"),
        post("abc_1", Some("10"), "2020-01-01T00:06:00Z", "e"),
    ]
    .concat();
    let out = import_text(&export(&posts), None, None);
    let ids: Vec<String> = out.comments().iter().map(|c| key(&c["id"])).collect();
    assert_eq!(ids, ["40", "10", "20", "30", "abc_1"]);
    assert!(in_thread_order(&out));
    assert_eq!(out.comment("abc_1")["parent"], 10);
    for marker in ["privacy-check", "192.0.2."] {
        assert!(!out.json.to_string().contains(marker));
    }
}

#[test]
fn replies_that_loop_are_raised_and_noted() {
    let posts = [
        post("1", Some("2"), "2020-01-01T00:01:00Z", "a"),
        post("2", Some("1"), "2020-01-01T00:02:00Z", "b"),
        post("3", Some("3"), "2020-01-01T00:03:00Z", "c"),
        post("4", Some("99"), "2020-01-01T00:04:00Z", "d"),
    ]
    .concat();
    let out = import_text(&export(&posts), None, None);
    let ids: Vec<String> = out.comments().iter().map(|c| key(&c["id"])).collect();
    assert_eq!(ids, ["1", "2", "3", "4"]);
    assert!(out.comment("1").get("parent").is_none());
    assert_eq!(out.comment("2")["parent"], 1);
    assert_eq!(
        out.json["notes"],
        json!([
            "Comments 1 and 3: replies that loop back on themselves in the source, shown at the top level",
            "Comment 4: reply to a comment that is not in the source, shown at the top level"
        ])
    );
}

#[test]
fn the_op_badge_needs_the_same_username() {
    let posts = [
        post("1", None, "2020-01-01T00:01:00Z", "Ann"),
        post("2", Some("1"), "2020-01-01T00:02:00Z", "Ann"),
    ]
    .concat()
    .replacen(
        "<name>Ann</name>",
        "<name>Ann</name><username>ann</username>",
        1,
    );
    let out = import_text(&export(&posts), None, None);
    assert_eq!(out.with_badge("op"), ["1"]);
}

#[test]
fn wrong_shapes_are_placed() {
    let e = |input: &str| import_error(input, None, None).to_string();
    let no_id = export(
        &post("1", None, "2020-01-01T00:01:00Z", "a")
            .replace(" dsq:id=\"1\"><message", "><message"),
    );
    assert_eq!(
        e(&no_id),
        "post number 1 in the file (line 4): a post has a dsq:id attribute; this is a <post> \
         without one"
    );
    let no_thread =
        export(&post("5", None, "2020-01-01T00:01:00Z", "a").replace("<thread dsq:id=\"1\"/>", ""));
    assert_eq!(
        e(&no_thread),
        "post 5 (line 4): a post names its thread: <thread dsq:id=\"…\"/>; this is a post \
         without <thread>"
    );
    let bad_time = export(&post("5", None, "yesterday", "a"));
    assert_eq!(
        e(&bad_time),
        "post 5 (line 4): <createdAt> is a time like 2013-10-10T19:20:29Z; this is \"yesterday\""
    );
    let bad_flag = export(
        &post("5", None, "2020-01-01T00:01:00Z", "a")
            .replace("<message>", "<isDeleted>yes</isDeleted><message>"),
    );
    assert_eq!(
        e(&bad_flag),
        "post 5 (line 4): <isDeleted> is true or false; this is \"yes\""
    );
    let bad_id = export(&post("a.b", None, "2020-01-01T00:01:00Z", "a"));
    assert_eq!(
        e(&bad_id),
        "post a.b (line 4): a post's dsq:id is a number (or 1 to 64 of A-Z a-z 0-9 _ -); this \
         is \"a.b\""
    );
    let thread_without_id = "<disqus>\n<thread><title>x</title></thread></disqus>";
    assert_eq!(
        e(thread_without_id),
        "a thread (line 2): a thread has a dsq:id attribute; this is a <thread> without one"
    );
    assert_eq!(
        import_error("<rss><channel/></rss>", Some(Format::Disqus), None).to_string(),
        "a Disqus export (XML with a <disqus> root); this is XML with a <rss> root"
    );
}

/// Line and column (from 1, in characters) of a byte position, counted apart from the
/// importer.
fn place(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.lines().count() + usize::from(before.ends_with('\n') || before.is_empty());
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

fn xml_error(input: &str) -> (usize, usize, String) {
    match import_error(input, None, None) {
        ImportError::Xml {
            line,
            column,
            message,
        } => (line, column, message),
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_xml_says_where() {
    let source = fixture(TANGLEI);
    // Cut short, in the middle of a post: the root is still open at the end.
    let cut = &source[..source.len() / 2];
    let cut = &cut[..cut.rfind("</message>").unwrap()];
    let (line, column, message) = xml_error(cut);
    assert_eq!((line, column), place(cut, cut.len()));
    assert!(
        message.starts_with("<disqus> (line 2, column 1) is not closed at the end of the file"),
        "{message}"
    );
    // Cut inside a tag.
    let cut = &source[..source.find("<createdAt>").unwrap() + 5];
    let (line, column, message) = xml_error(cut);
    assert_eq!((line, column), place(cut, cut.rfind('<').unwrap()));
    assert_eq!(message, "tag not closed: `>` not found before end of input");
    // A misspelt end tag, in the third post.
    let third = source.match_indices("</message>").nth(2).unwrap().0;
    let mut wrong = source.clone();
    wrong.replace_range(third..third + 10, "</mesage>");
    let (line, column, message) = xml_error(&wrong);
    assert_eq!((line, column), place(&wrong, third));
    assert_eq!(message, "expected `</message>`, but `</mesage>` was found");
    // Garbage: a stray `&`, a tag without a name, text after the root.
    let at = source.find("<forum>").unwrap();
    let mut amp = source.clone();
    amp.insert_str(at + 7, "A&B ");
    let (line, column, _) = xml_error(&amp);
    assert_eq!((line, column), place(&amp, at + 8));
    let mut tag = source.clone();
    tag.insert_str(at, "<<>");
    let (line, column, message) = xml_error(&tag);
    assert_eq!((line, column), place(&tag, at));
    assert!(message.contains("is not a tag"), "{message}");
    let trailing = format!("{source}oops");
    let (line, column, message) = xml_error(&trailing);
    assert_eq!((line, column), place(&trailing, source.len()));
    assert_eq!(message, "text after the root element");
    assert_eq!(
        import_error("<disqus>\n</disqus>\n<disqus/>", None, None).to_string(),
        "not well-formed XML: line 3, column 1: a second root element, <disqus>: a file has one"
    );
}

#[test]
fn private_fields_are_never_written() {
    let source = fixture(ISSO);
    assert!(source.contains("<email>privacy-check-1@example.invalid</email>"));
    assert!(source.contains("<ipAddress>192.0.2.1</ipAddress>"));
    for id in ["2", "7", "1337"] {
        let text = thread(ISSO, id).json.to_string();
        assert!(
            !text.contains("privacy-check") && !text.contains("192.0.2."),
            "{id}"
        );
    }
    // Addresses the commenters wrote in their posts are their text, and stay.
    let out = thread(TANGLEI, "4516623578");
    let written = out
        .comments()
        .iter()
        .filter(|c| c["body"].to_string().contains("@example.invalid"))
        .count();
    assert!(written > 10, "{written}");
    let value: Value = out.json.clone();
    assert!(!value.to_string().contains("privacy-check"));
}

#[test]
fn mangled_exports_are_refused_or_read_never_panicking() {
    for input in common::mangled(&fixture(ISSO), 400) {
        for thread in [None, Some("2"), Some("1337")] {
            // Any error but a file that does not load, which would be the importer's bug.
            if let Err(ImportError::Output(e)) = threadview_import::import(&input, None, thread) {
                panic!("{e}: {input}");
            }
        }
    }
}
