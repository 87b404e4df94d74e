//! Takedowns: comments a publisher must remove, kept in a file given to every build
//! (`--remove FILE`), so that a rebuild from the export never brings them back.
//!
//! # The file
//!
//! UTF-8 text, one entry per line:
//!
//! ```text
//! # Requests of 2024-03-01
//! comment 4516623578        # removes comment 4516623578 in every thread
//! 18476211                  # a bare id: the same as `comment 18476211`
//! author Jane Doe           # every comment by "Jane Doe"
//! thread graduation comment 7   # comment 7 of that thread only
//! ```
//!
//! - `comment ID`, or a bare `ID`: the comment with that id, in every thread. An id is 1 to
//!   64 characters of `A-Z a-z 0-9 _ -`, as in the discussion file; `comment 5` matches
//!   both `"id": 5` and `"id": "5"`.
//! - `author NAME`: every comment whose author is exactly NAME (both trimmed; case and
//!   inner spaces count).
//! - `thread KEY comment ID`: comment ID in one thread only. KEY is compared with the
//!   discussion's `article.url` and with the keys the build passes to
//!   [`Takedowns::apply_in`] (the thread's slug, its id in the export).
//! - `#` at the start of a line, or after a space, starts a comment to the end of the line;
//!   blank lines are ignored. The words `comment`, `author` and `thread` may be in any case.
//!
//! Any other line is an error naming its line number ([`ImportError::Takedown`]).
//!
//! # What a removal does
//!
//! The comment keeps its place, its replies, its `id`, `parent`, `time` and
//! `missing_replies`, and becomes `"state": "removed"`; everything else (`author`, `body`,
//! `url`, `warning`, `badges`, `score`, `edited`, `kind`, `posts`, `member_since`) is dropped.
//! Text of it quoted in other comments' replies is not touched. The rest of the file is
//! kept byte for byte. A version 1 file (the bundled seed) becomes version 2 when a
//! comment of it is removed, since version 1 has no `state`; version 2 reads every
//! version 1 field.
//!
//! # Entries that match nothing
//!
//! Every `apply` records which entries matched a comment; [`Takedowns::unmatched`] lists
//! those that never did, over every discussion applied so far, so that a typo is reported
//! rather than silently removing nothing. An entry matches a comment it names even if that
//! comment is already removed; an `author` entry matches only comments that still show
//! their author, so apply the list to the importer's output, not to its own output.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::ImportError;

/// What an entry removes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The comment with this id, in every thread.
    Comment(String),
    /// Every comment by this author.
    Author(String),
    /// The comment `comment` of the thread named `thread`.
    ThreadComment { thread: String, comment: String },
}

/// One line of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Counted from 1.
    pub line: usize,
    pub target: Target,
}

/// The entry as it would be written: `comment 5`, `author Jane Doe`,
/// `thread graduation comment 7`.
impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.target {
            Target::Comment(id) => write!(f, "comment {id}"),
            Target::Author(name) => write!(f, "author {name}"),
            Target::ThreadComment { thread, comment } => {
                write!(f, "thread {thread} comment {comment}")
            }
        }
    }
}

/// A takedown list, read by [`Takedowns::parse`]; it remembers which of its entries have
/// matched a comment in the discussions applied so far.
#[derive(Debug, Default)]
pub struct Takedowns {
    entries: Vec<Entry>,
    matched: Vec<AtomicBool>,
}

