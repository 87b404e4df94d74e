//! The WordPress importer on three WXR exports (fixtures/SOURCES.md): WordPress's theme
//! test data (WordPress.com, WXR 1.2 in the `https` form), a real self-hosted blog (WXR
//! 1.2, every value in CDATA) and isso's edge cases (WXR 1.0). Counts, trees and what is
//! left out are checked against the source read by plain string search
//! (`common::wxr_items`); a few values by hand.

mod common;

use std::collections::BTreeMap;

use common::{
    Imported, WxrItem, fixture, import_error, import_text, in_thread_order, key, wxr_items,
};
use serde_json::json;
use threadview_import::{Format, ImportError};

const THEME: &str = "wxr-theme-unit-test.xml";
const DEVBYTES: &str = "wxr-devbytes-2018.xml";
const ISSO: &str = "wxr-isso-edgecases.xml";

fn thread(name: &str, thread: &str) -> Imported {
    import_text(&fixture(name), None, Some(thread))
}

/// Checks an imported item against the source: its shown comments and no others, each
/// with its parent (none when the parent is not shown), its kind and its time, in order,
/// and nothing private.
/// By comment number: parent, kind and time.
type Expected = BTreeMap<String, (Option<String>, Option<String>, Option<String>)>;

fn check_against_source(item: &WxrItem, out: &Imported) {
    let shown = item.shown();
    let ids: Vec<&str> = shown.iter().map(|c| c.id.as_str()).collect();
    let expected: Expected = shown
        .iter()
        .map(|c| {
            let parent = c.parent.clone().filter(|p| ids.contains(&p.as_str()));
            let kind = c.kind.clone().filter(|k| k != "comment");
            let time = c
                .date_gmt
                .as_ref()
                .filter(|d| !d.starts_with("0000"))
                .map(|d| d.replace(' ', "T") + "Z");
            (c.id.clone(), (parent, kind, time))
        })
        .collect();
    let found: Expected = out
        .comments()
        .iter()
        .map(|c| {
            (
                key(&c["id"]),
                (
                    c.get("parent").map(key),
                    c["kind"].as_str().map(str::to_string),
                    c["time"].as_str().map(str::to_string),
                ),
            )
        })
        .collect();
    assert_eq!(found, expected, "item {:?}", item.id);
    assert!(in_thread_order(out), "item {:?}: out of order", item.id);
    for c in out.comments() {
        assert!(c["author"].is_string() && c["body"].is_array(), "{c}");
        if let Some(link) = &item.link {
            assert_eq!(c["url"], format!("{link}#comment-{}", key(&c["id"])));
        }
    }
    for marker in ["privacy-check", "192.0.2."] {
        assert!(!out.json.to_string().contains(marker), "{marker}");
    }
}

#[test]
fn every_item_with_comments_against_the_source() {
    for (name, items, comments, imported) in
        [(THEME, 180, 32, 5), (DEVBYTES, 14, 63, 13), (ISSO, 3, 8, 2)]
    {
        let source = fixture(name);
        let all = wxr_items(&source);
        assert_eq!(all.len(), items, "{name}");
        assert_eq!(
            all.iter().map(|i| i.comments.len()).sum::<usize>(),
            comments,
            "{name}"
        );
        let mut count = 0;
        for item in all.iter().filter(|i| !i.shown().is_empty()) {
            let key = item.id.clone().or(item.link.clone()).unwrap();
            let out = thread(name, &key);
            check_against_source(item, &out);
            if let Some(title) = item.title.as_deref().filter(|t| !t.contains('&')) {
                assert_eq!(out.json["article"]["headline"], title, "{name}");
            }
            count += 1;
        }
        assert_eq!(count, imported, "{name}");
    }
}

