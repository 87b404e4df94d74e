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
