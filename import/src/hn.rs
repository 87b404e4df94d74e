//! Hacker News: an item from the Algolia API (`https://hn.algolia.com/api/v1/items/ID`),
//! the story with its comments nested in `children`, text in HTML.
//!
//! The story becomes the article (its text, if any, as paragraphs); each comment keeps
//! its number, parent, author, time and text. A deleted or dead comment (`author` and
//! `text` null) is written as deleted and keeps its replies. A paragraph that starts
//! with `>` is Hacker News's way to quote, and becomes a quote.

use serde_json::Value;
use threadview_core::data::{Badge, Removal};
use threadview_core::rich::{Block, Inline, Styled, inline_text};

use crate::output::{Article, Comment, Discussion, Id, time};
use crate::value::{Obj, describe};
use crate::{Format, ImportError, detect, html, rich};

const SITE: &str = "Hacker News";

const EXPECTED: &str = "a Hacker News item from the Algolia API is an object with \"id\", \"title\" \
                        and nested \"children\"";

fn item_url(id: u64) -> String {
    format!("https://news.ycombinator.com/item?id={id}")
}

pub fn import(value: &Value, thread: Option<&str>) -> Result<Discussion, ImportError> {
    let story = Obj::new(value, "", EXPECTED).map_err(|e| detect::hint(e, value, Format::Hn))?;
    if !story.map.contains_key("children") {
        let error = ImportError::shape("", EXPECTED, describe(value));
        return Err(detect::hint(error, value, Format::Hn));
    }
    let id = number_id(&story)?;
    let Some(headline) = story.str("title")?.filter(|t| !t.trim().is_empty()) else {
        let kind = story.str("type")?.unwrap_or("item");
        let parent = match story.int("story_id")? {
            Some(s) => format!(": import its story, item {s}"),
            None => String::new(),
        };
        return Err(ImportError::shape(
            format!("item {id}"),
            "the item to import is a story, with a \"title\"",
            format!("a {kind} without a title{parent}"),
        ));
    };
    let author = story.str("author")?.map(str::to_string);
    let body = story
        .str("text")?
        .map(|text| rich::article(&quotes(html::to_blocks(text))))
        .unwrap_or_default();
    let mut discussion = Discussion {
        version: 2,
        article: Article {
            headline: headline.to_string(),
            body,
            author: author.clone(),
            time: created(&story)?,
            url: Some(item_url(id)),
            site: Some(SITE.to_string()),
        },
        comments: Vec::new(),
        missing_replies: 0,
        notes: Vec::new(),
    };
    let mut reader = Reader {
        op: author,
        comments: &mut discussion.comments,
    };
    reader.children(&story, None)?;
    let root = match thread.map(str::trim) {
        None => None,
        Some(t) if t == id.to_string() => None,
        Some(t) => Some(
            t.parse()
                .map(Id::Number)
                .map_err(|_| ImportError::NoThread {
                    thread: t.to_string(),
                })?,
        ),
    };
    discussion.select(root)?;
    Ok(discussion)
}

fn number_id(item: &Obj<'_>) -> Result<u64, ImportError> {
    match item.get("id") {
        Some(Value::Number(n)) if n.as_u64().is_some() => Ok(n.as_u64().unwrap_or_default()),
        // Some clients save ids as text.
        Some(Value::String(s)) if s.parse::<u64>().is_ok() => Ok(s.parse().unwrap_or_default()),
        _ => Err(item.wrong("id", "the item's number")),
    }
}

fn created(item: &Obj<'_>) -> Result<Option<String>, ImportError> {
    if let Some(seconds) = item.int("created_at_i")? {
        return time(seconds)
            .map(Some)
            .ok_or_else(|| item.wrong("created_at_i", "a time in seconds since 1970"));
    }
    match item.str("created_at")? {
        None => Ok(None),
        Some(text) => threadview_core::time::Timestamp::parse(text)
            .map(|t| Some(t.rfc3339()))
            .ok_or_else(|| item.wrong("created_at", "a time like 2018-11-17T13:27:56.000Z")),
    }
}

