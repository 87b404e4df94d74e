//! Mastodon: a thread as the API serves it, `/api/v1/statuses/ID/context`: the
//! statuses above the one asked for (`ancestors`) and below it (`descendants`). The
//! context leaves out the status itself; to keep it, add it to the same object under
//! `"status"` (`jq -s '.[1] + {status: .[0]}' status.json context.json`).
//!
//! With the status, the status is the article and its replies are at the top level;
//! the statuses it answers (`ancestors`) are left out, and noted. Without it, the
//! earliest status (by `created_at`, else the first in the file) stands in as the
//! article, once: it is not a comment too. The article's headline is its content
//! warning, else the first line of its text, else "A status by ACCOUNT".
//!
//! Each other status keeps its id (a number before Mastodon 2.0, a string since: both
//! are read, and written as they came), the status it answers (`in_reply_to_id`), its
//! author's `acct` (`name` on their own server, `name@server` elsewhere: display names
//! are free text, often empty or only emoji codes), time, edit time, favourites as the
//! score, its link, and its HTML as rich text with the link text Mastodon shows (the
//! hidden parts of long links left out, an ellipsis where it cuts one short). Custom
//! emoji stay `:code:` text, as in the source. A content warning (`spoiler_text`)
//! becomes the comment's warning: the page hides the text until the reader opens it.
//! Media are listed after the text, one line each with their description, linked to
//! the file ("[Image: a cat on a chair]"), and marked when the status is `sensitive`;
//! a poll's options follow as a list. A boost (`reblog`) is read as the status it
//! boosts. Statuses for followers only or for the people mentioned (`visibility`
//! "private", "direct" or "limited") are left out, and noted: a discussion page is
//! public. Deleted statuses are not in a context at all; a reply to one is kept at the
//! top level, and noted.

use std::collections::HashMap;

use scraper::Html;
use serde_json::Value;
use threadview_core::data::Badge;
use threadview_core::rich::{Block, Inline, Link, List, Styled, plain_text};

use crate::discourse::{cycle_note, headline_from, host, parents_first, time_of};
use crate::html::{self, Edit};
use crate::output::{Article, Comment, Discussion, Id, listing};
use crate::value::{Obj, describe};
use crate::{Format, ImportError, detect, rich};

const EXPECTED: &str = "a Mastodon context is an object with \"ancestors\" and \"descendants\" \
                        (and, optionally, the status itself under \"status\")";

pub fn import(value: &Value, thread: Option<&str>) -> Result<Discussion, ImportError> {
    let hint = |e| detect::hint(e, value, Format::Mastodon);
    let context = Obj::new(value, "", EXPECTED).map_err(hint)?;
    let has = |key| context.map.contains_key(key);
    if !(has("ancestors") && has("descendants")) {
        return Err(hint(ImportError::shape("", EXPECTED, describe(value))));
    }
    let list = |key: &str| match context.get(key) {
        Some(Value::Array(items)) => Ok(items.as_slice()),
        _ => Err(context.wrong(key, "an array of statuses")),
    };
    let (ancestors, descendants) = (list("ancestors")?, list("descendants")?);

    let given = match context.get("status") {
        Some(status) => Some(Status::read(status, "status".to_string())?),
        None => None,
    };
    let mut statuses = Vec::new();
    for (key, items) in [("ancestors", ancestors), ("descendants", descendants)] {
        for (i, item) in items.iter().enumerate() {
            statuses.push(Status::read(item, format!("{key}[{i}]"))?);
        }
    }
    if given.is_none() && statuses.is_empty() {
        return Err(ImportError::NoComments {
            why: "the context has no ancestors and no descendants".to_string(),
        });
    }

    let mut notes = Vec::new();
    let private: Vec<Id> = given
        .iter()
        .chain(&statuses)
        .filter(|s| !s.public)
        .map(|s| s.id.clone())
        .collect();
    if !private.is_empty() {
        notes.push(format!(
            "{} {} for followers or for the people mentioned only: left out",
            listing("Status", "Statuses", &private),
            if private.len() == 1 { "is" } else { "are" }
        ));
    }
    let given = given.filter(|s| s.public);
    statuses.retain(|s| s.public);
    // The status is where the page starts: what it answers is left out.
    if given.is_some() {
        let before = statuses.len();
        statuses.retain(|s| s.from != "ancestors");
        match before - statuses.len() {
            0 => {}
            1 => notes.push(
                "The status answers an earlier status, which is left out: the page starts at \
                 the status"
                    .to_string(),
            ),
            n => notes.push(format!(
                "The status answers {n} earlier statuses, which are left out: the page starts \
                 at the status"
            )),
        }
    }
    let article = match given {
        Some(status) => status,
        None => {
            let earliest = (0..statuses.len())
                .min_by(|&a, &b| {
                    let time = |i: usize| statuses[i].time.as_deref().unwrap_or("\u{10FFFF}");
                    time(a).cmp(time(b)).then(a.cmp(&b))
                })
                .ok_or_else(|| ImportError::NoComments {
                    why: "every status in it is for followers or mentioned people only".to_string(),
                })?;
            statuses.remove(earliest)
        }
    };

    // Ids as they are written, by their text: a reply names its parent in either form.
    let ids: HashMap<String, Id> = statuses
        .iter()
        .map(|s| (s.id.to_string(), s.id.clone()))
        .collect();
    let article_key = article.id.to_string();
    let mut comments = Vec::with_capacity(statuses.len());
    for status in &statuses {
        if status.id.to_string() == article_key {
            continue;
        }
        let parent = match &status.parent {
            Some(p) if *p == article_key => None,
            Some(p) => Some(ids.get(p).cloned().unwrap_or_else(|| status.parent_id())),
            None => None,
        };
        comments.push(status.comment(parent, &article.acct));
    }
    let (comments, cycles) = parents_first(comments);
    notes.extend(cycle_note(&cycles));

    let mut discussion = Discussion {
        version: 2,
        article: Article {
            headline: article.headline(),
            body: rich::article(&article.blocks),
            author: Some(article.acct.clone()),
            time: article.time.clone(),
            site: article.url.as_deref().and_then(host).map(str::to_string),
            url: article.url.clone(),
        },
        comments,
        missing_replies: 0,
        notes,
    };
    let root = match thread.map(str::trim) {
        None => None,
        Some(t) if t == article_key => None,
        Some(t) => Some(
            discussion
                .comments
                .iter()
                .map(|c| c.id.clone())
                .find(|id| id.to_string() == t)
                .ok_or_else(|| ImportError::NoThread {
                    thread: t.to_string(),
                })?,
        ),
    };
    discussion.select(root)?;
    Ok(discussion)
}