impl Takedowns {
    /// Reads a takedown list (the format is in the module's documentation).
    pub fn parse(text: &str) -> Result<Self, ImportError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut entries = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let content = strip_comment(raw).trim();
            if content.is_empty() {
                continue;
            }
            let target = parse_line(content).map_err(|message| ImportError::Takedown {
                line,
                message: format!("\"{}\": {message}", content),
            })?;
            entries.push(Entry { line, target });
        }
        let matched = entries.iter().map(|_| AtomicBool::new(false)).collect();
        Ok(Self { entries, matched })
    }

    /// The entries, in the file's order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries that have matched no comment in any discussion applied so far.
    pub fn unmatched(&self) -> Vec<&Entry> {
        self.entries
            .iter()
            .zip(&self.matched)
            .filter(|(_, m)| !m.load(Ordering::Relaxed))
            .map(|(e, _)| e)
            .collect()
    }

    /// [`Takedowns::apply_in`] with no keys for the thread: `thread KEY` entries match
    /// the discussion's `article.url` only.
    pub fn apply(&self, discussion_json: &str) -> Result<(String, usize), ImportError> {
        self.apply_in(discussion_json, &[])
    }

    /// The discussion file with every comment the list names removed, and how many
    /// comments this turned to `"state": "removed"` (one removed already is not counted).
    /// `keys` name the thread for `thread KEY comment ID` entries (its slug, its id in the
    /// export), besides its `article.url`. The file is returned as it came when nothing
    /// is removed.
    pub fn apply_in(
        &self,
        discussion_json: &str,
        keys: &[&str],
    ) -> Result<(String, usize), ImportError> {
        let input = discussion_json
            .strip_prefix('\u{feff}')
            .unwrap_or(discussion_json);
        let top: Ordered = serde_json::from_str(input).map_err(|e| crate::json_error(&e))?;
        let version = top
            .get("version")
            .and_then(|v| serde_json::from_str::<u64>(v.get()).ok());
        if !matches!(version, Some(1 | 2)) {
            return Err(ImportError::shape(
                "",
                "takedowns apply to a threadview discussion file, version 1 or 2",
                "not one (its \"version\" is missing or not 1 or 2)",
            ));
        }
        let url = top
            .get("article")
            .and_then(|a| serde_json::from_str::<ArticleUrl>(a.get()).ok())
            .and_then(|a| a.url);
        let in_thread = |thread: &str| url.as_deref() == Some(thread) || keys.contains(&thread);
        let raw_comments = top.get("comments").ok_or_else(|| {
            ImportError::shape("", "a discussion file has \"comments\"", "a file without")
        })?;
        let comments: Vec<&RawValue> = serde_json::from_str(raw_comments.get())
            .map_err(|_| ImportError::shape("comments", "an array of comments", "not one"))?;

        let mut removed = 0;
        let mut changed: Vec<Option<String>> = vec![None; comments.len()];
        for (i, raw) in comments.iter().enumerate() {
            let seen: Seen = serde_json::from_str(raw.get()).map_err(|_| {
                ImportError::shape(format!("comment number {}", i + 1), "an object", "not one")
            })?;
            let id = match &seen.id {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => continue,
            };
            let author = seen.author.as_deref().map(str::trim);
            let mut hit = false;
            for (entry, matched) in self.entries.iter().zip(&self.matched) {
                let matches = match &entry.target {
                    Target::Comment(c) => *c == id,
                    Target::Author(name) => author == Some(name.as_str()),
                    Target::ThreadComment { thread, comment } => {
                        *comment == id && in_thread(thread)
                    }
                };
                if matches {
                    matched.store(true, Ordering::Relaxed);
                    hit = true;
                }
            }
            if hit {
                if seen.state.as_deref() != Some("removed") {
                    removed += 1;
                }
                changed[i] = Some(removed_comment(raw)?);
            }
        }
        if changed.iter().all(Option::is_none) {
            return Ok((discussion_json.to_string(), 0));
        }

        // The file again, pretty-printed as the importers write it; every value not
        // changed is its text from the input.
        let mut out = String::from("{");
        for (n, (key, value)) in top.0.iter().enumerate() {
            out.push_str(if n == 0 { "\n  " } else { ",\n  " });
            out.push_str(&serde_json::to_string(key).map_err(output)?);
            out.push_str(": ");
            match key.as_str() {
                "version" => out.push('2'),
                "comments" if comments.is_empty() => out.push_str("[]"),
                "comments" => {
                    out.push('[');
                    for (m, (raw, new)) in comments.iter().zip(&changed).enumerate() {
                        out.push_str(if m == 0 { "\n    " } else { ",\n    " });
                        match new {
                            Some(new) => out.push_str(new),
                            None => out.push_str(raw.get()),
                        }
                    }
                    out.push_str("\n  ]");
                }
                _ => out.push_str(value.get()),
            }
        }
        out.push_str("\n}\n");
        Ok((out, removed))
    }
}

