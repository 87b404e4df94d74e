//! No private field of an export reaches a built page or its data file: every importer
//! fixture (every thread of a multi-thread export) goes through the import and the
//! prerender, and neither output may hold an e-mail address, an IP address or a
//! commenter's website from the source. The fixtures' own values were replaced with
//! marked ones (`privacy-check-…`, `192.0.2.…`; import/fixtures/SOURCES.md), which are
//! looked for too.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use threadview::prerender;
use threadview_core::Loaded;

/// The fields that hold private values, as XML elements (Disqus, WordPress) or JSON keys.
const PRIVATE_ELEMENTS: [&str; 5] = [
    "email",
    "ipAddress",
    "wp:comment_author_email",
    "wp:comment_author_IP",
    "wp:comment_author_url",
];
const PRIVATE_KEYS: [&str; 4] = ["email", "ip_address", "ip", "website"];

fn fixtures() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/import/fixtures");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json" || e == "xml"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// The texts of every `<name>` element, CDATA unwrapped.
fn elements<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{name}>"), format!("</{name}>"));
    xml.match_indices(&open)
        .filter_map(|(at, _)| {
            let rest = &xml[at + open.len()..];
            let text = &rest[..rest.find(&close)?];
            let text = text.trim();
            let text = text
                .strip_prefix("<![CDATA[")
                .and_then(|t| t.strip_suffix("]]>"))
                .unwrap_or(text);
            Some(text.trim())
        })
        .collect()
}

/// The string values under private keys, anywhere in a JSON document.
fn private_json_values(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                if PRIVATE_KEYS.contains(&key.as_str())
                    && let Some(text) = value.as_str()
                {
                    out.push(text.to_string());
                }
                private_json_values(value, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| private_json_values(v, out)),
        _ => {}
    }
}

fn private_values(source: &str) -> Vec<String> {
    let mut values: Vec<String> = PRIVATE_ELEMENTS
        .iter()
        .flat_map(|name| elements(source, name))
        .map(str::to_string)
        .collect();
    if let Ok(json) = serde_json::from_str(source) {
        private_json_values(&json, &mut values);
    }
    values.retain(|v| !v.is_empty());
    values
}

/// Every discussion file the fixture imports to: each thread of an export. A source
/// with nothing to show (a Mastodon thread of followers-only posts) imports to none.
fn imports(source: &str) -> Vec<String> {
    let mut threads = threadview_import::threads(source).unwrap();
    threads.retain(|t| t.shown > 0);
    if threads.is_empty() {
        return match threadview_import::import(source, None, None) {
            Ok(json) => vec![json],
            Err(threadview_import::ImportError::NoComments { .. }) => Vec::new(),
            Err(e) => panic!("{e}"),
        };
    }
    threads
        .iter()
        .map(|t| threadview_import::import(source, None, t.key()).unwrap())
        .collect()
}

#[test]
fn no_private_field_reaches_a_data_file_or_a_built_page() {
    let mut checked = 0;
    let mut private_seen = 0;
    for (name, source) in fixtures() {
        let private = private_values(&source);
        private_seen += private.len();
        for value in &private {
            assert!(
                value.contains("privacy-check") || value.starts_with("192.0.2."),
                "{name}: the private value {value:?} was not replaced in the fixture"
            );
        }
        for json in imports(&source) {
            let loaded = Arc::new(Loaded::from_json(&json).unwrap());
            let html = prerender::body(loaded);
            for (what, output) in [("data file", &json), ("page", &html)] {
                for marker in ["privacy-check", "192.0.2."] {
                    assert!(
                        !output.contains(marker),
                        "{name}: the {what} holds a private value ({marker}…)"
                    );
                }
                for value in &private {
                    assert!(
                        !output.contains(value.as_str()),
                        "{name}: the {what} holds {value:?}"
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} discussions checked");
    assert!(
        private_seen > 0,
        "no fixture has a private field: the test would prove nothing"
    );
}
