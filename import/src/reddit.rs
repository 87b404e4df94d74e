//! Reddit: a thread as its JSON API serves it (`…/comments/ID.json`): an array of two
//! listings, the post and then its comments, replies nested in `replies`. A comment's
//! permalink page (`…/comments/ID/slug/COMMENT.json`) has the same shape with one
//! branch, and is read the same way.
//!
//! The post becomes the article (its self text, Markdown, as paragraphs). Each comment
//! keeps its base-36 id as a string, its parent (`parent_id`), author, time, edit time,
//! score and Markdown body as rich text, with badges for the original poster and for
//! moderators and admins. `[deleted]` and `[removed]` comments keep their place and
//! their replies, with no text. "Load more comments" stubs become counts of missing
//! replies. Responses before 2017 have neither `depth` nor `is_submitter`: neither is
//! needed.

use serde_json::Value;
use threadview_core::data::{Badge, Removal};

use crate::output::{Article, Comment, Discussion, Id, time};
use crate::value::{Obj, describe};
use crate::{Format, ImportError, detect, markdown, rich};

const REDDIT: &str = "https://www.reddit.com";

pub fn import(value: &Value, thread: Option<&str>) -> Result<Discussion, ImportError> {
    let expected = "a Reddit thread is a JSON array of two listings (the post, then its comments)";
    let parts = match value {
        Value::Array(parts) if parts.len() == 2 => parts,
        other => {
            let error = ImportError::shape("", expected, describe(other));
            return Err(detect::hint(error, value, Format::Reddit));
        }
    };
    let posts = listing(&parts[0], "the first listing (the post)")?;
    let post = match posts.first() {
        Some(thing) => thing_data(thing, "the post", "t3")?,
        None => {
            return Err(ImportError::shape(
                "",
                "the first listing holds the post",
                "an empty listing",
            ));
        }
    };
    let post_id = post.str("id")?.unwrap_or_default();
    let permalink = post.str("permalink")?;
    let op = post.str("author")?.filter(|a| !is_gone(a));
    let mut discussion = Discussion {
        version: 2,
        article: article(&post)?,
        comments: Vec::new(),
        missing_replies: 0,
        notes: Vec::new(),
    };
    let mut reader = Reader {
        op,
        permalink,
        comments: &mut discussion.comments,
        missing_top: 0,
    };
    reader.things(
        listing(&parts[1], "the second listing (the comments)")?,
        None,
    )?;
    discussion.missing_replies = reader.missing_top;
    let root = thread.map(str::trim).and_then(|t| {
        let t = t.strip_prefix("t1_").unwrap_or(t);
        (t != post_id && t.strip_prefix("t3_") != Some(post_id)).then(|| Id::Text(t.to_string()))
    });
    discussion.select(root)?;
    Ok(discussion)
}

/// `[deleted]` and `[removed]`: what Reddit writes in place of a name or a text.
fn is_gone(text: &str) -> bool {
    text == "[deleted]" || text == "[removed]"
}

/// The things in a listing.
fn listing<'a>(value: &'a Value, place: &str) -> Result<&'a [Value], ImportError> {
    let expected = "a listing is an object with \"kind\": \"Listing\" and \"data\"";
    let listing = Obj::new(value, place, expected)?;
    if listing.str("kind")? != Some("Listing") {
        return Err(listing.wrong("kind", "\"Listing\""));
    }
    let data = Obj::new(
        listing.get("data").unwrap_or(&Value::Null),
        format!("{place}, its \"data\""),
        "an object with \"children\"",
    )?;
    data.array("children")
}

/// The data of a thing of the expected kind (`t3` a post, `t1` a comment).
fn thing_data<'a>(value: &'a Value, place: &str, kind: &str) -> Result<Obj<'a>, ImportError> {
    let thing = Obj::new(value, place, "an object with \"kind\" and \"data\"")?;
    let found = thing.str("kind")?;
    if found != Some(kind) {
        return Err(thing.wrong("kind", &format!("\"{kind}\"")));
    }
    Obj::new(
        thing.get("data").unwrap_or(&Value::Null),
        place,
        "its \"data\" is an object",
    )
}

/// Reddit escapes `&`, `<` and `>` in Markdown it serves (since about 2017); the
/// Markdown itself needs them as typed, or `>` would not quote.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn seconds(data: &Obj<'_>, key: &str) -> Result<Option<String>, ImportError> {
    match data.int(key)? {
        None => Ok(None),
        Some(s) => time(s)
            .map(Some)
            .ok_or_else(|| data.wrong(key, "a time in seconds since 1970")),
    }
}

fn article(post: &Obj<'_>) -> Result<Article, ImportError> {
    let headline = post.required_str("title")?;
    let body = match post.str("selftext")? {
        Some(text) if !is_gone(text) => rich::article(&markdown::to_blocks(&unescape(text))),
        _ => Vec::new(),
    };
    Ok(Article {
        headline: headline.to_string(),
        body,
        author: post
            .str("author")?
            .filter(|a| !is_gone(a))
            .map(str::to_string),
        time: seconds(post, "created_utc")?,
        url: post.str("permalink")?.map(|p| format!("{REDDIT}{p}")),
        site: post.str("subreddit")?.map(|s| format!("r/{s}")),
    })
}