#[test]
fn many_items_are_listed_to_pick_from() {
    let e = import_error(&fixture(THEME), None, None);
    let ImportError::ManyThreads { count, threads } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(*count, 5);
    assert_eq!(
        threads[..3],
        [
            "1148  \"Template: Comments\" (19 comments)  \
             https://wpthemetestdata.wordpress.com/2012/01/03/template-comments/",
            "1149  \"Template: Pingbacks And Trackbacks\" (5 comments)  \
             https://wpthemetestdata.wordpress.com/2012/01/01/template-pingbacks-an-trackbacks/",
            "155  \"Page with comments\" (3 comments)  \
             https://wpthemetestdata.wordpress.com/about/page-with-comments/",
        ]
    );
    // An item without a number is listed by its title and link.
    let e = import_error(&fixture(ISSO), Some(Format::Wordpress), None);
    assert_eq!(
        e,
        ImportError::ManyThreads {
            count: 2,
            threads: vec![
                "18  \"Hello, World…\" (7 comments)  http://example.tld/2014/test/".to_string(),
                "\"...\" (1 comment)  http://example.tld/?p=4".to_string(),
            ]
        }
    );
    // Ten at most, the most commented first.
    let message = import_error(&fixture(DEVBYTES), None, None).to_string();
    assert!(
        message.contains(
            "\n  408  \"Fixing switchResx saving issue\" (34 comments)  \
             http://surajms.com/2015/04/fixing-switchresx-saving-issue/\n"
        ),
        "{message}"
    );
    assert!(message.ends_with("\n  … and 3 more"), "{message}");
    assert_eq!(message.lines().count(), 12);
}

#[test]
fn the_post_is_the_article() {
    let out = thread(THEME, "1148");
    let article = &out.json["article"];
    assert_eq!(article["headline"], "Template: Comments");
    assert_eq!(
        article["author"], "Theme Buster",
        "the display name of themedemos"
    );
    assert_eq!(article["time"], "2012-01-03T17:11:37Z");
    assert_eq!(
        article["url"],
        "https://wpthemetestdata.wordpress.com/2012/01/03/template-comments/"
    );
    assert_eq!(article["site"], "Theme Unit Test Data");
    assert_eq!(
        article["body"][0],
        json!({ "paragraph": "This post tests comments in the following ways." })
    );
    assert_eq!(article["body"].as_array().unwrap().len(), 8);
    // Entities in titles are decoded; a post without a date has none.
    let out = thread(DEVBYTES, "349");
    assert_eq!(
        out.json["article"]["headline"],
        "Don't stay naked on an open network"
    );
    assert_eq!(out.json["article"]["author"], "h0lyalg0rithm");
    assert_eq!(out.json["article"]["site"], "DevBytes");
    let out = thread(ISSO, "http://example.tld/?p=4");
    assert_eq!(
        out.json["article"],
        json!({ "headline": "...", "body": [], "url": "http://example.tld/?p=4" })
    );
}

#[test]
fn a_password_protected_post_keeps_its_text_back() {
    let out = thread(THEME, "1168");
    assert_eq!(out.json["article"]["body"], json!([]));
    assert_eq!(
        out.json["notes"],
        json!(["The post is protected by a password on the site: its text is left out"])
    );
    assert_eq!(out.comments().len(), 1);
}

#[test]
fn comments_awaiting_approval_are_left_out_and_noted() {
    let out = thread(THEME, "155");
    let ids: Vec<String> = out.comments().iter().map(|c| key(&c["id"])).collect();
    // By time: 168 was written before 167.
    assert_eq!(ids, ["168", "167", "169"]);
    assert_eq!(
        out.json["notes"],
        json!(["1 comment awaiting approval is left out"])
    );
    let out = thread(THEME, "1148");
    assert_eq!(out.comments().len(), 19);
    assert!(!out.json.to_string().contains("1015"));
    // An item whose only comment awaits approval is not one to import.
    assert_eq!(
        import_error(&fixture(THEME), None, Some("703")).to_string(),
        "the export holds no comments to show: post 703 (\"a Blog page\") has 1 comment, none \
         of them shown: 1 awaiting approval"
    );
    assert_eq!(
        import_error(&fixture(DEVBYTES), None, Some("386")),
        ImportError::NoComments {
            why: "post 386 (\"Ruby Keyword Arguments gotchas\") has 1 comment, none of them \
                  shown: 1 awaiting approval"
                .to_string()
        }
    );
}

/// Replaces the first `from` after comment `id`'s `<wp:comment_id>` with `to`.
fn edit_comment(xml: &str, id: &str, from: &str, to: &str) -> String {
    let at = xml
        .find(&format!("<wp:comment_id>{id}</wp:comment_id>"))
        .unwrap();
    let at = at + xml[at..].find(from).unwrap();
    format!("{}{to}{}", &xml[..at], &xml[at + from.len()..])
}

