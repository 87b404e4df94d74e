//! threadview's pure logic: everything that can be decided without a browser, tested
//! natively. The app (the root crate) draws it; nothing here depends on a browser crate.
//!
//! - [`data`]: the file format, parsing, validation and its errors;
//! - [`thread`]: the thread index (parents, children, depths, subtrees);
//! - [`sort`], [`search`], [`folds`]: orders, matches, the first view and saved folds;
//! - [`url`]: the page address (`?data=`, `?sort=`, `#comment-N`, `#thread-N`);
//! - [`overview`], [`participants`]: the thread at a glance, and who takes part;
//! - [`rich`], [`time`]: format 2's rich text and times;
//! - [`visits`]: "new since your last visit";
//! - [`lang`]: the language of a discussion's text, for an archive's pages and search;
//! - [`words`], [`date`], [`keys`]: what the page says, and which key does what;
//! - [`head`]: the page's title, description and preview tags;
//! - [`limits`]: every limit, said once;
//! - [`load_error`]: what the reader is told when the file cannot be loaded.

pub mod data;
pub mod date;
pub mod folds;
pub mod head;
mod id;
pub mod keys;
pub mod lang;
pub mod limits;
pub mod load_error;
pub mod overview;
pub mod participants;
pub mod rich;
pub mod search;
pub mod sort;
pub mod thread;
pub mod time;
pub mod url;
pub mod visits;
pub mod words;

pub use id::CommentId;

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
