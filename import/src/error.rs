//! What went wrong, and where: every failure of an import, in words for the person who
//! ran it.

use std::fmt;

use crate::Format;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The input is empty or only white space.
    Empty,
    /// Not JSON; serde_json knows where (lines and columns count from 1).
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// XML that is not well-formed (lines and columns count from 1).
    Xml {
        line: usize,
        column: usize,
        message: String,
    },
    /// A format name that names no format.
    UnknownFormat(String),
    /// The content matches no format; `found` says what it is.
    Undetected { found: String },
    /// A threadview discussion file, which needs no import.
    AlreadyDiscussion,
    /// JSON of the wrong shape: at `place` (empty for the whole file), what the format
    /// expects there, and what is there instead.
    Shape {
        place: String,
        expected: String,
        found: String,
    },
    /// The thread asked for is not in the file.
    NoThread { thread: String },
    /// An export of many threads (Disqus, WordPress) needs one picked: how many have
    /// comments, and a few of them, one line each.
    ManyThreads { count: usize, threads: Vec<String> },
    /// The thread asked for is not in the export; `count` threads have comments.
    NoExportThread { thread: String, count: usize },
    /// Nothing to show: `why` says what the export held instead, if anything.
    NoComments { why: String },
    /// The written file does not load: a bug in an importer, reported instead of a
    /// file the page would refuse.
    Output(String),
    /// A line of a takedown list (`takedown`) that is not an entry; lines count from 1.
    Takedown { line: usize, message: String },
}

impl ImportError {
    pub(crate) fn shape(
        place: impl Into<String>,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Self {
        Self::Shape {
            place: place.into(),
            expected: expected.into(),
            found: found.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "the input is empty"),
            Self::Json {
                line,
                column,
                message,
            } => write!(f, "not JSON: line {line}, column {column}: {message}"),
            Self::Xml {
                line,
                column,
                message,
            } => write!(
                f,
                "not well-formed XML: line {line}, column {column}: {message}"
            ),
            Self::UnknownFormat(name) => write!(
                f,
                "unknown format \"{name}\": the formats are {}",
                Format::ALL.map(Format::name).join(", ")
            ),
            Self::Undetected { found } => write!(
                f,
                "cannot tell which format this is: expected one of {}; this is {found}. \
                 Name the format (--from {}) to be told what does not match",
                Format::ALL.map(Format::expected).join(", "),
                Format::ALL.map(Format::name).join(", ")
            ),
            Self::AlreadyDiscussion => write!(
                f,
                "this is already a threadview discussion file (it has \"version\" and \
                 \"article\"): use it as it is"
            ),
            Self::Shape {
                place,
                expected,
                found,
            } => {
                if !place.is_empty() {
                    write!(f, "{place}: ")?;
                }
                write!(f, "{expected}; this is {found}")
            }
            Self::NoThread { thread } => write!(
                f,
                "no comment \"{thread}\" in this file: name the story or one of its comments"
            ),
            Self::ManyThreads { count, threads } => {
                write!(
                    f,
                    "this export holds {count} threads with comments: pick one with \
                     --thread ID, where ID is the thread's id in the export, its \
                     identifier or its link"
                )?;
                for thread in threads {
                    write!(f, "\n  {thread}")?;
                }
                if *count > threads.len() {
                    write!(f, "\n  … and {} more", count - threads.len())?;
                }
                Ok(())
            }
            Self::NoExportThread { thread, count } => write!(
                f,
                "no thread \"{thread}\" in this export: name one of its {count} threads with \
                 comments by its id, identifier or link (run without --thread to list them)"
            ),
            Self::NoComments { why } => {
                write!(f, "the export holds no comments to show")?;
                if !why.is_empty() {
                    write!(f, ": {why}")?;
                }
                Ok(())
            }
            Self::Output(message) => write!(
                f,
                "the imported discussion does not load ({message}): this is a bug in the importer"
            ),
            Self::Takedown { line, message } => write!(f, "line {line}: {message}"),
        }
    }
}

impl std::error::Error for ImportError {}
