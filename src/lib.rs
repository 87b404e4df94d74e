//! threadview: read a threaded discussion on the web.
//!
//! Pure logic (`data`, `date`, `thread`, `route`) has no web-sys and is tested natively;
//! `api` fetches the file, and `components` render it with Leptos.

pub mod api;
pub mod components;
pub mod data;
pub mod date;
pub mod folds;
pub mod keys;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod route;
pub mod search;
pub mod sort;
pub mod state;
pub mod thread;
pub mod words;

use data::{DataError, Discussion};
use thread::Thread;

/// A discussion that parsed, validated and threaded: what the page renders.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub discussion: Discussion,
    pub thread: Thread,
}

impl Loaded {
    pub fn from_json(text: &str) -> Result<Self, DataError> {
        let discussion = data::parse(text)?;
        let thread = Thread::build(&discussion.comments)?;
        Ok(Self { discussion, thread })
    }
}
