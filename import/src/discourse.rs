//! Discourse: a topic as its JSON API serves it, `/t/ID.json` (the title and the first
//! posts) or `/t/ID/posts.json` (a page of posts alone, in either order).
//!
//! Posts keep their number (`post_number`, what the forum shows as #5) as their id, and
//! answer the post in `reply_to_post_number`; a reply to the topic (none, or post 1) is
//! at the top level. Post 1 is the topic's own text and becomes the article. The rest
//! keep their author (the username, which mentions use), time, edit time (when the
//! post has been revised, `version` above 1), likes as the score (Discourse's own
//! `score` is a ranking of reads and likes that readers never see), cooked HTML as rich
//! text, and badges: "op" for the topic's creator, "admin" or "moderator" for staff.
//! Moderator actions (`post_type` 2) and small actions (3: closed, pinned, split…)
//! are marked as actions; a small action's text says what was done, from its
//! `action_code`. A post deleted (`deleted_at`, `user_deleted`) or hidden by flags
//! (`hidden`) keeps its place and replies without its text. Staff whispers (`post_type`
//! 4) are left out: only staff ever saw them.
//!
//! The headline is the topic's title. A page of posts has none, so one is made from
//! what the file has: the topic's slug in words ("kpop-demon-hunters": "Kpop demon
//! hunters"), else the first line of post 1, else "Discourse topic ID".
//!
//! Post numbers missing below the highest one (deleted posts, other pages) are noted,
//! and so is a topic that counts more posts than the file holds. A reply whose post is
//! not in the file is kept at the top level, and noted. The JSON holds no address of the
//! forum, except in links between its own pages (`link_counts` marked `internal`): from
//! those, the topic and its posts get links, and so do the forum's own pages that posts
//! link to by path (`/u/alice`); without them, none, and such paths show as text.
//!
//! Discourse's markup reads as it shows: a quote (`<aside class="quote">`) is a quote
//! that starts with who is quoted ("alice:"), a link preview (onebox) is its link, an
//! image in a link is its text, emoji are their `:code:`, and avatars and file sizes
//! are left out.
//!
//! The helpers at the end (`parents_first`, `headline_from`, `time_of`, `host`) serve
//! the Mastodon importer too.

use std::collections::{HashMap, HashSet};

use scraper::{ElementRef, Html};
use serde_json::Value;
use threadview_core::data::{Badge, Kind, Removal};
use threadview_core::rich::{Block, Inline, Styled, plain_text};
use threadview_core::time::Timestamp;

use crate::html::{self, Edit};
use crate::output::{Article, Comment, Discussion, Id, listing};
use crate::value::{Obj, describe};
use crate::{Format, ImportError, detect, rich};

const EXPECTED: &str = "a Discourse topic is an object with \"post_stream\", which holds \"posts\"";