/// One status, read and checked.
struct Status {
    /// "ancestors", "descendants" or "status".
    from: String,
    id: Id,
    /// The id of the status it answers, as text.
    parent: Option<String>,
    parent_is_number: bool,
    acct: String,
    time: Option<String>,
    edited: Option<String>,
    score: Option<i64>,
    url: Option<String>,
    warning: Option<String>,
    blocks: Vec<Block>,
    /// The content as written, for a body with no text.
    source: String,
    public: bool,
}

impl Status {
    fn read(value: &Value, place: String) -> Result<Self, ImportError> {
        let from = place.split('[').next().unwrap_or_default().to_string();
        let expected = "a status is an object with \"id\", \"account\" and \"content\"";
        let wrapper = Obj::new(value, place.as_str(), expected)?;
        let status = match wrapper.get("reblog") {
            Some(inner @ Value::Object(_)) => Obj::new(inner, format!("{place}.reblog"), expected)?,
            _ => wrapper,
        };
        let id = id_field(&status, "id")?.ok_or_else(|| status.wrong("id", "the status's id"))?;
        let (parent, parent_is_number) = match id_field(&status, "in_reply_to_id")? {
            None => (None, false),
            Some(p) => (Some(p.to_string()), matches!(p, Id::Number(_))),
        };
        let account = Obj::new(
            status.get("account").unwrap_or(&Value::Null),
            format!("{}.account", status.place),
            "the author's account is an object with \"acct\"",
        )?;
        let acct = account
            .str("acct")?
            .or(account.str("username")?)
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .ok_or_else(|| account.wrong("acct", "the author's account name"))?
            .to_string();
        let content = status.str("content")?.unwrap_or_default();
        let mut blocks = content_blocks(content);
        blocks.extend(media(&status)?);
        blocks.extend(poll(&status)?);
        let link = |key| -> Result<Option<String>, ImportError> {
            Ok(status
                .str(key)?
                .filter(|u| host(u).is_some())
                .map(str::to_string))
        };
        let visibility = status.str("visibility")?.unwrap_or("public");
        Ok(Self {
            from,
            id,
            parent,
            parent_is_number,
            acct,
            time: time_of(&status, "created_at")?,
            edited: time_of(&status, "edited_at")?,
            score: status.int("favourites_count")?,
            url: match link("url")? {
                Some(url) => Some(url),
                None => link("uri")?,
            },
            warning: status
                .str("spoiler_text")?
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(str::to_string),
            blocks,
            source: content.to_string(),
            public: matches!(visibility, "public" | "unlisted"),
        })
    }

    /// The status it answers, a number or a string as the source wrote it.
    fn parent_id(&self) -> Id {
        let text = self.parent.clone().unwrap_or_default();
        match text.parse() {
            Ok(n) if self.parent_is_number => Id::Number(n),
            _ => Id::Text(text),
        }
    }

