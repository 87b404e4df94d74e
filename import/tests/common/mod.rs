//! Helpers for the importer tests: fixtures, the importer's output loaded the way the
//! page loads it, and walks over the raw source JSON that count independently of the
//! importer.

#![allow(dead_code, reason = "each test file uses its own share of the helpers")]

use std::collections::BTreeMap;

use serde_json::Value;
use threadview_core::Loaded;
use threadview_import::{Format, import};

pub fn fixture(name: &str) -> String {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn raw(name: &str) -> Value {
    serde_json::from_str(&fixture(name)).expect("fixtures are JSON")
}

/// An imported file: its JSON, and the discussion as the page loads it.
pub struct Imported {
    pub json: Value,
    pub loaded: Loaded,
}

/// Imports `input`, and checks that the result loads with no warnings.
pub fn import_text(input: &str, from: Option<Format>, thread: Option<&str>) -> Imported {
    let text = import(input, from, thread).unwrap_or_else(|e| panic!("import failed: {e}"));
    let loaded = Loaded::from_json(&text).unwrap_or_else(|e| panic!("does not load: {e}"));
    assert_eq!(loaded.thread.warnings(), &[], "the thread has warnings");
    let json: Value = serde_json::from_str(&text).expect("the output is JSON");
    assert_eq!(json["version"], 2);
    assert_eq!(
        loaded.discussion.comments.len(),
        json["comments"].as_array().unwrap().len()
    );
    Imported { json, loaded }
}

pub fn import_fixture(name: &str) -> Imported {
    import_text(&fixture(name), None, None)
}

/// An id as text, whether the file has it as a number or a string.
pub fn key(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Imported {
    pub fn comments(&self) -> &[Value] {
        self.json["comments"].as_array().unwrap()
    }

    pub fn comment(&self, id: &str) -> &Value {
        self.comments()
            .iter()
            .find(|c| key(&c["id"]) == id)
            .unwrap_or_else(|| panic!("no comment {id}"))
    }

    pub fn with_state(&self, state: &str) -> usize {
        self.comments()
            .iter()
            .filter(|c| c["state"] == state)
            .count()
    }

    /// Depth from the output's `parent` fields alone: 0 at the top level.
    pub fn depth(&self, id: &str) -> usize {
        let parents: BTreeMap<String, Option<String>> = self
            .comments()
            .iter()
            .map(|c| (key(&c["id"]), c.get("parent").map(key)))
            .collect();
        let mut depth = 0;
        let mut at = parents[id].clone();
        while let Some(parent) = at {
            depth += 1;
            at = parents[&parent].clone();
        }
        depth
    }

    /// Missing replies by comment, and the file's own (under "").
    pub fn missing(&self) -> BTreeMap<String, u64> {
        let mut missing: BTreeMap<String, u64> = self
            .comments()
            .iter()
            .filter_map(|c| Some((key(&c["id"]), c.get("missing_replies")?.as_u64()?)))
            .collect();
        if let Some(top) = self.json.get("missing_replies").and_then(Value::as_u64) {
            missing.insert(String::new(), top);
        }
        missing
    }

    pub fn with_badge(&self, badge: &str) -> Vec<String> {
        self.comments()
            .iter()
            .filter(|c| {
                c["badges"]
                    .as_array()
                    .is_some_and(|b| b.iter().any(|x| x == badge))
            })
            .map(|c| key(&c["id"]))
            .collect()
    }

    pub fn links(&self) -> usize {
        links(&self.json["comments"])
    }
}

/// Links anywhere in a value: objects with a "link" key.
pub fn links(value: &Value) -> usize {
    match value {
        Value::Object(map) => {
            usize::from(map.contains_key("link")) + map.values().map(links).sum::<usize>()
        }
        Value::Array(items) => items.iter().map(links).sum(),
        _ => 0,
    }
}

/// Every comment of a Hacker News item, depth-first: (comment, depth from 0, parent).
pub fn hn_walk(item: &Value) -> Vec<(&Value, usize, Option<u64>)> {
    fn walk<'a>(item: &'a Value, depth: usize, out: &mut Vec<(&'a Value, usize, Option<u64>)>) {
        for child in item["children"].as_array().unwrap() {
            let parent = if depth == 0 {
                None
            } else {
                item["id"].as_u64()
            };
            out.push((child, depth, parent));
            walk(child, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(item, 0, &mut out);
    out
}

/// A Reddit thread's comments depth-first (data, depth from 0, the comment they sit
/// under) and its "more" stubs (data, the comment they sit under).
pub struct RedditWalk<'a> {
    pub comments: Vec<(&'a Value, usize, Option<String>)>,
    pub stubs: Vec<(&'a Value, Option<String>)>,
}

pub fn reddit_walk(thread: &Value) -> RedditWalk<'_> {
    fn walk<'a>(things: &'a Value, depth: usize, parent: Option<String>, out: &mut RedditWalk<'a>) {
        for thing in things["data"]["children"].as_array().unwrap() {
            let data = &thing["data"];
            if thing["kind"] == "more" {
                out.stubs.push((data, parent.clone()));
                continue;
            }
            assert_eq!(thing["kind"], "t1");
            out.comments.push((data, depth, parent.clone()));
            if data["replies"].is_object() {
                let id = data["id"].as_str().unwrap().to_string();
                walk(&data["replies"], depth + 1, Some(id), out);
            }
        }
    }
    let mut out = RedditWalk {
        comments: Vec::new(),
        stubs: Vec::new(),
    };
    walk(&thread[1], 0, None, &mut out);
    out
}

// Discourse and Mastodon (issue 12).

/// A Discourse file's posts, as the source lists them.
pub fn discourse_posts(topic: &Value) -> &[Value] {
    topic["post_stream"]["posts"].as_array().unwrap()
}

/// What a Discourse file should become, worked out from the source alone: every post
/// but post 1 (the article) and staff whispers (`post_type` 4), by number, each with
/// the post it answers, where that is a comment in the file too.
pub fn discourse_expected(topic: &Value) -> BTreeMap<u64, Option<u64>> {
    let kept: Vec<&Value> = discourse_posts(topic)
        .iter()
        .filter(|p| p["post_number"] != 1 && p["post_type"] != 4)
        .collect();
    let numbers: Vec<u64> = kept
        .iter()
        .map(|p| p["post_number"].as_u64().unwrap())
        .collect();
    kept.iter()
        .map(|p| {
            let parent = p["reply_to_post_number"]
                .as_u64()
                .filter(|n| numbers.contains(n));
            (p["post_number"].as_u64().unwrap(), parent)
        })
        .collect()
}

/// A Mastodon context's statuses: the status, if the file has it, then the
/// ancestors, then the descendants.
pub fn mastodon_statuses(context: &Value) -> Vec<&Value> {
    let mut out: Vec<&Value> = context.get("status").into_iter().collect();
    for key in ["ancestors", "descendants"] {
        out.extend(context[key].as_array().unwrap());
    }
    out
}

/// Imports `text` cut short every `step` bytes (each must fail), then with `samples`
/// of its leaves (all, if 0) replaced in turn by each of `replacements` (each may fail),
/// with and without `thread`: never a panic.
pub fn never_panics(text: &str, step: usize, samples: usize, replacements: &[Value], thread: &str) {
    let mut cut = 0;
    while cut < text.len() {
        if text.is_char_boundary(cut) {
            assert!(import(&text[..cut], None, None).is_err());
        }
        cut += step;
    }
    let source: Value = serde_json::from_str(text).unwrap();
    let paths = leaf_paths(&source);
    let every = paths.len().checked_div(samples).unwrap_or(1).max(1);
    for path in paths.iter().step_by(every) {
        for replacement in replacements {
            let mut altered = source.clone();
            *altered.pointer_mut(path).unwrap() = replacement.clone();
            let _ = import(&altered.to_string(), None, None);
            let _ = import(&altered.to_string(), None, Some(thread));
        }
    }
}

/// Every leaf of a JSON value (a string, number, boolean or null), as a JSON pointer.
pub fn leaf_paths(value: &Value) -> Vec<String> {
    fn walk(value: &Value, at: String, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let k = k.replace('~', "~0").replace('/', "~1");
                    walk(v, format!("{at}/{k}"), out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, format!("{at}/{i}"), out);
                }
            }
            _ => out.push(at),
        }
    }
    let mut out = Vec::new();
    walk(value, String::new(), &mut out);
    out
}

/// The text of rich blocks or inlines, links by their text, paragraphs on lines.
pub fn rich_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(rich_text).collect();
            let blocks = items.iter().any(|i| {
                i.get("paragraph").is_some() || i.get("quote").is_some() || i.get("list").is_some()
            });
            parts.join(if blocks { "\n" } else { "" })
        }
        Value::Object(map) => match map.get("link") {
            Some(link) => rich_text(&link["text"]),
            None => map.values().map(rich_text).collect::<Vec<_>>().join("\n"),
        },
        _ => String::new(),
    }
}

