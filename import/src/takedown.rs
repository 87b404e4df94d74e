//! Takedowns (being written): comments a publisher must remove, by id or author, kept in a
//! file so that a rebuild never brings them back.
//!
//! Interface:
//! - `pub struct Takedowns` with `pub fn parse(text: &str) -> Result<Takedowns, ImportError>`
//!   (errors with their line);
//! - `pub fn apply(&self, discussion_json: &str) -> Result<(String, usize), ImportError>`:
//!   the file with each listed comment `"state": "removed"` (no author, no body), its
//!   replies kept, and how many were removed.