pub fn import(value: &Value, thread: Option<&str>) -> Result<Discussion, ImportError> {
    let hint = |e| detect::hint(e, value, Format::Discourse);
    let topic = Obj::new(value, "", EXPECTED).map_err(hint)?;
    let Some(stream) = topic.get("post_stream") else {
        return Err(hint(ImportError::shape("", EXPECTED, describe(value))));
    };
    let stream = Obj::new(stream, "post_stream", "an object with \"posts\"")?;
    let Some(Value::Array(items)) = stream.get("posts") else {
        return Err(stream.wrong("posts", "an array of posts"));
    };
    if items.is_empty() {
        return Err(ImportError::NoComments {
            why: "its post stream holds no posts".to_string(),
        });
    }
    let mut posts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        posts.push(Post::read(item, format!("post_stream.posts[{i}]"))?);
    }
    // Pages asked for with `?post_number=` list their posts newest first.
    posts.sort_by_key(|p| p.number);
    let mut notes = Vec::new();
    let duplicates = drop_duplicates(&mut posts);
    if !duplicates.is_empty() {
        notes.push(format!(
            "{} appeared more than once in the source; the first copy of each is kept, \
             the later ones are left out",
            listing("Post", "Posts", &duplicates)
        ));
    }

    let topic_id = match topic.int("id")? {
        Some(id) => Some(id),
        None => posts.iter().find_map(|p| p.topic_id),
    };
    let slug = match topic.str("slug")? {
        Some(slug) => Some(slug),
        None => posts.iter().find_map(|p| p.slug),
    };
    let base = forum_address(&topic, &posts)?;
    let first = posts.iter().find(|p| p.number == 1);
    let creator = match first {
        Some(post) => post.username,
        None => creator(&topic)?,
    };
    // Paths on the forum's pages (`/t/…`, `/u/…`) include the folder it is installed in.
    let origin = base.as_deref().and_then(origin);
    let topic_url = match (&base, slug, topic_id) {
        (Some(base), Some(slug), Some(id)) => Some(format!("{base}/t/{slug}/{id}")),
        _ => None,
    };

    let mut article = Article {
        headline: headline(&topic, slug, first, topic_id)?,
        author: creator.map(str::to_string),
        time: match first {
            Some(post) => post.time.clone(),
            None => time_of(&topic, "created_at")?,
        },
        url: topic_url.clone(),
        site: base.as_deref().and_then(host).map(str::to_string),
        ..Article::default()
    };
    if let Some(post) = first
        && post.state.is_none()
    {
        let mut blocks = cooked_blocks(post.cooked);
        if let Some(origin) = origin {
            blocks.iter_mut().for_each(|b| absolute(b, origin));
        }
        article.body = rich::article(&blocks);
    }

    let mut whispers = Vec::new();
    let mut comments = Vec::new();
    for post in posts.iter().filter(|p| p.number != 1) {
        if post.post_type == 4 {
            whispers.push(Id::Number(post.number));
            continue;
        }
        let url = match (origin, post.path, &topic_url) {
            (Some(origin), Some(path), _) if path.starts_with('/') => {
                Some(format!("{origin}{path}"))
            }
            (_, _, Some(topic)) => Some(format!("{topic}/{}", post.number)),
            _ => None,
        };
        comments.push(post.comment(creator, url, origin)?);
    }
    if !whispers.is_empty() {
        let are = if whispers.len() == 1 {
            "is a staff whisper"
        } else {
            "are staff whispers"
        };
        notes.push(format!(
            "{} {are}, which only staff saw: left out",
            listing("Post", "Posts", &whispers)
        ));
    }
    notes.extend(gaps(&topic, &posts)?);
    notes.extend(count(&topic, &posts)?);
    let (comments, cycles) = parents_first(comments);
    notes.extend(cycle_note(&cycles));

    let mut discussion = Discussion {
        version: 2,
        article,
        comments,
        missing_replies: 0,
        notes,
    };
    let root = match thread.map(|t| t.trim().trim_start_matches('#')) {
        None | Some("1") => None,
        Some(t) => Some(Id::Number(t.parse().map_err(|_| {
            ImportError::NoThread {
                thread: t.to_string(),
            }
        })?)),
    };
    discussion.select(root)?;
    Ok(discussion)
}

/// One post, read and checked.
struct Post<'a> {
    obj: Obj<'a>,
    number: u64,
    reply_to: Option<u64>,
    post_type: i64,
    username: Option<&'a str>,
    time: Option<String>,
    cooked: &'a str,
    state: Option<Removal>,
    topic_id: Option<i64>,
    slug: Option<&'a str>,
    path: Option<&'a str>,
}

