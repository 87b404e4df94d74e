//! The language of a discussion (being written): recognised from its text, for the page's
//! `lang` and the search index.
//!
//! Interface: `pub fn detect(texts: impl Iterator<Item = &str>) -> &'static str` (a BCP 47
//! tag Pagefind understands: "en", "zh-CN", "ja", "tr", …).
