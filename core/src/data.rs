//! The discussion file: its formats (version 1, and version 2 for real discussions),
//! parsing and validation.
//!
//! Pure Rust, no web-sys, so it is tested natively. The format is documented in
//! `docs/data-format.md` and described by `docs/discussion.schema.json`.

use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::HashSet;
use std::fmt;

use crate::CommentId;
use crate::date::IsoDate;
use crate::id::number_id;
use crate::rich;
use crate::time::Timestamp;

/// The format versions this build reads.
pub const FORMAT_VERSIONS: [u64; 2] = [1, 2];

/// A validated discussion: the article, its comments in file order, and the moderation notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Discussion {
    pub article: Article,
    pub comments: Vec<Comment>,
    pub hidden: Hidden,
    /// Top-level comments that exist on the original site but are not in the file.
    pub missing_replies: u64,
    /// What the import left out or changed, one sentence each (format 2): shown on the
    /// page, so that nothing is lost silently.
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub headline: String,
    pub body: Vec<Block>,
    /// The reprint notice printed under the story.
    pub notice: Option<String>,
    /// Who wrote or submitted the story, where known (format 2).
    pub author: Option<String>,
    pub time: Option<Timestamp>,
    /// The discussion on the original site (`http` or `https`).
    pub url: Option<String>,
    /// The original site's name.
    pub site: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle1 {
    headline: String,
    body: Vec<Block>,
    #[serde(default)]
    notice: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle2 {
    headline: String,
    body: Vec<Block>,
    #[serde(default)]
    notice: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    time: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    site: Option<String>,
}

/// One block of the article, in reading order.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Block {
    Paragraph(String),
    Subheading(String),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comment {
    pub id: CommentId,
    pub parent: Option<CommentId>,
    /// Empty for a deleted or removed comment, which has no author.
    pub author: String,
    pub posts: Option<u64>,
    pub member_since: Option<IsoDate>,
    /// The text: as written for a plain body, or the rich body's plain text. Empty for a
    /// deleted or removed comment. What search reads.
    pub body: String,
    /// A rich body (format 2), drawn as elements.
    pub rich: Option<Vec<rich::Block>>,
    pub time: Option<Timestamp>,
    pub edited: Option<Timestamp>,
    pub score: Option<i64>,
    pub state: Option<Removal>,
    pub badges: Vec<Badge>,
    /// The comment on the original site.
    pub url: Option<String>,
    /// Replies that exist on the original site but are not in the file.
    pub missing_replies: u64,
    /// What the entry is, when it is not a reader's comment (format 2).
    pub kind: Option<Kind>,
    /// A content warning: the text stays hidden until the reader reveals it (format 2).
    pub warning: Option<String>,
}

/// An entry of the thread that is not a reader's comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Another site's notice that it linked here (WordPress).
    Pingback,
    /// The same, sent by hand (WordPress).
    Trackback,
    /// A moderator's or the system's action: closed, pinned, split (Discourse).
    Action,
}

impl Kind {
    /// How the page names it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pingback => "Pingback",
            Self::Trackback => "Trackback",
            Self::Action => "Moderator action",
        }
    }
}