struct Reader<'a> {
    /// The post's author: their comments get the "op" badge where the response does
    /// not say (`is_submitter`).
    op: Option<&'a str>,
    /// The post's path, for links to comments where the response has none.
    permalink: Option<&'a str>,
    comments: &'a mut Vec<Comment>,
    /// Top-level comments not in the file.
    missing_top: u64,
}

impl Reader<'_> {
    /// Comments and stubs, each comment followed by its replies. `parent` is the index
    /// of the comment they answer.
    fn things(&mut self, things: &[Value], parent: Option<usize>) -> Result<(), ImportError> {
        for (i, thing) in things.iter().enumerate() {
            let place = match parent {
                Some(p) => format!(
                    "reply {} to comment {}",
                    i + 1,
                    id_text(&self.comments[p].id)
                ),
                None => format!("top-level comment {}", i + 1),
            };
            let expected =
                "a comment is an object with \"kind\" (\"t1\", or \"more\") and \"data\"";
            let obj = Obj::new(thing, place.as_str(), expected)?;
            match obj.str("kind")? {
                Some("t1") => {
                    let data = thing_data(thing, &place, "t1")?;
                    let index = self.comment(data, parent)?;
                    let data = Obj::new(&thing["data"], place.as_str(), expected)?;
                    match data.get("replies") {
                        None => {}
                        Some(Value::String(s)) if s.is_empty() => {}
                        Some(replies) => {
                            let place = format!(
                                "the replies to comment {}",
                                id_text(&self.comments[index].id)
                            );
                            self.things(listing(replies, &place)?, Some(index))?;
                        }
                    }
                }
                Some("more") => {
                    let data = thing_data(thing, &place, "more")?;
                    self.more(&data, parent)?;
                }
                _ => return Err(obj.wrong("kind", "\"t1\" (a comment) or \"more\"")),
            }
        }
        Ok(())
    }

    /// Reads one comment, adds it, and says where it is.
    fn comment(&mut self, data: Obj<'_>, parent: Option<usize>) -> Result<usize, ImportError> {
        let id = data.required_str("id")?;
        let valid = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !valid {
            return Err(data.wrong("id", "a comment id (1 to 64 of A-Z a-z 0-9 _ -)"));
        }
        let data = Obj {
            map: data.map,
            place: format!("comment {id}"),
        };
        let parent = match data.str("parent_id")? {
            Some(p) if p.starts_with("t3_") => None,
            Some(p) => Some(Id::Text(p.strip_prefix("t1_").unwrap_or(p).to_string())),
            None => parent.map(|p| self.comments[p].id.clone()),
        };
        let mut comment = Comment::new(Id::Text(id.to_string()), parent);
        comment.time = seconds(&data, "created_utc")?;
        comment.edited = match data.get("edited") {
            Some(Value::Number(_)) => seconds(&data, "edited")?,
            None | Some(Value::Bool(_)) => None,
            Some(_) => return Err(data.wrong("edited", "false or a time in seconds")),
        };
        if data.bool("score_hidden")? != Some(true) {
            comment.score = data.int("score")?;
        }
        comment.url = match (data.str("permalink")?, self.permalink) {
            (Some(link), _) => Some(format!("{REDDIT}{link}")),
            (None, Some(post)) => Some(format!("{REDDIT}{}{id}/", with_slash(post))),
            (None, None) => None,
        };
        let author = data.required_str("author")?;
        let body = data.required_str("body")?;
        comment.state = if author == "[removed]" || body == "[removed]" {
            Some(Removal::Removed)
        } else if author == "[deleted]" || body == "[deleted]" {
            Some(Removal::Deleted)
        } else {
            None
        };
        if comment.state.is_none() {
            let op = match data.bool("is_submitter")? {
                Some(said) => said,
                None => self.op == Some(author),
            };
            if op {
                comment.badges.push(Badge::Op);
            }
            match data.str("distinguished")? {
                Some("moderator") => comment.badges.push(Badge::Moderator),
                Some("admin") => comment.badges.push(Badge::Admin),
                _ => {}
            }
            comment.author = Some(author.to_string());
            comment.body = Some(rich::body(markdown::to_blocks(&unescape(body)), body));
        }
        self.comments.push(comment);
        Ok(self.comments.len() - 1)
    }

    /// A stub for replies the response left out, counted as missing replies of the
    /// comment it sits under (or of the thread, at the top level).
    fn more(&mut self, data: &Obj<'_>, parent: Option<usize>) -> Result<(), ImportError> {
        let listed = data.array("children")?.len() as u64;
        let missing = if data.str("id")? == Some("_") {
            // "Continue this thread": Reddit stopped at its depth limit. The stub's count
            // is 0 and its list of ids is often empty, but the comment above it has at
            // least one reply more: count the ids listed, and one when none are.
            listed.max(1)
        } else {
            // "Load more comments": `count` is every comment left out below this point.
            data.int("count")?.map_or(listed, |c| c.max(0) as u64)
        };
        match parent {
            Some(p) => self.comments[p].missing_replies += missing,
            None => self.missing_top += missing,
        }
        Ok(())
    }
}

fn with_slash(path: &str) -> String {
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

fn id_text(id: &Id) -> String {
    match id {
        Id::Number(n) => n.to_string(),
        Id::Text(t) => t.clone(),
    }
}