impl<'a> Post<'a> {
    fn read(value: &'a Value, place: String) -> Result<Self, ImportError> {
        let obj = Obj::new(value, place, "a post is an object with \"post_number\"")?;
        let number = match obj.int("post_number")? {
            Some(n) if n >= 1 => n as u64,
            _ => return Err(obj.wrong("post_number", "the post's number, from 1")),
        };
        let reply_to = match obj.int("reply_to_post_number")? {
            None => None,
            Some(n) if n >= 1 => Some(n as u64),
            Some(_) => {
                return Err(obj.wrong("reply_to_post_number", "a post number, from 1, or null"));
            }
        };
        let post_type = obj.int("post_type")?.unwrap_or(1);
        let state = if obj.get("deleted_at").is_some() || obj.bool("user_deleted")? == Some(true) {
            Some(Removal::Deleted)
        } else if obj.bool("hidden")? == Some(true) {
            Some(Removal::Removed)
        } else {
            None
        };
        let username = obj
            .str("username")?
            .or(obj.str("name")?)
            .filter(|u| !u.trim().is_empty());
        if username.is_none() && state.is_none() {
            return Err(obj.wrong("username", "the author's username"));
        }
        Ok(Self {
            number,
            reply_to,
            post_type,
            username,
            time: time_of(&obj, "created_at")?,
            cooked: obj.str("cooked")?.unwrap_or_default(),
            state,
            topic_id: obj.int("topic_id")?,
            slug: obj.str("topic_slug")?,
            path: obj.str("post_url")?,
            obj,
        })
    }

    /// The post as a comment; `creator` started the topic.
    fn comment(
        &self,
        creator: Option<&str>,
        url: Option<String>,
        origin: Option<&str>,
    ) -> Result<Comment, ImportError> {
        let obj = &self.obj;
        let parent = self
            .reply_to
            .filter(|&n| n != 1 && n != self.number)
            .map(Id::Number);
        let mut comment = Comment::new(Id::Number(self.number), parent);
        comment.time = self.time.clone();
        if obj.int("version")?.is_some_and(|v| v > 1) {
            comment.edited = time_of(obj, "updated_at")?;
        }
        comment.score = likes(obj)?;
        comment.url = url;
        if matches!(self.post_type, 2 | 3) {
            comment.kind = Some(Kind::Action);
        }
        comment.state = self.state;
        if self.state.is_some() {
            return Ok(comment);
        }
        let username = self.username.unwrap_or_default();
        if creator == Some(username) {
            comment.badges.push(Badge::Op);
        }
        if obj.bool("admin")? == Some(true) {
            comment.badges.push(Badge::Admin);
        } else if obj.bool("moderator")? == Some(true) {
            comment.badges.push(Badge::Moderator);
        }
        comment.author = Some(username.to_string());
        let mut blocks = cooked_blocks(self.cooked);
        if self.post_type == 3 {
            let code = obj.str("action_code")?.unwrap_or_default();
            let who = obj.str("action_code_who")?;
            let said = Block::Paragraph(vec![Inline::Text(action(code, who))]);
            blocks.insert(0, said);
        }
        if let Some(origin) = origin {
            blocks.iter_mut().for_each(|b| absolute(b, origin));
        }
        comment.body = Some(rich::body(blocks, self.cooked));
        Ok(comment)
    }
}

/// Likes: the count of the "like" action (id 2) in `actions_summary`, which recent
/// versions list only when it is not zero, or `like_count` where a version has it.
fn likes(post: &Obj<'_>) -> Result<Option<i64>, ImportError> {
    if let Some(count) = post.int("like_count")? {
        return Ok(Some(count));
    }
    if post.get("actions_summary").is_none() {
        return Ok(None);
    }
    for (i, action) in post.array("actions_summary")?.iter().enumerate() {
        let place = format!("{}.actions_summary[{i}]", post.place);
        let action = Obj::new(
            action,
            place,
            "an action is an object with \"id\" and \"count\"",
        )?;
        if action.int("id")? == Some(2) {
            return Ok(Some(action.int("count")?.unwrap_or(0)));
        }
    }
    Ok(Some(0))
}

/// The later copies of a post number, left out.
fn drop_duplicates(posts: &mut Vec<Post<'_>>) -> Vec<Id> {
    let mut seen = HashSet::new();
    let mut dropped = Vec::new();
    posts.retain(|p| {
        let first = seen.insert(p.number);
        if !first {
            dropped.push(Id::Number(p.number));
        }
        first
    });
    dropped
}

