//! WordPress: a WXR export (Tools → Export, WXR 1.0 to 1.2, its namespace in the `http`
//! or `https` form), an RSS `<channel>` whose `<item>`s are the site's posts, pages and
//! more, each with its `wp:comment`s. Names are matched with the `wp:`, `dc:` and
//! `content:` prefixes every exporter writes.
//!
//! One item is imported (`xml::pick`; it is named by its `wp:post_id`, its link, or the
//! `dsq:thread_identifier` that exports made for Disqus carry). Its title is the
//! headline (an item without one gets its link without the scheme, else its number),
//! its link, time (`wp:post_date_gmt`) and author (`dc:creator`, by the display name the
//! export gives that login) the article's, the site's title the site; its content,
//! HTML, becomes the article's paragraphs, unless the post is protected by a password
//! (`wp:post_password`), which the site asks before it shows the text: then the text is
//! left out, and noted.
//!
//! Each comment keeps its number (`wp:comment_id`), parent (`wp:comment_parent`, 0 for
//! none), author's name, time and text, with a link to it on the page (`#comment-ID`,
//! WordPress's own anchor). The time is `wp:comment_date_gmt`; a comment without one
//! (or with WordPress's `0000-00-00 00:00:00`) has no time, rather than `wp:comment_date`,
//! a local time in a zone the export does not name. The text is stored as typed and
//! given paragraphs only when shown (WordPress's `wpautop`): a blank line ends a
//! paragraph and a line break is a break, as here, before the HTML is read. A comment by
//! the post's author (`wp:comment_user_id` equal to the `wp:author_id` of the post's
//! `dc:creator`, which WXR 1.1 and later give) gets the "op" badge.
//!
//! Only approved comments (`wp:comment_approved` 1) are shown; the others (0, awaiting
//! approval; `spam`; `trash`; any other status) are left out and counted in notes, and
//! their replies raised to the top level, where WordPress shows them too. Pingbacks and
//! trackbacks are shown, marked as such (`kind`), and noted; comments of any other type
//! (a plugin's: webmentions, order notes) are left out and noted.
//!
//! Only the fields named here are read: the commenter's e-mail address, IP address and
//! website (`wp:comment_author_email`, `wp:comment_author_IP`, `wp:comment_author_url`)
//! never are, nor the site's authors' addresses.

use std::collections::{HashMap, HashSet};

use threadview_core::data::{Badge, Kind};
use threadview_core::time::Timestamp;

use crate::output::{Article, Comment, Discussion, Id};
use crate::xml::{self, Document, El, is_are, plural};
use crate::{Format, ImportError, html, rich};

/// What the export says of the site's authors, by login.
struct Author {
    id: Option<u64>,
    name: Option<String>,
}

/// An item, as listed before one is picked.
struct Item<'d> {
    element: El<'d>,
    /// Its place in the file, counted from 1, for items without a number.
    number: usize,
    id: Option<String>,
    link: Option<String>,
    title: Option<String>,
    comments: usize,
    shown: usize,
    /// Why comments are left out, with how many, in the order first met.
    left_out: Vec<(String, usize)>,
}

impl Item<'_> {
    fn name(&self) -> String {
        match &self.id {
            Some(id) => format!("post {id}"),
            None => format!("item {}", self.number),
        }
    }

    fn headline(&self) -> String {
        xml::headline(self.title.clone(), self.link.as_deref(), None, || {
            self.name()
        })
    }
}

/// Every post and page of the export, with how many of its comments are shown; the
/// other items (attachments, menu entries) only where they have comments.
pub fn threads(input: &str) -> Result<Vec<xml::Thread>, ImportError> {
    let doc = Document::parse(input)?;
    let items = items(channel(doc.root())?)?;
    let listed = listing(&items);
    Ok(items
        .iter()
        .zip(listed)
        .filter(|(item, _)| {
            let kind = item.element.field("wp:post_type");
            item.comments > 0 || matches!(kind.as_deref(), None | Some("post" | "page"))
        })
        .map(|(_, thread)| thread)
        .collect())
}