#[test]
fn every_reason_to_leave_a_comment_out_is_counted() {
    let approved = "<wp:comment_approved>1</wp:comment_approved>";
    let mut source = fixture(THEME);
    for (id, status) in [
        ("881", "spam"),
        ("899", "trash"),
        ("900", "post-trashed"),
        ("901", "weird"),
        ("904", "0"),
    ] {
        source = edit_comment(
            &source,
            id,
            approved,
            &format!("<wp:comment_approved>{status}</wp:comment_approved>"),
        );
    }
    source = edit_comment(
        &source,
        "917",
        "<wp:comment_type/>",
        "<wp:comment_type>webmention</wp:comment_type>",
    );
    let item = wxr_items(&source)
        .into_iter()
        .find(|i| i.id.as_deref() == Some("1148"))
        .unwrap();
    assert_eq!(item.shown().len(), 13);
    let out = import_text(&source, None, Some("1148"));
    check_against_source(&item, &out);
    assert_eq!(
        out.json["notes"],
        json!([
            "1 comment marked as spam is left out",
            "2 comments in the trash are left out",
            "1 comment with the status \"weird\" is left out",
            "2 comments awaiting approval are left out",
            "1 comment of the type \"webmention\" is left out",
            "Comment 905: reply to a comment that is left out, shown at the top level"
        ])
    );
    // 905 answered 904; its own replies keep their place under it.
    assert!(out.comment("905").get("parent").is_none());
    assert_eq!(out.comment("906")["parent"], 905);
    assert_eq!(out.depth("915"), 8);
}

#[test]
fn nothing_to_show_in_the_whole_export() {
    let source = fixture(ISSO).replace(
        "<wp:comment_approved>1</wp:comment_approved>",
        "<wp:comment_approved>spam</wp:comment_approved>",
    );
    assert_eq!(
        import_error(&source, None, None).to_string(),
        "the export holds no comments to show: 3 items and 8 comments, none of them shown: 8 \
         marked as spam"
    );
    let empty = "<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>\
                 <wp:wxr_version>1.2</wp:wxr_version><item><title>a</title></item></channel></rss>";
    assert_eq!(
        import_error(empty, None, None),
        ImportError::NoComments {
            why: "1 item and no comments".to_string()
        }
    );
    assert_eq!(
        import_error(&fixture(THEME), None, Some("999999")),
        ImportError::NoExportThread {
            thread: "999999".to_string(),
            count: 5
        }
    );
}

#[test]
fn pingbacks_and_trackbacks_are_marked_and_noted() {
    let out = thread(THEME, "1149");
    let kinds: BTreeMap<String, Option<&str>> = out
        .comments()
        .iter()
        .map(|c| (key(&c["id"]), c["kind"].as_str()))
        .collect();
    assert_eq!(
        kinds,
        BTreeMap::from([
            ("921".to_string(), Some("trackback")),
            ("922".to_string(), Some("trackback")),
            ("923".to_string(), Some("pingback")),
            ("924".to_string(), Some("pingback")),
            ("925".to_string(), None),
        ])
    );
    assert_eq!(
        out.json["notes"],
        json!([
            "2 pingbacks and 2 trackbacks (notices that another site linked here) are shown as such"
        ])
    );
    assert_eq!(
        out.comment("921")["author"],
        "Ping 1 « What’s a tellyworth?"
    );
    assert_eq!(
        out.comment("921")["body"],
        json!([{ "paragraph": ["[...] Trackback test. [...]"] }])
    );
    let out = thread(DEVBYTES, "408");
    assert_eq!(out.comment("681")["kind"], "pingback");
    assert_eq!(
        out.json["notes"],
        json!(["1 pingback (notices that another site linked here) is shown as such"])
    );
    // The page shows the kind as a label.
    let index = out.loaded.thread.index_of(681.into()).unwrap();
    assert_eq!(
        out.loaded.discussion.comments[index]
            .kind
            .map(|k| k.label()),
        Some("Pingback")
    );
}

#[test]
fn the_post_author_gets_the_op_badge_by_user_number() {
    let source = fixture(DEVBYTES);
    // The export's one author is user 1; comments by user 1 are theirs.
    assert!(source.contains("<wp:author_id>1</wp:author_id><wp:author_login><![CDATA[leader]]>"));
    let theirs: Vec<String> = wxr_items(&source)
        .iter()
        .filter(|i| i.id.as_deref() == Some("408"))
        .flat_map(|i| &i.comments)
        .filter(|c| c.user_id.as_deref() == Some("1"))
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(theirs, ["661"]);
    let out = thread(DEVBYTES, "408");
    assert_eq!(out.with_badge("op"), theirs);
    // Their other replies came from Disqus, without a user number: no badge, though
    // the name is the same.
    let named = out
        .comments()
        .iter()
        .filter(|c| c["author"] == "h0lyalg0rithm")
        .count();
    assert_eq!(named, 8);
    // WordPress.com exports give no author numbers: no badge at all.
    assert!(thread(THEME, "1148").with_badge("op").is_empty());
}

