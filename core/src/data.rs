//! The discussion file: its format (version 1), parsing and validation.
//!
//! Pure Rust, no web-sys, so it is tested natively. The format is documented in
//! `docs/data-format.md` and described by `docs/discussion.schema.json`.

use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::HashSet;
use std::fmt;

use crate::CommentId;
use crate::date::IsoDate;

/// The only format version this build reads.
pub const FORMAT_VERSION: u64 = 1;

/// A validated discussion: the article, its comments in file order, and the moderation notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Discussion {
    pub article: Article,
    pub comments: Vec<Comment>,
    pub hidden: Hidden,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub headline: String,
    pub body: Vec<Block>,
    /// The reprint notice printed under the story.
    #[serde(default)]
    pub notice: Option<String>,
}

/// One block of the article, in reading order.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Block {
    Paragraph(String),
    Subheading(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    pub id: CommentId,
    pub parent: Option<CommentId>,
    pub author: String,
    pub posts: u64,
    pub member_since: IsoDate,
    pub body: String,
}

impl Comment {
    /// The body's paragraphs: blocks separated by a blank line.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }
}

/// Comments removed by moderation: only their numbers and the page's notice remain.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hidden {
    #[serde(default)]
    pub ids: Vec<CommentId>,
    #[serde(default)]
    pub notice: Option<String>,
}

/// Everything that makes a file unreadable, each naming its place. Its kinds, without
/// their details, are [`DataErrorKind`] (`DataErrorKind::iter()` lists them all).
#[derive(Clone, Debug, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(name(DataErrorKind), derive(strum::EnumIter, strum::IntoStaticStr))]
pub enum DataError {
    /// Not JSON, or JSON of the wrong shape; serde_json knows where.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    Empty,
    UnsupportedVersion(u64),
    /// The comment at this position of the list has no usable id.
    MissingId {
        index: usize,
    },
    MissingField {
        id: CommentId,
        field: &'static str,
    },
    EmptyField {
        id: CommentId,
        field: &'static str,
    },
    BadDate {
        id: CommentId,
        value: String,
    },
    DuplicateId {
        id: CommentId,
    },
    UnknownParent {
        id: CommentId,
        parent: CommentId,
    },
    OwnParent {
        id: CommentId,
    },
    /// `id` is one comment of a cycle of parent references that never reaches the top level.
    Cycle {
        id: CommentId,
    },
    EmptyArticle {
        field: &'static str,
    },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax {
                line,
                column,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
            Self::Empty => write!(f, "the file is empty"),
            Self::UnsupportedVersion(v) => write!(
                f,
                "format version {v} is not supported (this build reads version {FORMAT_VERSION})"
            ),
            Self::MissingId { index } => {
                write!(f, "comment number {} in the list has no \"id\"", index + 1)
            }
            Self::MissingField { id, field } => {
                write!(f, "comment {id}: the field \"{field}\" is missing or null")
            }
            Self::EmptyField { id, field } => {
                write!(f, "comment {id}: the field \"{field}\" is empty")
            }
            Self::BadDate { id, value } => write!(
                f,
                "comment {id}: \"member_since\" is \"{value}\", not a date like 2014-05-28"
            ),
            Self::DuplicateId { id } => write!(f, "comment {id} appears more than once"),
            Self::UnknownParent { id, parent } => {
                write!(
                    f,
                    "comment {id} replies to comment {parent}, which is not in the file"
                )
            }
            Self::OwnParent { id } => write!(f, "comment {id} is its own parent"),
            Self::Cycle { id } => write!(
                f,
                "comment {id} is part of a cycle of replies that never reaches the top level"
            ),
            Self::EmptyArticle { field } => write!(f, "the article's \"{field}\" is empty"),
        }
    }
}

impl DataError {
    /// Which kind of problem this is: for tallies and coverage.
    pub fn kind(&self) -> DataErrorKind {
        self.into()
    }
}

impl std::error::Error for DataError {}

/// The file as written, before validation: required fields are optional here so that a
/// missing one is reported with the comment that lacks it, not only a line and column.
///
/// The comments `C` stay unread JSON text (`&RawValue`) at first, so that they can be read
/// a slice at a time (see [`Parsing`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDiscussion<C> {
    version: u64,
    #[serde(deserialize_with = "object")]
    article: Article,
    comments: Vec<C>,
    #[serde(default, deserialize_with = "object")]
    hidden: Hidden,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComment {
    id: Option<CommentId>,
    #[serde(default)]
    parent: Option<CommentId>,
    author: Option<String>,
    posts: Option<u64>,
    member_since: Option<String>,
    body: Option<String>,
}

/// Parses and validates a discussion file. Structural problems of the thread (duplicate
/// ids, unknown parents, cycles) are checked when the thread is built, in [`crate::thread`].
pub fn parse(text: &str) -> Result<Discussion, DataError> {
    let mut parsing = Parsing::start(text)?;
    while !parsing.step(usize::MAX)? {}
    Ok(parsing.finish())
}

/// A file being read a slice of comments at a time, so that the page can draw and answer
/// between slices instead of freezing on a file of 100,000 comments. [`parse`] is the
/// same reading in one go.
pub struct Parsing<'a> {
    text: &'a str,
    article: Article,
    hidden: Hidden,
    raw: Vec<&'a RawValue>,
    comments: Vec<Comment>,
    seen: HashSet<CommentId>,
}