pub fn import(input: &str, thread: Option<&str>) -> Result<Discussion, ImportError> {
    let doc = Document::parse(input)?;
    let channel = channel(doc.root())?;
    let items = items(channel)?;
    let item = &items[pick(&items, thread)?];
    let authors = authors(channel);
    let creator = item.element.field("dc:creator");
    let author = creator.as_deref().and_then(|login| authors.get(login));
    // A post behind a password keeps its text there.
    let protected = item.element.field("wp:post_password").is_some();
    let content = if protected {
        String::new()
    } else {
        item.element.field("content:encoded").unwrap_or_default()
    };
    let place = || format!("{} (line {})", item.name(), item.element.line());
    let mut discussion = Discussion {
        version: 2,
        article: Article {
            headline: item.headline(),
            body: rich::article(&html::to_blocks(&autop(&content))),
            author: author
                .and_then(|a| a.name.clone())
                .or_else(|| plain_field(item.element, "dc:creator")),
            time: date(item.element, "wp:post_date_gmt", &place)?,
            url: xml::web_link(item.link.as_deref()),
            site: plain_field(channel, "title"),
        },
        comments: Vec::new(),
        missing_replies: 0,
        notes: Vec::new(),
    };
    if protected {
        discussion.notes.push(
            "The post is protected by a password on the site: its text is left out".to_string(),
        );
    }
    let reader = Reader {
        post: item.name(),
        page: discussion.article.url.clone(),
        op: author.and_then(|a| a.id),
    };
    discussion.comments = reader.comments(item, &mut discussion.notes)?;
    Ok(discussion)
}

