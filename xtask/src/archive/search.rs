//! Search across the archive (being written): Pagefind's index of every comment.
//!
//! Interface the archive build (`archive/mod.rs`) calls:
//! - `pub struct Record { pub url: String, pub title: String, pub author: String,
//!   pub content: String, pub language: String }`: one comment, `url` relative to the
//!   archive's root (`d/<slug>/#comment-<id>`).
//! - `pub fn write_index(records: &[Record], dist: &Path) -> Result`: writes
//!   `dist/pagefind/` and the search script the index page loads, `dist/search.js`.