/// Quotes anywhere in rich blocks, each by the text of its first block.
pub fn quote_heads(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(blocks)) = map.get("quote") {
                out.push(blocks.first().map(rich_text).unwrap_or_default());
            }
            map.values().for_each(|v| out.extend(quote_heads(v)));
        }
        Value::Array(items) => items.iter().for_each(|v| out.extend(quote_heads(v))),
        _ => {}
    }
    out
}

// Disqus and WordPress exports (issue 12): the XML read by plain string search, apart
// from the importer's own reader, and what the importers should make of it.

/// The elements `<name …>…</name>` and `<name …/>` of an XML text, in order, each from
/// its `<` to the end of its end tag. Elements of one name must not nest.
pub fn xml_elements<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = xml[from..].find(&open) {
        let at = from + at;
        let after = &xml[at + open.len()..];
        if !after.starts_with([' ', '>', '/', '\n', '\t', '\r']) {
            from = at + open.len();
            continue;
        }
        let tag_end = at + open.len() + after.find('>').unwrap() + 1;
        let end = if xml[..tag_end].ends_with("/>") {
            tag_end
        } else {
            tag_end + xml[tag_end..].find(&close).unwrap() + close.len()
        };
        out.push(&xml[at..end]);
        from = end;
    }
    out
}