/// Why a comment has no text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Removal {
    /// By its author.
    Deleted,
    /// By a moderator.
    Removed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Badge {
    /// The original poster.
    Op,
    Moderator,
    Admin,
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
    /// A time that is not RFC 3339, in a comment (`id`) or the article (None).
    BadTime {
        id: Option<CommentId>,
        field: &'static str,
        value: String,
    },
    /// A link to the original site that is not `http` or `https`.
    BadUrl {
        id: Option<CommentId>,
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
                "format version {v} is not supported (this build reads versions 1 and 2)"
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
            Self::BadTime { id, field, value } => write!(
                f,
                "{}: \"{field}\" is \"{value}\", not a time like 2018-11-17T01:42:27Z",
                place(*id)
            ),
            Self::BadUrl { id, value } => write!(
                f,
                "{}: \"url\" is \"{value}\", not an http or https address",
                place(*id)
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

/// Where a problem is: a comment, or the article.
fn place(id: Option<CommentId>) -> String {
    id.map_or_else(|| "the article".to_string(), |id| format!("comment {id}"))
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
    article: RawArticle1,
    comments: Vec<C>,
    #[serde(default, deserialize_with = "object")]
    hidden: RawHidden1,
}

/// Version 1's hidden comments: numbers only, as its ids.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHidden1 {
    #[serde(default)]
    ids: Vec<u64>,
    #[serde(default)]
    notice: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDiscussion2<C> {
    #[expect(
        dead_code,
        reason = "read first, by `Version`; here it keeps the shape whole"
    )]
    version: u64,
    #[serde(deserialize_with = "object")]
    article: RawArticle2,
    comments: Vec<C>,
    #[serde(default, deserialize_with = "object")]
    hidden: Hidden,
    #[serde(default)]
    missing_replies: u64,
    #[serde(default)]
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComment {
    #[serde(default, deserialize_with = "number_id")]
    id: Option<CommentId>,
    #[serde(default, deserialize_with = "number_id")]
    parent: Option<CommentId>,
    author: Option<String>,
    posts: Option<u64>,
    member_since: Option<String>,
    body: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComment2 {
    id: Option<CommentId>,
    #[serde(default)]
    parent: Option<CommentId>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    time: Option<String>,
    #[serde(default)]
    edited: Option<String>,
    #[serde(default)]
    score: Option<i64>,
    #[serde(default)]
    state: Option<Removal>,
    #[serde(default)]
    badges: Vec<Badge>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    body: Option<RawBody>,
    #[serde(default)]
    missing_replies: u64,
    #[serde(default)]
    posts: Option<u64>,
    #[serde(default)]
    member_since: Option<String>,
    #[serde(default)]
    kind: Option<Kind>,
    #[serde(default)]
    warning: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawBody {
    Plain(String),
    Rich(Vec<rich::Block>),
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
    version: u64,
    article: Article,
    hidden: Hidden,
    missing_replies: u64,
    notes: Vec<String>,
    raw: Vec<&'a RawValue>,
    comments: Vec<Comment>,
    seen: HashSet<CommentId>,
}

/// Only the version, to choose how to read the rest.
#[derive(Deserialize)]
struct Version {
    version: u64,
}

impl<'a> Parsing<'a> {
    /// Reads everything but the comments, and checks that the whole file is JSON of the
    /// right shape: one fast pass that builds nothing for the comments (two for format 2,
    /// whose version is read first).
    pub fn start(text: &'a str) -> Result<Self, DataError> {
        // A byte-order mark is an encoding artefact, not content; editors on Windows add it.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(DataError::Empty);
        }
        if let Ok(Object(Version { version: 2 })) = serde_json::from_str(text) {
            return Self::start2(text);
        }
        let Object(raw) = serde_json::from_str::<Object<RawDiscussion<&RawValue>>>(text)
            .map_err(|e| whole_file_error(text, e))?;
        if raw.version != 1 {
            return Err(DataError::UnsupportedVersion(raw.version));
        }
        let article = Article {
            headline: raw.article.headline,
            body: raw.article.body,
            notice: raw.article.notice,
            ..Article::default()
        };
        let hidden = Hidden {
            ids: raw.hidden.ids.into_iter().map(CommentId::Number).collect(),
            notice: raw.hidden.notice,
        };
        Self::begin(text, 1, article, hidden, (0, Vec::new()), raw.comments)
    }

    fn start2(text: &'a str) -> Result<Self, DataError> {
        let Object(raw) =
            serde_json::from_str::<Object<RawDiscussion2<&RawValue>>>(text).map_err(|e| {
                let whole =
                    serde_json::from_str::<Object<RawDiscussion2<Object<RawComment2>>>>(text);
                syntax_error(&whole.err().unwrap_or(e), 1, 0)
            })?;
        let a = raw.article;
        let article = Article {
            headline: a.headline,
            body: a.body,
            notice: a.notice,
            author: a.author,
            time: time_of(None, "time", a.time)?,
            url: url_of(None, a.url)?,
            site: a.site,
        };
        Self::begin(
            text,
            2,
            article,
            raw.hidden,
            (raw.missing_replies, raw.notes),
            raw.comments,
        )
    }

    fn begin(
        text: &'a str,
        version: u64,
        article: Article,
        hidden: Hidden,
        (missing_replies, notes): (u64, Vec<String>),
        raw: Vec<&'a RawValue>,
    ) -> Result<Self, DataError> {
        if article.headline.trim().is_empty() {
            return Err(DataError::EmptyArticle { field: "headline" });
        }
        Ok(Self {
            text,
            version,
            article,
            hidden,
            missing_replies,
            notes,
            comments: Vec::with_capacity(raw.len()),
            seen: HashSet::with_capacity(raw.len()),
            raw,
        })
    }

    /// Reads and checks up to `count` more comments; true once all are read.
    pub fn step(&mut self, count: usize) -> Result<bool, DataError> {
        let from = self.comments.len();
        let to = from.saturating_add(count).min(self.raw.len());
        for index in from..to {
            let raw = self.raw[index].get();
            let comment = if self.version == 1 {
                let Object(comment) = serde_json::from_str::<Object<RawComment>>(raw)
                    .map_err(|e| self.error_in(raw, &e))?;
                validate_comment(index, comment)?
            } else {
                let Object(comment) = serde_json::from_str::<Object<RawComment2>>(raw)
                    .map_err(|e| self.error_in(raw, &e))?;
                validate_comment2(index, comment)?
            };
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
            missing_replies: self.missing_replies,
            notes: self.notes,
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
    match serde_json::from_str::<Object<Version>>(text) {
        Ok(Object(Version { version })) if !FORMAT_VERSIONS.contains(&version) => {
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
        posts: Some(posts),
        member_since: Some(member_since),
        body: body.replace("\r\n", "\n"),
        ..Comment::default()
    })
}

/// A format 2 comment: only the id is always required; a comment that is not deleted or
/// removed needs its author and body.
fn validate_comment2(index: usize, c: RawComment2) -> Result<Comment, DataError> {
    let id = c.id.ok_or(DataError::MissingId { index })?;
    if c.parent == Some(id) {
        return Err(DataError::OwnParent { id });
    }
    let member_since = match c.member_since {
        None => None,
        Some(value) => Some(IsoDate::parse(&value).ok_or(DataError::BadDate { id, value })?),
    };
    let mut comment = Comment {
        id,
        parent: c.parent,
        posts: c.posts,
        member_since,
        time: time_of(Some(id), "time", c.time)?,
        edited: time_of(Some(id), "edited", c.edited)?,
        score: c.score,
        state: c.state,
        badges: c.badges,
        url: url_of(Some(id), c.url)?,
        missing_replies: c.missing_replies,
        kind: c.kind,
        warning: c.warning.filter(|w| !w.trim().is_empty()),
        ..Comment::default()
    };
    // A deleted or removed comment shows no text, even where the source kept it.
    if comment.state.is_some() {
        return Ok(comment);
    }
    comment.author = match c.author {
        None => {
            return Err(DataError::MissingField {
                id,
                field: "author",
            });
        }
        Some(a) if a.trim().is_empty() => {
            return Err(DataError::EmptyField {
                id,
                field: "author",
            });
        }
        Some(a) => a,
    };
    match c.body {
        None => return Err(DataError::MissingField { id, field: "body" }),
        Some(RawBody::Plain(text)) => comment.body = text.replace("\r\n", "\n"),
        Some(RawBody::Rich(blocks)) => {
            comment.body = rich::plain_text(&blocks);
            comment.rich = Some(blocks);
        }
    }
    if comment.body.trim().is_empty() {
        return Err(DataError::EmptyField { id, field: "body" });
    }
    Ok(comment)
}

fn time_of(
    id: Option<CommentId>,
    field: &'static str,
    value: Option<String>,
) -> Result<Option<Timestamp>, DataError> {
    value
        .map(|value| Timestamp::parse(&value).ok_or(DataError::BadTime { id, field, value }))
        .transpose()
}

fn url_of(id: Option<CommentId>, value: Option<String>) -> Result<Option<String>, DataError> {
    match value {
        Some(value) if !value.starts_with("http://") && !value.starts_with("https://") => {
            Err(DataError::BadUrl { id, value })
        }
        _ => Ok(value),
    }
}
