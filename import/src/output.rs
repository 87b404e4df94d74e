//! The file the importers write: threadview's format 2 (docs/data-format.md), field for
//! field, and the last steps every import shares: one thread picked out, replies whose
//! parent is not in the file raised to the top level, and the written file loaded back
//! through `threadview_core` before it is handed out.

use std::collections::HashSet;

use serde::Serialize;
use threadview_core::data::{Badge, Removal};
use threadview_core::rich::Block;
use threadview_core::time::Timestamp;

use crate::ImportError;

#[derive(Debug, Serialize)]
pub struct Discussion {
    pub version: u64,
    pub article: Article,
    pub comments: Vec<Comment>,
    #[serde(skip_serializing_if = "is_zero")]
    pub missing_replies: u64,
}

#[derive(Debug, Default, Serialize)]
pub struct Article {
    pub headline: String,
    pub body: Vec<ArticleBlock>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
}

/// The article's body is plain text in both versions of the format.
#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleBlock {
    Paragraph(String),
    Subheading(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum Id {
    Number(u64),
    Text(String),
}

#[derive(Debug, Serialize)]
pub struct Comment {
    pub id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edited: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<Removal>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub badges: Vec<Badge>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<Vec<Block>>,
    #[serde(skip_serializing_if = "is_zero")]
    pub missing_replies: u64,
}

impl Comment {
    /// A comment with only its id and parent; the importers fill in the rest.
    pub fn new(id: Id, parent: Option<Id>) -> Self {
        Self {
            id,
            parent,
            author: None,
            time: None,
            edited: None,
            score: None,
            state: None,
            badges: Vec::new(),
            url: None,
            body: None,
            missing_replies: 0,
        }
    }
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Seconds since 1970 as RFC 3339, for times from 1970 to 9999 (what the format reads).
pub fn time(unix: i64) -> Option<String> {
    const YEAR_10000: i64 = 253_402_300_800;
    (0..YEAR_10000)
        .contains(&unix)
        .then(|| Timestamp::from_unix(unix).rfc3339())
}

impl Discussion {
    /// Keeps only `root` and its replies, `root` at the top level; `None` keeps all.
    pub fn select(&mut self, root: Option<Id>) -> Result<(), ImportError> {
        let Some(root) = root else { return Ok(()) };
        if !self.comments.iter().any(|c| c.id == root) {
            let thread = match root {
                Id::Number(n) => n.to_string(),
                Id::Text(t) => t,
            };
            return Err(ImportError::NoThread { thread });
        }
        // Parents come before their replies in the importers' output, so one pass finds
        // the subtree.
        let mut kept = HashSet::new();
        self.comments.retain_mut(|c| {
            if c.id == root {
                c.parent = None;
            } else if !c.parent.as_ref().is_some_and(|p| kept.contains(p)) {
                return false;
            }
            kept.insert(c.id.clone());
            true
        });
        self.missing_replies = 0;
        Ok(())
    }

    /// A reply whose parent is not in the file (a permalink page starts below the top
    /// level) becomes a top-level comment, as the page would show it, without a warning.
    fn raise_orphans(&mut self) {
        let ids: HashSet<Id> = self.comments.iter().map(|c| c.id.clone()).collect();
        for comment in &mut self.comments {
            if comment.parent.as_ref().is_some_and(|p| !ids.contains(p)) {
                comment.parent = None;
            }
        }
    }

    /// The file, pretty-printed, once it loads as the page would load it.
    pub fn finish(mut self) -> Result<String, ImportError> {
        self.raise_orphans();
        let json =
            serde_json::to_string_pretty(&self).map_err(|e| ImportError::Output(e.to_string()))?;
        threadview_core::Loaded::from_json(&json)
            .map_err(|e| ImportError::Output(e.to_string()))?;
        Ok(json + "\n")
    }
}