#[test]
fn text_gets_its_paragraphs_and_line_breaks() {
    let out = thread(ISSO, "18");
    assert_eq!(
        out.comment("10")["body"],
        json!([{ "paragraph": ["When you have a comment with multiple lines:\nWordPress exports it like this."] }])
    );
    // A comment without a type nor a local date, with its time in UTC.
    assert_eq!(
        out.comment("7"),
        &json!({ "id": 7, "parent": 6, "author": "Tester", "time": "2014-04-29T15:21:35Z",
                 "url": "http://example.tld/2014/test/#comment-7",
                 "body": [{ "paragraph": ["Drölfter!"] }] })
    );
    // The UTC time, not the local one (12:13:14).
    assert_eq!(out.comment("10")["time"], "2022-06-06T02:13:14Z");
    let out = thread(THEME, "1148");
    assert_eq!(
        out.comment("899")["body"],
        json!([
            { "paragraph": ["This user it trying to be anonymous."] },
            { "paragraph": [
                "They used a fake email, so there should be no ",
                { "link": { "href": "https://gravatar.com//", "text": ["Gravatar"] } },
                " associated with it.\nThey did not speify a website, so there should be no link to it in the comment."
            ] }
        ])
    );
    let markup = &out.comment("881")["body"];
    assert_eq!(
        markup[0],
        json!({ "paragraph": [{ "strong": ["Headings"] }] })
    );
    assert_eq!(markup[1], json!({ "heading": ["Header one"] }));
    assert!(markup.to_string().contains("{\"code\":"), "{markup}");
    assert!(markup.to_string().contains("{\"list\":"), "{markup}");
    assert!(markup.to_string().contains("{\"quote\":"), "{markup}");
}

#[test]
fn the_same_comment_number_in_two_posts() {
    let a = thread(ISSO, "18");
    let b = thread(ISSO, "http://example.tld/?p=4");
    assert_eq!(a.comment("11")["author"], "Letzter :/");
    assert_eq!(b.comment("11")["author"], "Anonymous");
    assert_eq!(b.comments().len(), 1);
}

#[test]
fn an_undeclared_atom_prefix_is_no_problem() {
    // WordPress.com exports carry these lines without declaring `atom:`, which strict
    // XML readers refuse (fixtures/SOURCES.md).
    let source = fixture(ISSO);
    let atom = source.replacen(
        "<channel>",
        "<channel>\n<atom:link rel=\"search\" type=\"application/opensearchdescription+xml\" \
         href=\"https://example.wordpress.com/osd.xml\" title=\"Example\" />\n\
         <atom:link rel='hub' href='https://example.wordpress.com/?pushpress=hub'/>",
        1,
    );
    assert!(!atom.contains("xmlns:atom"));
    assert_eq!(
        import_text(&atom, None, Some("18")).json,
        thread(ISSO, "18").json
    );
}

#[test]
fn a_thread_by_its_id_or_link() {
    let by_id = thread(THEME, "1149");
    for other in [
        "https://wpthemetestdata.wordpress.com/2012/01/01/template-pingbacks-an-trackbacks/",
        "http://wpthemetestdata.wordpress.com/2012/01/01/template-pingbacks-an-trackbacks",
    ] {
        assert_eq!(thread(THEME, other).json, by_id.json, "{other}");
    }
}