/// A small action in words, as Discourse shows it (its `action_codes`), for the
/// codes it ships; any other code is read out as it is written.
fn action(code: &str, who: Option<&str>) -> String {
    let who = who.filter(|w| !w.trim().is_empty()).unwrap_or("someone");
    let text = match code {
        "closed.enabled" => "Closed the topic",
        "closed.disabled" => "Opened the topic",
        "autoclosed.enabled" => "Closed the topic automatically",
        "autoclosed.disabled" => "Opened the topic automatically",
        "archived.enabled" => "Archived the topic",
        "archived.disabled" => "Unarchived the topic",
        "pinned.enabled" => "Pinned the topic",
        "pinned.disabled" => "Unpinned the topic",
        "pinned_globally.enabled" => "Pinned the topic globally",
        "pinned_globally.disabled" => "Unpinned the topic globally",
        "visible.enabled" => "Listed the topic",
        "visible.disabled" => "Unlisted the topic",
        "banner.enabled" => "Made the topic a banner",
        "banner.disabled" => "Removed the topic's banner",
        "split_topic" => "Split the topic",
        "public_topic" => "Made the topic public",
        "private_topic" => "Made the topic a personal message",
        "open_topic" => "Converted the message to a topic",
        "autobumped" => "Bumped the topic automatically",
        "tags_changed" => "Changed the tags",
        "category_changed" => "Changed the category",
        "forwarded" => "Forwarded the e-mail above",
        "invited_user" | "invited_group" => return format!("Invited {who}"),
        "removed_user" | "removed_group" => return format!("Removed {who}"),
        "user_left" => return format!("{who} left the message"),
        "" => "Acted on the topic",
        other => {
            let words = other.replace(['.', '_'], " ");
            let mut chars = words.trim().chars();
            return match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => "Acted on the topic".to_string(),
            };
        }
    };
    text.to_string()
}

/// The topic's title, or one made from what the file has (the module's doc says how).
fn headline(
    topic: &Obj<'_>,
    slug: Option<&str>,
    first: Option<&Post<'_>>,
    topic_id: Option<i64>,
) -> Result<String, ImportError> {
    if let Some(title) = topic.str("title")?.filter(|t| !t.trim().is_empty()) {
        return Ok(title.trim().to_string());
    }
    if let Some(fancy) = topic.str("fancy_title")? {
        let text = plain_text(&html::to_blocks(fancy));
        if !text.trim().is_empty() {
            return Ok(text.trim().to_string());
        }
    }
    if let Some(words) = slug.and_then(slug_words) {
        return Ok(words);
    }
    if let Some(line) = first
        .filter(|p| p.state.is_none())
        .and_then(|p| headline_from(&plain_text(&cooked_blocks(p.cooked))))
    {
        return Ok(line);
    }
    Ok(match topic_id {
        Some(id) => format!("Discourse topic {id}"),
        None => "Discourse topic".to_string(),
    })
}

/// "kpop-demon-hunters" as "Kpop demon hunters"; Discourse's "topic", written for a
/// title with no letters it can spell in a link, says nothing.
fn slug_words(slug: &str) -> Option<String> {
    let plain = slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    let has_letters = slug.bytes().any(|b| b.is_ascii_lowercase());
    if !plain || !has_letters || slug == "topic" {
        return None;
    }
    let words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let text = words.join(" ");
    let mut chars = text.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// Who started the topic, from `details.created_by` (`/t/ID.json`).
fn creator<'a>(topic: &Obj<'a>) -> Result<Option<&'a str>, ImportError> {
    let Some(details) = topic.get("details") else {
        return Ok(None);
    };
    let details = Obj::new(details, "details", "an object")?;
    let Some(by) = details.get("created_by") else {
        return Ok(None);
    };
    let by = Obj::new(by, "details.created_by", "an object with \"username\"")?;
    Ok(by.str("username")?.filter(|u| !u.trim().is_empty()))
}