/// The text of the first `<name>` in an element: CDATA unwrapped, or the five XML
/// entities decoded; trimmed; none when absent or empty.
pub fn xml_text(element: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = element.find(&open)? + open.len();
    let end = start + element[start..].find(&format!("</{name}>"))?;
    let text = element[start..end].trim();
    let text = match text.strip_prefix("<![CDATA[") {
        Some(inner) => inner.strip_suffix("]]>").unwrap().to_string(),
        None => text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    };
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// An attribute of the first `<tag …>` in an element.
pub fn xml_attr(element: &str, tag: &str, attribute: &str) -> Option<String> {
    let first = *xml_elements(element, tag).first()?;
    let head = &first[..first.find('>')?];
    let key = format!(" {attribute}=\"");
    let start = head.find(&key)? + key.len();
    Some(head[start..start + head[start..].find('"')?].to_string())
}

/// A Disqus thread as the export declares it.
#[derive(Debug)]
pub struct DisqusThread {
    pub id: String,
    pub identifier: Option<String>,
    pub link: Option<String>,
    pub title: Option<String>,
    pub username: Option<String>,
}

/// A Disqus post as the export has it.
#[derive(Debug)]
pub struct DisqusPost {
    pub id: String,
    pub thread: String,
    pub parent: Option<String>,
    pub author: Option<String>,
    pub username: Option<String>,
    pub created: Option<String>,
    pub message: Option<String>,
    pub deleted: bool,
    pub spam: bool,
}

pub fn disqus_threads(xml: &str) -> Vec<DisqusThread> {
    xml_elements(xml, "thread")
        .into_iter()
        .filter(|t| !t.ends_with("/>"))
        .map(|t| DisqusThread {
            id: xml_attr(t, "thread", "dsq:id").unwrap(),
            identifier: xml_text(t, "id"),
            link: xml_text(t, "link"),
            title: xml_text(t, "title"),
            username: xml_text(t, "username"),
        })
        .collect()
}

pub fn disqus_posts(xml: &str) -> Vec<DisqusPost> {
    xml_elements(xml, "post")
        .into_iter()
        .map(|p| DisqusPost {
            id: xml_attr(p, "post", "dsq:id").unwrap(),
            thread: xml_attr(p, "thread", "dsq:id").unwrap(),
            parent: xml_attr(p, "parent", "dsq:id"),
            author: xml_text(p, "name"),
            username: xml_text(p, "username"),
            created: xml_text(p, "createdAt"),
            message: xml_text(p, "message"),
            deleted: xml_text(p, "isDeleted").as_deref() == Some("true"),
            spam: xml_text(p, "isSpam").as_deref() == Some("true"),
        })
        .collect()
}

/// A WordPress item (post, page…) as the export has it.
#[derive(Debug)]
pub struct WxrItem {
    pub id: Option<String>,
    pub title: Option<String>,
    pub link: Option<String>,
    pub comments: Vec<WxrComment>,
}

#[derive(Debug)]
pub struct WxrComment {
    pub id: String,
    /// None for 0, the top level.
    pub parent: Option<String>,
    pub author: Option<String>,
    pub date_gmt: Option<String>,
    pub approved: Option<String>,
    pub kind: Option<String>,
    pub user_id: Option<String>,
    pub content: Option<String>,
}

impl WxrComment {
    /// Approved, and a comment, pingback or trackback.
    pub fn is_shown(&self) -> bool {
        self.approved.as_deref() == Some("1")
            && matches!(
                self.kind.as_deref(),
                None | Some("comment" | "pingback" | "trackback")
            )
    }
}

impl WxrItem {
    pub fn shown(&self) -> Vec<&WxrComment> {
        self.comments.iter().filter(|c| c.is_shown()).collect()
    }
}

pub fn wxr_items(xml: &str) -> Vec<WxrItem> {
    xml_elements(xml, "item")
        .into_iter()
        .map(|item| WxrItem {
            id: xml_text(item, "wp:post_id"),
            title: xml_text(item, "title"),
            link: xml_text(item, "link"),
            comments: xml_elements(item, "wp:comment")
                .into_iter()
                .map(|c| WxrComment {
                    id: xml_text(c, "wp:comment_id").unwrap(),
                    parent: xml_text(c, "wp:comment_parent").filter(|p| p != "0"),
                    author: xml_text(c, "wp:comment_author"),
                    date_gmt: xml_text(c, "wp:comment_date_gmt"),
                    approved: xml_text(c, "wp:comment_approved"),
                    kind: xml_text(c, "wp:comment_type"),
                    user_id: xml_text(c, "wp:comment_user_id"),
                    content: xml_text(c, "wp:comment_content"),
                })
                .collect(),
        })
        .collect()
}

/// The error an import gives.
pub fn import_error(
    input: &str,
    from: Option<Format>,
    thread: Option<&str>,
) -> threadview_import::ImportError {
    import(input, from, thread).expect_err("must not import")
}

/// Whether each comment comes after the one it answers, in order of time but for
/// replies older than a comment above them, which follow it.
pub fn in_thread_order(out: &Imported) -> bool {
    // The latest time of each comment and the comments above it.
    let mut latest: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut last: Option<String> = None;
    for c in out.comments() {
        let time = c["time"].as_str().map(str::to_string);
        let above = match c.get("parent") {
            Some(parent) => match latest.get(&key(parent)) {
                Some(above) => above.clone(),
                None => return false,
            },
            None => None,
        };
        if time.is_some() && time >= above {
            if time < last {
                return false;
            }
            last = time.clone();
        }
        latest.insert(key(&c["id"]), time.max(above));
    }
    true
}

/// `count` copies of an export, each cut short, with markup inserted or text deleted at
/// a few places picked by a fixed sequence: inputs an importer must refuse or read
/// without a panic.
pub fn mangled(source: &str, count: usize) -> Vec<String> {
    const PIECES: [&str; 16] = [
        "<",
        ">",
        "&",
        "</",
        "<![CDATA[",
        "]]>",
        "\"",
        "&#0;",
        "&#xD800;",
        "\u{0}",
        "é",
        "<!--",
        "<post dsq:id=\"4\">",
        "<parent dsq:id=\"5\"/>",
        "<wp:comment>",
        "<wp:comment_parent>2</wp:comment_parent>",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % 1_000_000_007).unwrap()
    };
    (0..count)
        .map(|_| {
            let mut text = source.to_string();
            for _ in 0..next() % 3 + 1 {
                if text.is_empty() {
                    break;
                }
                let mut at = next() % text.len();
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                match next() % 3 {
                    0 => text.truncate(at),
                    1 => text.insert_str(at, PIECES[next() % PIECES.len()]),
                    _ => {
                        let mut end = (at + next() % 20).min(text.len());
                        while !text.is_char_boundary(end) {
                            end -= 1;
                        }
                        text.replace_range(at..end, "");
                    }
                }
            }
            text
        })
        .collect()
}