struct Reader<'a> {
    /// The story's author: their comments get the "op" badge.
    op: Option<String>,
    comments: &'a mut Vec<Comment>,
}

impl Reader<'_> {
    /// The replies to `item`, each followed by its own, in the order of the source.
    fn children(&mut self, item: &Obj<'_>, parent: Option<u64>) -> Result<(), ImportError> {
        for (i, child) in item.array("children")?.iter().enumerate() {
            let place = match parent {
                Some(p) => format!("comment {p}, reply {}", i + 1),
                None => format!("top-level comment {}", i + 1),
            };
            let child = Obj::new(child, place, "a comment is an object")?;
            let id = number_id(&child)?;
            let child = Obj {
                map: child.map,
                place: format!("comment {id}"),
            };
            self.comment(&child, id, parent)?;
            self.children(&child, Some(id))?;
        }
        Ok(())
    }

    fn comment(&mut self, item: &Obj<'_>, id: u64, parent: Option<u64>) -> Result<(), ImportError> {
        let mut comment = Comment::new(Id::Number(id), parent.map(Id::Number));
        comment.time = created(item)?;
        comment.url = Some(item_url(id));
        comment.score = item.int("points")?;
        match (item.str("author")?, item.str("text")?) {
            (Some(author), Some(text)) => {
                if self.op.as_deref() == Some(author) {
                    comment.badges.push(Badge::Op);
                }
                comment.author = Some(author.to_string());
                comment.body = Some(rich::body(quotes(html::to_blocks(text)), text));
            }
            // Deleted by its author, or dead: the API keeps neither name nor text.
            _ => comment.state = Some(Removal::Deleted),
        }
        self.comments.push(comment);
        Ok(())
    }
}

/// Paragraphs that start with `>` as quotes (`>>` a quote in a quote), a run of them as
/// one quote.
fn quotes(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut run: Vec<Block> = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(inlines) if starts_with_quote(&inlines) => {
                let inlines = strip_quote(inlines);
                if !inline_text(&inlines).trim().is_empty() {
                    run.push(Block::Paragraph(inlines));
                }
            }
            other => {
                if !run.is_empty() {
                    out.push(Block::Quote(quotes(std::mem::take(&mut run))));
                }
                out.push(other);
            }
        }
    }
    if !run.is_empty() {
        out.push(Block::Quote(quotes(run)));
    }
    out
}

fn starts_with_quote(inlines: &[Inline]) -> bool {
    match inlines.first() {
        Some(Inline::Text(text)) => text.starts_with('>'),
        Some(Inline::Styled(Styled::Em(inner) | Styled::Strong(inner))) => starts_with_quote(inner),
        _ => false,
    }
}

/// The inlines without their leading `>` and the space after it.
fn strip_quote(mut inlines: Vec<Inline>) -> Vec<Inline> {
    match inlines.first_mut() {
        Some(Inline::Text(text)) => {
            *text = text[1..].trim_start().to_string();
            if text.is_empty() {
                inlines.remove(0);
            }
        }
        Some(Inline::Styled(Styled::Em(inner) | Styled::Strong(inner))) => {
            *inner = strip_quote(std::mem::take(inner));
        }
        _ => {}
    }
    inlines
}

#[cfg(test)]
mod tests {
    use super::*;
    use threadview_core::rich::plain_text;

    #[test]
    fn quoted_paragraphs_become_quotes() {
        let blocks = quotes(html::to_blocks(
            "<p>&gt; one</p><p><i>&gt; two</i></p><p>reply</p><p>&gt;&gt; deeper</p>",
        ));
        assert!(
            matches!(&blocks[0], Block::Quote(q) if q.len() == 2),
            "{blocks:?}"
        );
        assert_eq!(plain_text(&blocks[..1]), "one\n\ntwo");
        assert!(matches!(&blocks[2], Block::Quote(q) if matches!(&q[0], Block::Quote(_))));
        assert_eq!(plain_text(&blocks), "one\n\ntwo\n\nreply\n\ndeeper");
    }
}
