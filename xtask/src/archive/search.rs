//! Search across the archive: Pagefind's index of every comment, and the script the index
//! page loads to search it.
//!
//! Each comment becomes a Pagefind custom record (no HTML is parsed): its text, the
//! discussion's title and the author as metadata, and its language, which decides how
//! Pagefind splits words (Chinese indexed as English is never found). The index is built by
//! `xtask/pagefind-index.mjs` with Pagefind's Node API (npm `pagefind`, installed with the
//! build tools in `xtask/node_modules`) into `dist/pagefind/`; `xtask/archive-assets/search.js`
//! becomes `dist/search.js`, which loads Pagefind only when the reader first searches.
//!
//! Result addresses stay relative to the archive's root (`d/<slug>/#comment-<id>`), so the
//! archive works at any path of any host.

use std::path::Path;
use std::process::Command;

use crate::{Result, root, run};

/// One comment in the index.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Relative to the archive's root: `d/<slug>/#comment-<id>`.
    pub url: String,
    /// The discussion's title.
    pub title: String,
    pub author: String,
    /// The comment's plain text.
    pub content: String,
    /// A BCP 47 tag, as `threadview_core::lang::detect` gives ("en", "zh-CN", "tr").
    pub language: String,
}

impl Record {
    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "url": self.url,
            "title": self.title,
            "author": self.author,
            "content": self.content,
            // Pagefind names its per-language indexes in lower case, and matches the page's
            // `lang` lower-cased: "zh-CN" and "zh-cn" must be one index.
            "language": self.language.to_ascii_lowercase(),
        })
    }
}

fn records_json(records: &[Record]) -> String {
    serde_json::Value::Array(records.iter().map(Record::to_json).collect()).to_string()
}

/// Writes the index of `records` to `dist/pagefind/` (replacing any there) and the search
/// script to `dist/search.js`.
pub fn write_index(records: &[Record], dist: &Path) -> Result {
    let out = dist.join("pagefind");
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let temp = root().join("target");
    std::fs::create_dir_all(&temp).map_err(|e| format!("{}: {e}", temp.display()))?;
    let json = temp.join(format!("archive-search-{}.json", std::process::id()));
    std::fs::write(&json, records_json(records)).map_err(|e| format!("{}: {e}", json.display()))?;
    let built = run(Command::new("node")
        .arg(root().join("xtask/pagefind-index.mjs"))
        .arg(&json)
        .arg(&out));
    // Best effort: a leftover file in target/ harms nothing.
    let _ = std::fs::remove_file(&json);
    built.map_err(|e| {
        format!("{e}\n(building the search index needs Node and `npm ci` in xtask/)")
    })?;
    // Pagefind's own UIs and the playground are not used: only pagefind.js, its worker,
    // wasm and the index.
    for unused in [
        "pagefind-ui.js",
        "pagefind-ui.css",
        "pagefind-modular-ui.js",
        "pagefind-modular-ui.css",
        "pagefind-component-ui.js",
        "pagefind-component-ui.css",
        "pagefind-highlight.js",
    ] {
        let path = out.join(unused);
        if path.exists() {
            std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let script = root().join("xtask/archive-assets/search.js");
    std::fs::copy(&script, dist.join("search.js"))
        .map_err(|e| format!("{}: {e}", script.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(url: &str, language: &str) -> Record {
        Record {
            url: url.to_string(),
            title: "Title \"quoted\" <b>".to_string(),
            author: "Ayşe".to_string(),
            content: "我们 & <script>\nline".to_string(),
            language: language.to_string(),
        }
    }

    #[test]
    fn search_records_serialise_for_the_node_script() {
        let json = records_json(&[
            record("d/zh/#comment-1", "zh-CN"),
            record("d/tr/#comment-2", "tr"),
        ]);
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(
            value,
            serde_json::json!([
                {
                    "url": "d/zh/#comment-1",
                    "title": "Title \"quoted\" <b>",
                    "author": "Ayşe",
                    "content": "我们 & <script>\nline",
                    "language": "zh-cn",
                },
                {
                    "url": "d/tr/#comment-2",
                    "title": "Title \"quoted\" <b>",
                    "author": "Ayşe",
                    "content": "我们 & <script>\nline",
                    "language": "tr",
                },
            ])
        );
    }

    #[test]
    fn search_without_records_is_an_empty_list() {
        assert_eq!(records_json(&[]), "[]");
    }

    #[test]
    fn search_assets_exist() {
        assert!(root().join("xtask/pagefind-index.mjs").is_file());
        assert!(root().join("xtask/archive-assets/search.js").is_file());
    }
}
