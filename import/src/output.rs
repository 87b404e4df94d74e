//! The file the importers write: threadview's format 2 (docs/data-format.md), field for
//! field, and the last steps every import shares: one thread picked out, replies whose
//! parent is not in the file raised to the top level, and the written file loaded back
//! through `threadview_core` before it is handed out.

use std::collections::HashSet;

use serde::Serialize;
use threadview_core::data::{Badge, Kind, Removal};
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
    /// What the import left out or changed, one sentence each; the page shows them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
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
    pub kind: Option<Kind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
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
            kind: None,
            warning: None,
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
            return Err(ImportError::NoThread {
                thread: root.to_string(),
            });
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

    /// A second comment with an id already seen is left out, and noted: the first is
    /// kept, since exports list a comment before its later copies (an edit, a re-import).
    fn drop_duplicates(&mut self) {
        let mut seen = HashSet::new();
        let mut dropped: Vec<Id> = Vec::new();
        self.comments.retain(|c| {
            let first = seen.insert(c.id.clone());
            if !first {
                dropped.push(c.id.clone());
            }
            first
        });
        if !dropped.is_empty() {
            self.notes.push(format!(
                "{} appeared more than once in the source; the first copy of each is kept, \
                 the later ones are left out",
                listing("Comment", "Comments", &dropped)
            ));
        }
    }

    /// A reply whose parent is not in the file (a permalink page starts below the top
    /// level, a forum page skips posts) is kept at the top level, as the page would show
    /// it, and noted.
    fn raise_orphans(&mut self) {
        let ids: HashSet<Id> = self.comments.iter().map(|c| c.id.clone()).collect();
        let mut raised = Vec::new();
        for comment in &mut self.comments {
            if comment.parent.as_ref().is_some_and(|p| !ids.contains(p)) {
                comment.parent = None;
                raised.push(comment.id.clone());
            }
        }
        if !raised.is_empty() {
            let (one, many) = ("reply", "replies");
            let count = if raised.len() == 1 { one } else { many };
            self.notes.push(format!(
                "{}: {count} to a comment that is not in the source, shown at the top level",
                listing("Comment", "Comments", &raised)
            ));
        }
    }

    /// The file, pretty-printed, once it loads as the page would load it.
    pub fn finish(mut self) -> Result<String, ImportError> {
        self.drop_duplicates();
        self.raise_orphans();
        let json =
            serde_json::to_string_pretty(&self).map_err(|e| ImportError::Output(e.to_string()))?;
        threadview_core::Loaded::from_json(&json)
            .map_err(|e| ImportError::Output(e.to_string()))?;
        Ok(json + "\n")
    }
}

/// "Comment 5", "Comments 5, 7 and 9", or the first ten and "and 3 more".
pub fn listing(one: &str, many: &str, ids: &[Id]) -> String {
    const SHOWN: usize = 10;
    let names: Vec<String> = ids.iter().take(SHOWN).map(Id::to_string).collect();
    let more = ids.len().saturating_sub(SHOWN);
    match (names.as_slice(), more) {
        ([only], 0) => format!("{one} {only}"),
        ([init @ .., last], 0) => format!("{many} {} and {last}", init.join(", ")),
        (shown, more) => format!("{many} {} and {more} more", shown.join(", ")),
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Number(n) => write!(f, "{n}"),
            Self::Text(t) => f.write_str(t),
        }
    }
}