/// The forum's address (`https://forum.example` or, installed in a folder,
/// `https://example.org/forum`), from a link between its own topics.
fn forum_address(topic: &Obj<'_>, posts: &[Post<'_>]) -> Result<Option<String>, ImportError> {
    let mut lists = Vec::new();
    for post in posts {
        if post.obj.get("link_counts").is_some() {
            lists.push((
                post.obj.array("link_counts")?,
                format!("{}.link_counts", post.obj.place),
            ));
        }
    }
    if let Some(details) = topic.get("details").filter(|d| d.get("links").is_some()) {
        let details = Obj::new(details, "details", "an object")?;
        lists.push((details.array("links")?, "details.links".to_string()));
    }
    for (links, place) in lists {
        for (i, link) in links.iter().enumerate() {
            let link = Obj::new(
                link,
                format!("{place}[{i}]"),
                "a link is an object with \"url\"",
            )?;
            if link.bool("internal")? != Some(true) {
                continue;
            }
            let Some(url) = link.str("url")? else {
                continue;
            };
            if let Some(at) = url.find("/t/")
                && host(&url[..at]).is_some()
            {
                return Ok(Some(url[..at].to_string()));
            }
        }
    }
    Ok(None)
}

/// Post numbers the file skips, up to the highest it or the topic names.
fn gaps(topic: &Obj<'_>, posts: &[Post<'_>]) -> Result<Option<String>, ImportError> {
    // Sorted and without duplicates: `import` sorts them, and drops later copies.
    let numbers: Vec<u64> = posts.iter().map(|p| p.number).collect();
    let highest = topic.int("highest_post_number")?.unwrap_or(0).max(0) as u64;
    let mut ranges: Vec<(u64, u64)> = Vec::new();
    let mut next = 1;
    for &n in &numbers {
        if n > next {
            ranges.push((next, n - 1));
        }
        next = n.saturating_add(1);
    }
    if highest >= next {
        ranges.push((next, highest));
    }
    if ranges.is_empty() {
        return Ok(None);
    }
    let one = matches!(ranges.as_slice(), [(a, b)] if a == b);
    const SHOWN: usize = 10;
    let mut parts: Vec<String> = ranges
        .iter()
        .take(SHOWN)
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    if ranges.len() > SHOWN {
        parts.push(format!("{} more ranges", ranges.len() - SHOWN));
    }
    let list = match parts.as_slice() {
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => String::new(),
    };
    Ok(Some(if one {
        format!("Post {list} is not in this file (deleted, or on another page of the topic)")
    } else {
        format!("Posts {list} are not in this file (deleted, or on other pages of the topic)")
    }))
}

/// Where the topic says how many posts it has (`posts_count`, on the topic or on
/// each post of a page) and the file holds fewer.
fn count(topic: &Obj<'_>, posts: &[Post<'_>]) -> Result<Option<String>, ImportError> {
    if topic.get("highest_post_number").is_some() {
        // The gaps, up to the highest post, say it already.
        return Ok(None);
    }
    let mut total = topic.int("posts_count")?;
    if total.is_none() {
        for post in posts {
            total = total.max(post.obj.int("posts_count")?);
        }
    }
    let held = posts.len() as i64;
    Ok(total.filter(|&t| t > held).map(|t| {
        format!(
            "The topic counts {t} posts and this file holds {held}: the others are on other \
             pages of the topic, or deleted"
        )
    }))
}

/// Cooked HTML as blocks, Discourse's own markup read as the forum shows it.
fn cooked_blocks(cooked: &str) -> Vec<Block> {
    let mut fragment = Html::parse_fragment(cooked);
    quotes_with_names(&mut fragment);
    oneboxes_as_links(&mut fragment);
    html::edit(&mut fragment, |e| {
        let element = e.value();
        let class = |name: &str| element.classes().any(|c| c == name);
        match element.name() {
            "svg" => Edit::Remove,
            "div" if class("quote-controls") => Edit::Remove,
            // File name, size and icons under an image that opens larger.
            "div" if class("meta") && in_link(e) => Edit::Remove,
            "img" if class("emoji") => Edit::Text(image_text(e)),
            "img" if class("avatar") || class("site-icon") => Edit::Remove,
            "img" if in_link(e) => Edit::Text(image_text(e)),
            "img" if element.classes().any(|c| c.ends_with("thumbnail")) => Edit::Remove,
            _ => Edit::Keep,
        }
    });
    html::fragment_blocks(&fragment)
}