impl<'a> Parsing<'a> {
    /// Reads everything but the comments, and checks that the whole file is JSON of the
    /// right shape: one fast pass that builds nothing for the comments.
    pub fn start(text: &'a str) -> Result<Self, DataError> {
        // A byte-order mark is an encoding artefact, not content; editors on Windows add it.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(DataError::Empty);
        }
        let Object(raw) = serde_json::from_str::<Object<RawDiscussion<&RawValue>>>(text)
            .map_err(|e| whole_file_error(text, e))?;
        if raw.version != FORMAT_VERSION {
            return Err(DataError::UnsupportedVersion(raw.version));
        }
        if raw.article.headline.trim().is_empty() {
            return Err(DataError::EmptyArticle { field: "headline" });
        }
        Ok(Self {
            text,
            article: raw.article,
            hidden: raw.hidden,
            comments: Vec::with_capacity(raw.comments.len()),
            seen: HashSet::with_capacity(raw.comments.len()),
            raw: raw.comments,
        })
    }

    /// Reads and checks up to `count` more comments; true once all are read.
    pub fn step(&mut self, count: usize) -> Result<bool, DataError> {
        let from = self.comments.len();
        let to = from.saturating_add(count).min(self.raw.len());
        for index in from..to {
            let raw = self.raw[index].get();
            let Object(comment) = serde_json::from_str::<Object<RawComment>>(raw)
                .map_err(|e| self.error_in(raw, &e))?;
            let comment = validate_comment(index, comment)?;
            if !self.seen.insert(comment.id) {
                return Err(DataError::DuplicateId { id: comment.id });
            }
            self.comments.push(comment);
        }
        Ok(self.comments.len() == self.raw.len())
    }

    /// Comments read so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.comments.len(), self.raw.len())
    }

    /// The discussion, once [`Parsing::step`] has said it is done.
    pub fn finish(self) -> Discussion {
        Discussion {
            article: self.article,
            comments: self.comments,
            hidden: self.hidden,
        }
    }

    /// An error inside one comment's text, placed in the whole file as serde_json would
    /// have placed it reading the file in one go: it counts lines, and bytes within a line.
    fn error_in(&self, raw: &str, error: &serde_json::Error) -> DataError {
        let offset = raw.as_ptr() as usize - self.text.as_ptr() as usize;
        let before = &self.text.as_bytes()[..offset];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = offset
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
        syntax_error(error, line, column)
    }
}

/// What is wrong with a file that does not parse, found by reading it whole as the format
/// says, comments included: skipping over them places some errors a character early.
fn whole_file_error(text: &str, partial: serde_json::Error) -> DataError {
    let error = serde_json::from_str::<Object<RawDiscussion<Object<RawComment>>>>(text)
        .err()
        .unwrap_or(partial);
    // A file from a future format fails on its fields; say "unsupported version".
    #[derive(Deserialize)]
    struct Version {
        version: u64,
    }
    match serde_json::from_str::<Object<Version>>(text) {
        Ok(Object(Version { version })) if version != FORMAT_VERSION => {
            DataError::UnsupportedVersion(version)
        }
        _ => syntax_error(&error, 1, 0),
    }
}

/// A serde_json error in text that starts at `line` and `column` (counted from 1 and 0).
fn syntax_error(error: &serde_json::Error, line: usize, column: usize) -> DataError {
    let (line, column) = if error.line() == 1 {
        (line, column + error.column())
    } else {
        (line + error.line() - 1, error.column())
    };
    DataError::Syntax {
        line,
        // serde_json counts the characters read on the line, so an error at its first
        // character (a top-level `[`) would say "column 0"; columns count from 1.
        column: column.max(1),
        message: strip_position(&error.to_string()),
    }
}

/// A `T` read only from a JSON object. serde's derived structs also accept an array of
/// their fields in order (`[1, {…}, []]`), which the format does not allow.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        deserializer
            .deserialize_map(Visit(std::marker::PhantomData))
            .map(Object)
    }
}

fn object<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Object::deserialize(d).map(|Object(t)| t)
}

/// serde_json appends " at line L column C"; we report the place ourselves.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn validate_comment(index: usize, c: RawComment) -> Result<Comment, DataError> {
    let id = c.id.ok_or(DataError::MissingId { index })?;
    let text = |value: Option<String>, field| match value {
        None => Err(DataError::MissingField { id, field }),
        Some(s) if s.trim().is_empty() => Err(DataError::EmptyField { id, field }),
        Some(s) => Ok(s),
    };
    let author = text(c.author, "author")?;
    let body = text(c.body, "body")?;
    let since = text(c.member_since, "member_since")?;
    let member_since = IsoDate::parse(&since).ok_or(DataError::BadDate { id, value: since })?;
    let posts = c
        .posts
        .ok_or(DataError::MissingField { id, field: "posts" })?;
    if c.parent == Some(id) {
        return Err(DataError::OwnParent { id });
    }
    Ok(Comment {
        id,
        parent: c.parent,
        author,
        posts,
        member_since,
        body: body.replace("\r\n", "\n"),
    })
}