/// The `<channel>` of an `<rss>` root.
fn channel(root: El<'_>) -> Result<El<'_>, ImportError> {
    match (root.name(), root.child("channel")) {
        ("rss", Some(channel)) => Ok(channel),
        (name, _) => {
            let found = if name == "rss" {
                "an <rss> without a <channel>".to_string()
            } else {
                format!("XML with a <{name}> root")
            };
            Err(ImportError::shape("", Format::Wordpress.expected(), found))
        }
    }
}

/// The item to import, by its place in `items`.
/// The channel's items, listed; an RSS feed that is not an export is refused.
fn items(channel: El<'_>) -> Result<Vec<Item<'_>>, ImportError> {
    let items: Vec<Item<'_>> = channel
        .children()
        .filter(|e| e.name() == "item")
        .enumerate()
        .map(|(i, element)| list_item(element, i + 1))
        .collect();
    let is_export = channel.child("wp:wxr_version").is_some()
        || items
            .iter()
            .any(|item| item.id.is_some() || item.comments > 0);
    if !is_export {
        return Err(ImportError::shape(
            "",
            Format::Wordpress.expected(),
            "an RSS feed without WordPress's export fields (wp:post_id, wp:comment)",
        ));
    }
    Ok(items)
}

fn listing(items: &[Item<'_>]) -> Vec<xml::Thread> {
    items
        .iter()
        .map(|item| xml::Thread {
            id: item.id.clone(),
            identifier: item.element.field("dsq:thread_identifier"),
            link: item.link.clone(),
            headline: item.headline(),
            shown: item.shown,
        })
        .collect()
}

fn pick(items: &[Item<'_>], wanted: Option<&str>) -> Result<usize, ImportError> {
    let listed = listing(items);
    xml::pick(&listed, wanted, |which| match which {
        None => {
            let comments: usize = items.iter().map(|i| i.comments).sum();
            let mut left_out: Vec<(String, usize)> = Vec::new();
            for (why, n) in items.iter().flat_map(|i| &i.left_out) {
                count(&mut left_out, why, *n);
            }
            format!(
                "{} and {}{}",
                plural(items.len(), "item", "items"),
                plural(comments, "comment", "comments"),
                none_shown(&left_out)
            )
        }
        Some(i) => format!(
            "{} (\"{}\") has {}{}",
            items[i].name(),
            items[i].headline(),
            plural(items[i].comments, "comment", "comments"),
            none_shown(&items[i].left_out)
        ),
    })
}

/// Adds `n` to the count for `why`.
fn count(counts: &mut Vec<(String, usize)>, why: &str, n: usize) {
    match counts.iter_mut().find(|(w, _)| w == why) {
        Some((_, total)) => *total += n,
        None => counts.push((why.to_string(), n)),
    }
}

/// ", none shown: 2 awaiting approval, 1 marked as spam".
fn none_shown(left_out: &[(String, usize)]) -> String {
    if left_out.is_empty() {
        return String::new();
    }
    let reasons: Vec<String> = left_out
        .iter()
        .map(|(why, n)| format!("{n} {why}"))
        .collect();
    format!(", none of them shown: {}", reasons.join(", "))
}

/// An item's number, title and link, and how many of its comments are shown: what is
/// needed to list it and pick it. Its comments are read in full once it is picked.
fn list_item(element: El<'_>, number: usize) -> Item<'_> {
    let mut item = Item {
        element,
        number,
        id: element.field("wp:post_id"),
        link: element.field("link"),
        title: plain_field(element, "title"),
        comments: 0,
        shown: 0,
        left_out: Vec::new(),
    };
    for comment in element.children().filter(|e| e.name() == "wp:comment") {
        item.comments += 1;
        match left_out(comment) {
            None => item.shown += 1,
            Some(why) => count(&mut item.left_out, &why, 1),
        }
    }
    item
}

/// Why a comment is left out, if it is.
fn left_out(comment: El<'_>) -> Option<String> {
    match comment.field("wp:comment_approved").as_deref() {
        Some("1") => {}
        Some("0") => return Some("awaiting approval".to_string()),
        Some("spam") => return Some("marked as spam".to_string()),
        Some("trash" | "post-trashed") => return Some("in the trash".to_string()),
        Some(other) => return Some(format!("with the status \"{other}\"")),
        None => return Some("without an approval status".to_string()),
    }
    match comment_kind(comment) {
        Ok(_) => None,
        Err(other) => Some(format!("of the type \"{other}\"")),
    }
}

/// A comment's type: a pingback, a trackback or a plain comment; any other, by name.
fn comment_kind(comment: El<'_>) -> Result<Option<Kind>, String> {
    match comment.field("wp:comment_type").as_deref() {
        None | Some("comment") => Ok(None),
        Some("pingback") => Ok(Some(Kind::Pingback)),
        Some("trackback") => Ok(Some(Kind::Trackback)),
        Some(other) => Err(other.to_string()),
    }
}

/// The site's authors, by login.
fn authors(channel: El<'_>) -> HashMap<String, Author> {
    channel
        .children()
        .filter(|e| e.name() == "wp:author")
        .filter_map(|e| {
            let login = e.field("wp:author_login")?;
            let author = Author {
                id: e.field("wp:author_id").and_then(|id| id.parse().ok()),
                name: plain_field(e, "wp:author_display_name"),
            };
            Some((login, author))
        })
        .collect()
}

struct Reader {
    /// The post, as errors name it.
    post: String,
    /// The post's address, for links to comments.
    page: Option<String>,
    /// The post's author's user number.
    op: Option<u64>,
}

impl Reader {
    /// The item's comments to show, in order, with notes on those left out and on
    /// pingbacks and trackbacks.
    fn comments(
        &self,
        item: &Item<'_>,
        notes: &mut Vec<String>,
    ) -> Result<Vec<Comment>, ImportError> {
        let mut comments = Vec::new();
        let mut left_out = HashSet::new();
        let (mut pingbacks, mut trackbacks) = (0, 0);
        let elements = item.element.children().filter(|e| e.name() == "wp:comment");
        for (i, element) in elements.enumerate() {
            match self.comment(element, i + 1)? {
                Ok(comment) => {
                    match comment.kind {
                        Some(Kind::Pingback) => pingbacks += 1,
                        Some(Kind::Trackback) => trackbacks += 1,
                        _ => {}
                    }
                    comments.push(comment);
                }
                Err(id) => {
                    left_out.insert(id);
                }
            }
        }
        for (why, n) in &item.left_out {
            notes.push(format!(
                "{} {why} {} left out",
                plural(*n, "comment", "comments"),
                is_are(*n)
            ));
        }
        if pingbacks + trackbacks > 0 {
            let kinds: Vec<String> = [
                (pingbacks, "pingback", "pingbacks"),
                (trackbacks, "trackback", "trackbacks"),
            ]
            .into_iter()
            .filter(|(n, ..)| *n > 0)
            .map(|(n, one, many)| plural(n, one, many))
            .collect();
            notes.push(format!(
                "{} (notices that another site linked here) {} shown as such",
                kinds.join(" and "),
                is_are(pingbacks + trackbacks)
            ));
        }
        xml::raise_replies_to_left_out(&mut comments, &left_out, notes);
        Ok(xml::in_order(comments, notes))
    }

    /// A comment to show, or the number of one left out.
    fn comment(&self, element: El<'_>, number: usize) -> Result<Result<Comment, Id>, ImportError> {
        // Lines are counted only for an error.
        let line = || element.line();
        let unnumbered = || format!("comment number {number} of {} (line {})", self.post, line());
        let id = number_field(element, "wp:comment_id", unnumbered)?.ok_or_else(|| {
            ImportError::shape(
                unnumbered(),
                "a comment has a wp:comment_id",
                "a comment without one",
            )
        })?;
        let place = || format!("comment {id} of {} (line {})", self.post, line());
        if left_out(element).is_some() {
            return Ok(Err(Id::Number(id)));
        }
        let parent = number_field(element, "wp:comment_parent", place)?.filter(|&p| p != 0);
        let mut comment = Comment::new(Id::Number(id), parent.map(Id::Number));
        comment.kind = comment_kind(element).unwrap_or_default();
        comment.time = date(element, "wp:comment_date_gmt", &place)?;
        comment.url = self.page.as_deref().map(|page| {
            let page = page.split('#').next().unwrap_or(page);
            format!("{page}#comment-{id}")
        });
        // WordPress shows a comment without a name as "Anonymous".
        let author = plain_field(element, "wp:comment_author");
        comment.author = Some(author.unwrap_or_else(|| "Anonymous".to_string()));
        let user = number_field(element, "wp:comment_user_id", place)?;
        if comment.kind.is_none() && self.op.is_some_and(|op| op != 0 && user == Some(op)) {
            comment.badges.push(Badge::Op);
        }
        let content = element.field("wp:comment_content").unwrap_or_default();
        comment.body = Some(rich::body(html::to_blocks(&autop(&content)), &content));
        Ok(Ok(comment))
    }
}

/// A field that holds a number, if present and not empty.
fn number_field(
    element: El<'_>,
    name: &str,
    place: impl Fn() -> String,
) -> Result<Option<u64>, ImportError> {
    match element.field(name) {
        None => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| {
            ImportError::shape(
                place(),
                format!("<{name}> is a number"),
                format!("\"{text}\""),
            )
        }),
    }
}

/// A time in UTC as WXR writes it (`2014-01-14 17:31:03`), as RFC 3339; WordPress's
/// `0000-00-00 00:00:00` is none.
fn date(
    element: El<'_>,
    name: &str,
    place: &impl Fn() -> String,
) -> Result<Option<String>, ImportError> {
    let Some(text) = element.field(name) else {
        return Ok(None);
    };
    if text.starts_with("0000-00-00") {
        return Ok(None);
    }
    match Timestamp::parse(&text).or_else(|| Timestamp::parse(&format!("{text}Z"))) {
        Some(t) => Ok(Some(t.rfc3339())),
        None => Err(ImportError::shape(
            place(),
            format!("<{name}> is a time like 2014-01-14 17:31:03"),
            format!("\"{text}\""),
        )),
    }
}

/// A name or title, as plain text: WordPress keeps them with HTML entities (`&#039;`,
/// `&amp;`) and its export writes them as they are kept. Tags are stripped before a
/// name or title is saved, so the text is read as HTML when it holds an `&`. None when
/// nothing is left.
fn plain_field(element: El<'_>, name: &str) -> Option<String> {
    element
        .field(name)
        .map(|text| plain(&text))
        .filter(|t| !t.is_empty())
}

fn plain(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let fragment = scraper::Html::parse_fragment(text);
    let decoded: String = fragment.root_element().text().collect();
    decoded.trim().to_string()
}

/// WordPress's paragraphs (`wpautop`, roughly): text split at blank lines into
/// paragraphs, and a single line break made a `<br>`, except beside a block-level tag;
/// `<pre>` keeps its line breaks.
fn autop(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text.as_str();
    while let Some(start) = find_tag(rest, "pre") {
        paragraphs(&rest[..start], &mut out);
        let end = find_ascii_ci(&rest[start..], "</pre>").map_or(rest.len(), |e| start + e + 6);
        out.push_str(&rest[start..end]);
        rest = &rest[end..];
    }
    paragraphs(rest, &mut out);
    out
}

fn paragraphs(text: &str, out: &mut String) {
    let mut paragraph: Vec<&str> = Vec::new();
    for line in text.split('\n').chain(std::iter::once("")) {
        if !line.trim().is_empty() {
            // A browser shows no white space at either end of a line it breaks.
            paragraph.push(line.trim());
            continue;
        }
        if paragraph.is_empty() {
            continue;
        }
        out.push_str("<p>");
        for (i, line) in paragraph.iter().enumerate() {
            if i > 0 {
                let block = ends_with_block_tag(paragraph[i - 1]) || starts_with_block_tag(line);
                out.push_str(if block { "\n" } else { "<br>" });
            }
            out.push_str(line);
        }
        out.push_str("</p>\n");
        paragraph.clear();
    }
}

/// Elements that are blocks of their own, next to which a line break is only layout.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The name of the tag at the start of `text` (`<p`, `</li`), lowercased.
fn tag_name(text: &str) -> Option<String> {
    let rest = text.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

fn is_block(name: Option<String>) -> bool {
    name.is_some_and(|n| BLOCKS.contains(&n.as_str()))
}

fn starts_with_block_tag(line: &str) -> bool {
    is_block(tag_name(line.trim_start()))
}

fn ends_with_block_tag(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with('>')
        && line
            .rfind('<')
            .is_some_and(|i| is_block(tag_name(&line[i..])))
}

/// Where `<name` starts as a tag (followed by `>`, `/` or white space), ignoring case.
fn find_tag(text: &str, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(at) = find_ascii_ci(&text[from..], &open) {
        let at = from + at;
        let next = text[at + open.len()..].chars().next();
        if next.is_none_or(|c| c == '>' || c == '/' || c.is_whitespace()) {
            return Some(at);
        }
        from = at + open.len();
    }
    None
}

/// Where an ASCII `needle` first is in `text`, ignoring ASCII case.
fn find_ascii_ci(text: &str, needle: &str) -> Option<usize> {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    text.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use threadview_core::rich::plain_text;

    #[test]
    fn blank_lines_are_paragraphs_and_line_breaks_breaks() {
        let html = autop("One\ntwo\n\n\n  Three <b>bold</b>\n\n<ul>\n<li>a</li>\n</ul>");
        assert_eq!(
            html,
            "<p>One<br>two</p>\n<p>Three <b>bold</b></p>\n<p><ul>\n<li>a</li>\n</ul></p>\n"
        );
        let blocks = html::to_blocks(&html);
        assert_eq!(plain_text(&blocks), "One\ntwo\n\nThree bold\n\na");
    }

    #[test]
    fn pre_keeps_its_lines() {
        let html = autop("Look:\n<PRE class=\"x\">a\n\nb</PRE>\nafter\n\nend");
        assert_eq!(
            html,
            "<p>Look:</p>\n<PRE class=\"x\">a\n\nb</PRE><p>after</p>\n<p>end</p>\n"
        );
        assert_eq!(autop("<prefix>x"), "<p><prefix>x</p>\n");
    }

    #[test]
    fn entities_in_names_are_decoded() {
        assert_eq!(plain("Don&#039;t &amp; won&#8217;t"), "Don't & won’t");
        assert_eq!(plain("a < b"), "a < b");
    }
}