    fn comment(&self, parent: Option<Id>, op: &str) -> Comment {
        let mut comment = Comment::new(self.id.clone(), parent);
        comment.author = Some(self.acct.clone());
        if self.acct == op {
            comment.badges.push(Badge::Op);
        }
        comment.time = self.time.clone();
        comment.edited = self.edited.clone();
        comment.score = self.score;
        comment.url = self.url.clone();
        comment.warning = self.warning.clone();
        comment.body = Some(rich::body(self.blocks.clone(), &self.source));
        comment
    }

    fn headline(&self) -> String {
        if let Some(warning) = self.warning.as_deref().and_then(headline_from) {
            return warning;
        }
        let text = plain_text(&content_blocks(&self.source));
        headline_from(&text).unwrap_or_else(|| format!("A status by {}", self.acct))
    }
}

/// An id field: a whole number (before Mastodon 2.0) or a string; none when null.
fn id_field(status: &Obj<'_>, key: &str) -> Result<Option<Id>, ImportError> {
    let what = "a status id: a number, or a string of 1 to 64 of A-Z a-z 0-9 _ -";
    match status.get(key) {
        None => Ok(None),
        Some(Value::Number(n)) => n
            .as_u64()
            .map(|n| Some(Id::Number(n)))
            .ok_or_else(|| status.wrong(key, what)),
        Some(Value::String(s)) => {
            let valid = !s.is_empty()
                && s.len() <= 64
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
            if valid {
                Ok(Some(Id::Text(s.clone())))
            } else {
                Err(status.wrong(key, what))
            }
        }
        Some(_) => Err(status.wrong(key, what)),
    }
}

/// The content as blocks, with link text as Mastodon shows it.
fn content_blocks(content: &str) -> Vec<Block> {
    let mut fragment = Html::parse_fragment(content);
    html::edit(&mut fragment, |e| {
        let element = e.value();
        let class = |name: &str| element.classes().any(|c| c == name);
        match element.name() {
            // "https://" and the end of a long address: hidden by the page's style.
            "span" if class("invisible") => Edit::Remove,
            "span" if class("ellipsis") => Edit::Text(format!("{}…", e.text().collect::<String>())),
            // Other servers send custom emoji as images; Mastodon writes their code.
            "img" if class("custom-emoji") || class("emoji") => Edit::Text(
                [element.attr("alt"), element.attr("title")]
                    .into_iter()
                    .flatten()
                    .find(|t| !t.trim().is_empty())
                    .unwrap_or_default()
                    .to_string(),
            ),
            _ => Edit::Keep,
        }
    });
    html::fragment_blocks(&fragment)
}

/// One line for each attachment: its kind and description, linked to the file.
fn media(status: &Obj<'_>) -> Result<Vec<Block>, ImportError> {
    let sensitive = status.bool("sensitive")? == Some(true);
    let mut blocks = Vec::new();
    for (i, item) in status.array("media_attachments")?.iter().enumerate() {
        let place = format!("{}.media_attachments[{i}]", status.place);
        let item = Obj::new(
            item,
            place,
            "an attachment is an object with \"type\" and \"url\"",
        )?;
        let kind = match item.str("type")? {
            Some("image") => "Image",
            Some("gifv") => "GIF",
            Some("video") => "Video",
            Some("audio") => "Audio",
            _ => "Attachment",
        };
        let marked = if sensitive { ", marked sensitive" } else { "" };
        let text = match item
            .str("description")?
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            Some(description) => format!("[{kind}{marked}: {description}]"),
            None => format!("[{kind}{marked}]"),
        };
        let href = [item.str("url")?, item.str("remote_url")?]
            .into_iter()
            .flatten()
            .find(|u| host(u).is_some());
        let inline = match href {
            Some(href) => Inline::Styled(Styled::Link(Link {
                href: href.to_string(),
                text: vec![Inline::Text(text)],
            })),
            None => Inline::Text(text),
        };
        blocks.push(Block::Paragraph(vec![inline]));
    }
    Ok(blocks)
}

/// A poll's options, each with its votes where counted.
fn poll(status: &Obj<'_>) -> Result<Option<Block>, ImportError> {
    let Some(poll) = status.get("poll") else {
        return Ok(None);
    };
    let poll = Obj::new(
        poll,
        format!("{}.poll", status.place),
        "a poll is an object with \"options\"",
    )?;
    let mut items = Vec::new();
    for (i, option) in poll.array("options")?.iter().enumerate() {
        let place = format!("{}.options[{i}]", poll.place);
        let option = Obj::new(option, place, "a poll option is an object with \"title\"")?;
        let title = option.str("title")?.unwrap_or_default().trim();
        let text = match option.int("votes_count")? {
            Some(1) => format!("{title} (1 vote)"),
            Some(n) => format!("{title} ({n} votes)"),
            None => title.to_string(),
        };
        items.push(vec![Block::Paragraph(vec![Inline::Text(text)])]);
    }
    Ok((!items.is_empty()).then_some(Block::List(List {
        ordered: false,
        items,
    })))
}