/// Links within the forum (`/u/alice`, `/t/slug/12/3`) made whole with its scheme and
/// host, where the file gives them; the page shows a relative link as text.
fn absolute(block: &mut Block, base: &str) {
    match block {
        Block::Paragraph(inlines) | Block::Heading(inlines) => absolute_inlines(inlines, base),
        Block::Quote(blocks) => blocks.iter_mut().for_each(|b| absolute(b, base)),
        Block::List(list) => list
            .items
            .iter_mut()
            .flatten()
            .for_each(|b| absolute(b, base)),
        Block::Table(table) => table
            .head
            .iter_mut()
            .chain(table.rows.iter_mut().flatten())
            .for_each(|cell| absolute_inlines(cell, base)),
        Block::Code(_) => {}
    }
}

fn absolute_inlines(inlines: &mut [Inline], base: &str) {
    for inline in inlines {
        let Inline::Styled(styled) = inline else {
            continue;
        };
        match styled {
            Styled::Link(link) => {
                if link.href.starts_with('/') && !link.href.starts_with("//") {
                    link.href = format!("{base}{}", link.href);
                }
                absolute_inlines(&mut link.text, base);
            }
            Styled::Em(inner)
            | Styled::Strong(inner)
            | Styled::Strike(inner)
            | Styled::Spoiler(inner) => {
                absolute_inlines(inner, base);
            }
            Styled::Code(_) => {}
        }
    }
}

fn in_link(element: ElementRef<'_>) -> bool {
    element
        .ancestors()
        .any(|a| a.value().as_element().is_some_and(|e| e.name() == "a"))
}

/// An image's words: its alternative text, or its title (a video's thumbnail).
fn image_text(image: ElementRef<'_>) -> String {
    let element = image.value();
    [element.attr("alt"), element.attr("title")]
        .into_iter()
        .flatten()
        .find(|t| !t.trim().is_empty())
        .unwrap_or_default()
        .to_string()
}

fn element_ids(fragment: &Html, name: &str, class: &str) -> Vec<ego_tree::NodeId> {
    fragment
        .tree
        .nodes()
        .filter(|n| {
            n.value()
                .as_element()
                .is_some_and(|e| e.name() == name && e.classes().any(|c| c == class))
        })
        .map(|n| n.id())
        .collect()
}

/// `<aside class="quote"><div class="title">alice:</div><blockquote>…` with the
/// title moved into the quote, so that the quote says whom it quotes.
fn quotes_with_names(fragment: &mut Html) {
    for aside in element_ids(fragment, "aside", "quote") {
        let Some(node) = fragment.tree.get(aside) else {
            continue;
        };
        let child = |name: &str, class: Option<&str>| {
            node.children()
                .find(|c| {
                    c.value().as_element().is_some_and(|e| {
                        e.name() == name && class.is_none_or(|k| e.classes().any(|c| c == k))
                    })
                })
                .map(|c| c.id())
        };
        let (Some(title), Some(quote)) = (child("div", Some("title")), child("blockquote", None))
        else {
            continue;
        };
        if let Some(mut quote) = fragment.tree.get_mut(quote) {
            quote.prepend_id(title);
        }
    }
}

/// A link preview (`<aside class="onebox">`, with the site, a picture, a title and a
/// summary) as its link alone, titled as the preview titles it.
fn oneboxes_as_links(fragment: &mut Html) {
    for aside in element_ids(fragment, "aside", "onebox") {
        let Some(node) = fragment.tree.get(aside) else {
            continue;
        };
        let source = node
            .value()
            .as_element()
            .and_then(|e| e.attr("data-onebox-src"));
        let links: Vec<_> = node
            .descendants()
            .filter(|d| d.value().as_element().is_some_and(|e| e.name() == "a"))
            .collect();
        let in_heading = |link: &ego_tree::NodeRef<'_, scraper::Node>| {
            link.ancestors().take_while(|a| a.id() != aside).any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
            })
        };
        let chosen = links
            .iter()
            .find(|l| in_heading(l))
            .or_else(|| {
                links.iter().find(|l| {
                    source.is_some()
                        && l.value().as_element().and_then(|e| e.attr("href")) == source
                })
            })
            .or(links.first())
            .map(|l| l.id());
        let Some(link) = chosen else { continue };
        let others: Vec<_> = node.children().map(|c| c.id()).collect();
        for other in others {
            if let Some(mut other) = fragment.tree.get_mut(other) {
                other.detach();
            }
        }
        if let Some(mut aside) = fragment.tree.get_mut(aside) {
            aside.append_id(link);
        }
    }
}