/// The text before a comment: `#` at the start or after white space.
fn strip_comment(line: &str) -> &str {
    let mut previous_blank = true;
    for (i, c) in line.char_indices() {
        if c == '#' && previous_blank {
            return &line[..i];
        }
        previous_blank = c.is_whitespace();
    }
    line
}

fn parse_line(content: &str) -> Result<Target, String> {
    let words: Vec<&str> = content.split_whitespace().collect();
    let is = |word: &str, name: &str| word.eq_ignore_ascii_case(name);
    match words.as_slice() {
        [first, ..] if is(first, "author") => {
            let name = content[first.len()..].trim();
            if name.is_empty() {
                Err("\"author\" needs a name: author NAME".to_string())
            } else {
                Ok(Target::Author(name.to_string()))
            }
        }
        [first, id] if is(first, "comment") => Ok(Target::Comment(comment_id(id)?)),
        [first, ..] if is(first, "comment") => {
            Err("\"comment\" needs one id: comment ID".to_string())
        }
        [first, thread, word, id] if is(first, "thread") && is(word, "comment") => {
            Ok(Target::ThreadComment {
                thread: (*thread).to_string(),
                comment: comment_id(id)?,
            })
        }
        [first, ..] if is(first, "thread") => {
            Err("\"thread\" is written thread KEY comment ID".to_string())
        }
        [id] if is_id(id) => Ok(Target::Comment((*id).to_string())),
        _ => Err(
            "not an entry: write comment ID, author NAME, thread KEY comment ID, \
             or a comment's id alone"
                .to_string(),
        ),
    }
}

fn comment_id(id: &str) -> Result<String, String> {
    if is_id(id) {
        Ok(id.to_string())
    } else {
        Err(format!(
            "\"{id}\" is not a comment id (1 to 64 characters of A-Z a-z 0-9 _ -)"
        ))
    }
}

fn is_id(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn output(e: serde_json::Error) -> ImportError {
    ImportError::Output(e.to_string())
}

/// What a removed comment keeps, pretty-printed at the depth of a comment in the file.
fn removed_comment(raw: &RawValue) -> Result<String, ImportError> {
    let old: Map<String, Value> = serde_json::from_str(raw.get()).map_err(output)?;
    #[derive(Serialize)]
    struct Removed<'a> {
        id: &'a Value,
        #[serde(skip_serializing_if = "Option::is_none")]
        parent: Option<&'a Value>,
        #[serde(skip_serializing_if = "Option::is_none")]
        time: Option<&'a Value>,
        state: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        missing_replies: Option<&'a Value>,
    }
    let present = |key: &str| old.get(key).filter(|v| !v.is_null());
    let removed = Removed {
        id: &old["id"],
        parent: present("parent"),
        time: present("time"),
        state: "removed",
        missing_replies: present("missing_replies"),
    };
    let text = serde_json::to_string_pretty(&removed).map_err(output)?;
    Ok(text.replace('\n', "\n    "))
}

/// The fields of a comment that entries match.
#[derive(Deserialize)]
struct Seen {
    id: Option<Value>,
    author: Option<String>,
    state: Option<String>,
}

#[derive(Deserialize)]
struct ArticleUrl {
    url: Option<String>,
}

/// A JSON object's members in the file's order, each value as its text.
struct Ordered<'a>(Vec<(String, &'a RawValue)>);

impl<'a> Ordered<'a> {
    fn get(&self, key: &str) -> Option<&'a RawValue> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Ordered<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Members<'a> {
            type Value = Ordered<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a discussion file (a JSON object)")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, &'a RawValue>()? {
                    members.push(member);
                }
                Ok(Ordered(members))
            }
        }
        deserializer.deserialize_map(Members(std::marker::PhantomData))
    }
}