#[test]
fn wrong_shapes_are_placed() {
    let source = fixture(ISSO);
    let line = |needle: &str| source[..source.find(needle).unwrap()].matches('\n').count() + 1;
    // The comment's line: that of its <wp:comment>, just above its id.
    let first = line("<wp:comment_id>2<") - 1;
    let e = import_error(
        &source.replace("<wp:comment_id>2<", "<wp:comment_id>x<"),
        None,
        Some("18"),
    );
    assert_eq!(
        e.to_string(),
        format!(
            "comment number 1 of post 18 (line {first}): <wp:comment_id> is a number; this is \"x\""
        )
    );
    let e = import_error(
        &edit_comment(
            &source,
            "8",
            "<wp:comment_parent>7<",
            "<wp:comment_parent>seven<",
        ),
        None,
        Some("18"),
    );
    let eighth = line("<wp:comment_id>8<") - 1;
    assert_eq!(
        e.to_string(),
        format!(
            "comment 8 of post 18 (line {eighth}): <wp:comment_parent> is a number; this is \"seven\""
        )
    );
    let e = import_error(
        &edit_comment(
            &source,
            "8",
            "2014-04-29 15:21:45</wp:comment_date_gmt>",
            "soon</wp:comment_date_gmt>",
        ),
        None,
        Some("18"),
    );
    assert!(
        e.to_string().ends_with(
            "<wp:comment_date_gmt> is a time like 2014-01-14 17:31:03; this is \"soon\""
        ),
        "{e}"
    );
    // A wrong comment in a post not imported does not stop the import.
    let broken = source.replace("<wp:comment_id>2<", "<wp:comment_id>x<");
    assert_eq!(
        import_text(&broken, None, Some("http://example.tld/?p=4"))
            .comments()
            .len(),
        1
    );
    assert_eq!(
        import_error("<feed><entry/></feed>", Some(Format::Wordpress), None).to_string(),
        "a WordPress export (WXR: XML with an <rss> root); this is XML with a <feed> root"
    );
    assert_eq!(
        import_error(
            "<rss version=\"2.0\"><channel><title>News</title><item><title>a</title></item></channel></rss>",
            None,
            None
        )
        .to_string(),
        "a WordPress export (WXR: XML with an <rss> root); this is an RSS feed without \
         WordPress's export fields (wp:post_id, wp:comment)"
    );
}

#[test]
fn malformed_xml_says_where() {
    let source = fixture(THEME);
    // Cut short between two items.
    let cut = &source[..source[..source.len() * 3 / 4].rfind("<item>").unwrap()];
    let ImportError::Xml { line, message, .. } = import_error(cut, None, None) else {
        panic!()
    };
    assert_eq!(line, cut.matches('\n').count() + 1);
    assert!(
        message.starts_with("<rss> (line 21, column 1) is not closed"),
        "{message}"
    );
    let wrong = source.replacen("</wp:comment_author>", "</wp:comment_autor>", 1);
    let at = source.find("</wp:comment_author>").unwrap();
    let ImportError::Xml {
        line,
        column,
        message,
    } = import_error(&wrong, None, None)
    else {
        panic!()
    };
    let before = &source[..at];
    assert_eq!(line, before.lines().count());
    assert_eq!(column, before.len() - before.rfind('\n').unwrap());
    assert_eq!(
        message,
        "expected `</wp:comment_author>`, but `</wp:comment_autor>` was found"
    );
}

#[test]
fn private_fields_are_never_written() {
    for name in [THEME, DEVBYTES, ISSO] {
        let source = fixture(name);
        assert!(source.contains("privacy-check-1@example.invalid"), "{name}");
        for item in wxr_items(&source).iter().filter(|i| !i.shown().is_empty()) {
            let key = item.id.clone().or(item.link.clone()).unwrap();
            let text = thread(name, &key).json.to_string();
            assert!(!text.contains("privacy-check"), "{name} {key}");
            assert!(!text.contains("192.0.2."), "{name} {key}");
        }
    }
}

#[test]
fn names_and_titles_of_nothing_but_entities() {
    let source = fixture(ISSO)
        .replacen(
            "<title>Hello, World…</title>",
            "<title>&amp;nbsp;</title>",
            1,
        )
        .replacen("<![CDATA[Ohai]]>", "<![CDATA[&nbsp;]]>", 1);
    let out = import_text(&source, None, Some("18"));
    assert_eq!(out.json["article"]["headline"], "example.tld/2014/test");
    assert_eq!(out.comment("2")["author"], "Anonymous");
    let source = fixture(ISSO)
        .replacen("<title>...</title>", "<title/>", 1)
        .replacen(
            "<link>http://example.tld/?p=4</link>",
            "<link>https:///</link>",
            1,
        );
    let e = import_error(&source, None, None);
    assert!(
        e.to_string()
            .contains("\n  \"item 2\" (1 comment)  https:///"),
        "{e}"
    );
}

#[test]
fn mangled_exports_are_refused_or_read_never_panicking() {
    for input in common::mangled(&fixture(ISSO), 400) {
        for thread in [None, Some("18"), Some("http://example.tld/?p=4")] {
            // Any error but a file that does not load, which would be the importer's bug.
            let result = threadview_import::import(&input, Some(Format::Wordpress), thread);
            if let Err(ImportError::Output(e)) = result {
                panic!("{e}: {input}");
            }
        }
    }
}