// Shared with the Mastodon importer.

/// The comments with every parent before its replies (depth first, siblings in the
/// order given), which `Discussion::select` needs. A cycle of replies, which no site
/// writes but an edited file can hold, is broken: the first of it in the file goes to
/// the top level, and its id is returned.
pub(crate) fn parents_first(comments: Vec<Comment>) -> (Vec<Comment>, Vec<Id>) {
    let mut index: HashMap<Id, usize> = HashMap::new();
    for (i, c) in comments.iter().enumerate() {
        index.entry(c.id.clone()).or_insert(i);
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); comments.len()];
    let mut roots = Vec::new();
    for (i, c) in comments.iter().enumerate() {
        match c.parent.as_ref().and_then(|p| index.get(p)) {
            Some(&p) if p != i => children[p].push(i),
            _ => roots.push(i),
        }
    }
    let mut order = Vec::with_capacity(comments.len());
    let mut seen = vec![false; comments.len()];
    let walk = |start: usize, order: &mut Vec<usize>, seen: &mut Vec<bool>| {
        let mut stack = vec![start];
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            order.push(i);
            stack.extend(children[i].iter().rev());
        }
    };
    for &root in &roots {
        walk(root, &mut order, &mut seen);
    }
    let mut broken = Vec::new();
    for i in 0..comments.len() {
        if !seen[i] {
            broken.push(i);
            walk(i, &mut order, &mut seen);
        }
    }
    let mut slots: Vec<Option<Comment>> = comments.into_iter().map(Some).collect();
    let mut cycles = Vec::new();
    for &i in &broken {
        if let Some(c) = slots[i].as_mut() {
            c.parent = None;
            cycles.push(c.id.clone());
        }
    }
    let ordered = order.into_iter().filter_map(|i| slots[i].take()).collect();
    (ordered, cycles)
}

/// The note for cycles that [`parents_first`] broke.
pub(crate) fn cycle_note(cycles: &[Id]) -> Option<String> {
    (!cycles.is_empty()).then(|| {
        format!(
            "{}: part of a cycle of replies in the source, shown at the top level",
            listing("Comment", "Comments", cycles)
        )
    })
}

/// A headline from a text: its first line, cut at a word to at most 80 characters.
pub(crate) fn headline_from(text: &str) -> Option<String> {
    const MAX: usize = 80;
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    if line.chars().count() <= MAX {
        return Some(line.to_string());
    }
    let cut: String = line.chars().take(MAX).collect();
    let cut = match cut.rfind(' ') {
        Some(at) if at >= MAX / 2 => &cut[..at],
        _ => cut.as_str(),
    };
    Some(format!(
        "{}…",
        cut.trim_end_matches([' ', ',', ';', ':', '-'])
    ))
}

/// A time field as RFC 3339; blank is none. A time without a zone, as some saved
/// responses have, is read as UTC, which both sites write.
pub(crate) fn time_of(obj: &Obj<'_>, key: &str) -> Result<Option<String>, ImportError> {
    let Some(text) = obj.str(key)?.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    Timestamp::parse(text)
        .or_else(|| Timestamp::parse(&format!("{text}Z")))
        .map(Timestamp::rfc3339)
        // What is written must read back (no year before 0000 after an offset).
        .filter(|written| Timestamp::parse(written).is_some())
        .map(Some)
        .ok_or_else(|| obj.wrong(key, "a time like 2017-05-03T02:23:54.000Z"))
}

/// `https://host` of an `http` or `https` address.
fn origin(url: &str) -> Option<&str> {
    let host = host(url)?;
    let at = url.find(host)? + host.len();
    Some(&url[..at])
}

/// The host of an `http` or `https` address.
pub(crate) fn host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then_some(host)
}
