//! What the Disqus and WordPress importers share: the export read into a small tree of
//! elements, and, once their comments are read, a thread picked out of the many an
//! export holds and its comments put in order.
//!
//! The XML is read by quick-xml's plain `Reader`, which knows nothing of namespaces: a
//! name is matched as written, prefix and all (`wp:comment`, the `dsq:id` attribute), so
//! the `atom:` prefix that WordPress.com exports use without declaring it reads like any
//! other. quick-xml checks that end tags match; an element still open at the end of the
//! file, a second root element and text outside the root are checked here. The five
//! entities of XML and character references are decoded; any other `&name;` is kept as
//! written (an HTML reader decodes it later), since exports are not always strict.
//!
//! The tree is flat (each element knows its children by number), so neither building it
//! nor dropping it recurses, however deep the input nests.

use std::collections::{HashMap, HashSet};

use quick_xml::errors::IllFormedError;
use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use threadview_core::time::Timestamp;

use crate::ImportError;
use crate::output::{Comment, Id, listing};

/// A parsed export.
pub struct Document<'a> {
    input: &'a str,
    elements: Vec<Element>,
}

struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Child>,
    /// Where its start tag begins, in bytes.
    offset: usize,
}

enum Child {
    Element(usize),
    Text(String),
}

impl<'a> Document<'a> {
    pub fn parse(input: &'a str) -> Result<Self, ImportError> {
        let mut reader = Reader::from_str(input);
        let mut doc = Self {
            input,
            elements: Vec::new(),
        };
        // The elements open around the next event, innermost last.
        let mut open: Vec<usize> = Vec::new();
        loop {
            let start = offset(reader.buffer_position());
            let event = reader.read_event().map_err(|error| {
                let (at, message) = reader_error(&error, offset(reader.error_position()));
                doc.error(at, &message)
            })?;
            match event {
                Event::Start(tag) => {
                    let index = doc.element(&tag, start, open.last().copied())?;
                    open.push(index);
                }
                Event::Empty(tag) => {
                    doc.element(&tag, start, open.last().copied())?;
                }
                Event::End(_) => {
                    open.pop();
                }
                Event::Text(text) => doc.text(&text.xml10_content(), start, open.last())?,
                Event::CData(text) => doc.text(&text.xml10_content(), start, open.last())?,
                Event::GeneralRef(reference) => {
                    let text = match reference.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => match &*reference {
                            "lt" => "<".to_string(),
                            "gt" => ">".to_string(),
                            "amp" => "&".to_string(),
                            "apos" => "'".to_string(),
                            "quot" => "\"".to_string(),
                            other => format!("&{other};"),
                        },
                        Err(error) => return Err(doc.error(start, &error.to_string())),
                    };
                    doc.text(&text, start, open.last())?;
                }
                Event::Eof => break,
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
        if let Some(&unclosed) = open.first() {
            let element = &doc.elements[unclosed];
            let (line, column) = line_column(input, element.offset);
            let message = format!(
                "<{}> (line {line}, column {column}) is not closed at the end of the file: is the file cut short?",
                element.name
            );
            return Err(doc.error(input.len(), &message));
        }
        if doc.elements.is_empty() {
            return Err(doc.error(input.len(), "the file holds no element"));
        }
        Ok(doc)
    }

    /// Adds the element that `tag` starts, after checking its attributes.
    fn element(
        &mut self,
        tag: &BytesStart<'_>,
        start: usize,
        parent: Option<usize>,
    ) -> Result<usize, ImportError> {
        let name = tag.name().0.to_string();
        if !is_name(&name) {
            let message = format!("<{name}> is not a tag: a name starts with a letter");
            return Err(self.error(start, &message));
        }
        if parent.is_none() && !self.elements.is_empty() {
            let message = format!("a second root element, <{name}>: a file has one");
            return Err(self.error(start, &message));
        }
        let mut attributes = Vec::new();
        for attribute in tag.attributes() {
            let attribute = attribute.map_err(|e| {
                let (at, message) = attribute_error(&e);
                // Attribute positions count from the tag's name, just after `<`.
                self.error(start + 1 + at, &message)
            })?;
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| self.error(start, &reader_error(&e, start).1))?;
            attributes.push((attribute.key.0.to_string(), value.into_owned()));
        }
        let index = self.elements.len();
        self.elements.push(Element {
            name,
            attributes,
            children: Vec::new(),
            offset: start,
        });
        if let Some(parent) = parent {
            self.elements[parent].children.push(Child::Element(index));
        }
        Ok(index)
    }

    /// Adds text to the element it sits in; outside the root only white space may be.
    fn text(
        &mut self,
        text: &str,
        start: usize,
        within: Option<&usize>,
    ) -> Result<(), ImportError> {
        let Some(&within) = within else {
            if text.trim().is_empty() {
                return Ok(());
            }
            let at = start + (text.len() - text.trim_start().len());
            let what = if self.elements.is_empty() {
                "text before the root element"
            } else {
                "text after the root element"
            };
            return Err(self.error(at.min(self.input.len()), what));
        };
        let children = &mut self.elements[within].children;
        match children.last_mut() {
            Some(Child::Text(last)) => last.push_str(text),
            _ => children.push(Child::Text(text.to_string())),
        }
        Ok(())
    }

    fn error(&self, at: usize, message: &str) -> ImportError {
        let (line, column) = line_column(self.input, at);
        ImportError::Xml {
            line,
            column,
            message: message.to_string(),
        }
    }

    /// The root element.
    pub fn root(&self) -> El<'_> {
        El {
            doc: self,
            index: 0,
        }
    }
}

/// An XML name: a letter, `_` or `:`, then letters, digits and `-._:` (any character
/// beyond ASCII counts as a letter).
fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':' || !c.is_ascii())
        && chars.all(|c| c.is_alphanumeric() || "-._:".contains(c) || !c.is_ascii())
}

fn offset(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
}

/// Line and column, counted from 1 (the column in characters), of a byte position.
pub fn line_column(input: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(input.len());
    while !input.is_char_boundary(at) {
        at -= 1;
    }
    let before = &input[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Where an error of the reader is and what it says, without quick-xml's own prefix.
fn reader_error(error: &quick_xml::Error, at: usize) -> (usize, String) {
    match error {
        quick_xml::Error::Syntax(e) => (at, e.to_string()),
        quick_xml::Error::IllFormed(IllFormedError::UnclosedReference) => (
            at,
            "a `&` that starts no entity: in XML it is written `&amp;`".to_string(),
        ),
        quick_xml::Error::IllFormed(e) => (at, e.to_string()),
        quick_xml::Error::InvalidAttr(e) => attribute_error(e),
        other => (at, other.to_string()),
    }
}

/// An attribute's error: its position within the tag, and what is wrong.
fn attribute_error(error: &AttrError) -> (usize, String) {
    match *error {
        AttrError::ExpectedEq(at) => (at, "an attribute's name is not followed by `=`".into()),
        AttrError::ExpectedValue(at) => (at, "an attribute has `=` but no value".into()),
        AttrError::UnquotedValue(at) => (at, "an attribute's value is not in quotes".into()),
        AttrError::ExpectedQuote(at, quote) => (
            at,
            format!("an attribute's value has no closing {}", quote as char),
        ),
        AttrError::Duplicated(at, _) => (at, "the same attribute twice in one tag".into()),
    }
}

/// One element of a [`Document`].
#[derive(Clone, Copy)]
pub struct El<'d> {
    doc: &'d Document<'d>,
    index: usize,
}

impl<'d> El<'d> {
    fn element(&self) -> &'d Element {
        &self.doc.elements[self.index]
    }

    /// Its name as written: `wp:comment`.
    pub fn name(&self) -> &'d str {
        &self.element().name
    }

    pub fn attribute(&self, name: &str) -> Option<&'d str> {
        self.element()
            .attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// Its child elements, in order.
    pub fn children(&self) -> impl Iterator<Item = El<'d>> + 'd {
        let doc = self.doc;
        self.element()
            .children
            .iter()
            .filter_map(move |child| match child {
                Child::Element(index) => Some(El { doc, index: *index }),
                Child::Text(_) => None,
            })
    }

    /// The first child element of that name.
    pub fn child(&self, name: &str) -> Option<El<'d>> {
        self.children().find(|c| c.name() == name)
    }

    /// All the text inside it, its children's included, in order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut stack: Vec<&Child> = self.element().children.iter().rev().collect();
        while let Some(child) = stack.pop() {
            match child {
                Child::Text(text) => out.push_str(text),
                Child::Element(index) => {
                    stack.extend(self.doc.elements[*index].children.iter().rev());
                }
            }
        }
        out
    }

    /// The text of the first child of that name, without white space at either end; none
    /// when there is no such child or it holds only white space.
    pub fn field(&self, name: &str) -> Option<String> {
        let text = self.child(name)?.text();
        let trimmed = text.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_string())
    }

    /// The line of its start tag.
    pub fn line(&self) -> usize {
        line_column(self.doc.input, self.element().offset).0
    }
}

/// One thread of an export, as the importers list and pick them.
pub struct Thread {
    /// Its id in the export (Disqus `dsq:id`, WordPress `wp:post_id`).
    pub id: Option<String>,
    /// The identifier the site's page gave Disqus (`<id>`; `dsq:thread_identifier` in
    /// WXR files made for Disqus).
    pub identifier: Option<String>,
    pub link: Option<String>,
    /// Its title, or the headline made up for it.
    pub headline: String,
    /// How many of its comments are shown.
    pub shown: usize,
}

impl Thread {
    /// What `--thread` takes to pick it: its id, else its link, else its identifier.
    pub fn key(&self) -> Option<&str> {
        self.id
            .as_deref()
            .or(self.link.as_deref())
            .or(self.identifier.as_deref())
    }

    /// `1234  "Title" (17 comments)  https://link`, for a list to pick from.
    fn line(&self) -> String {
        let mut parts = Vec::new();
        if let Some(id) = &self.id {
            parts.push(id.clone());
        }
        let comments = plural(self.shown, "comment", "comments");
        parts.push(format!("\"{}\" ({comments})", self.headline));
        if let Some(link) = &self.link {
            parts.push(link.clone());
        }
        parts.join("  ")
    }

    fn is(&self, wanted: &str, by: By) -> bool {
        match by {
            By::Id => self.id.as_deref() == Some(wanted),
            By::Identifier => self.identifier.as_deref() == Some(wanted),
            By::Link => self
                .link
                .as_deref()
                .is_some_and(|link| same_link(link, wanted)),
        }
    }
}

#[derive(Clone, Copy)]
enum By {
    Id,
    Identifier,
    Link,
}

/// Links compared without their scheme and a final `/`: `http://a.org/x/` is
/// `https://a.org/x`.
fn same_link(a: &str, b: &str) -> bool {
    fn bare(link: &str) -> &str {
        let link = link.trim();
        let link = link
            .strip_prefix("https://")
            .or_else(|| link.strip_prefix("http://"))
            .unwrap_or(link);
        link.strip_suffix('/').unwrap_or(link)
    }
    bare(a) == bare(b)
}

/// The thread to import, by its place in `threads`. `wanted` (the `--thread` value) is
/// a thread's id, else its identifier, else its link; without it the export must have
/// exactly one thread with comments shown. `why_none` says what a thread (or, given
/// `None`, the whole export) holds instead of comments to show.
pub fn pick(
    threads: &[Thread],
    wanted: Option<&str>,
    why_none: impl Fn(Option<usize>) -> String,
) -> Result<usize, ImportError> {
    let with_comments: Vec<usize> = (0..threads.len())
        .filter(|&i| threads[i].shown > 0)
        .collect();
    let Some(wanted) = wanted.map(str::trim) else {
        return match with_comments.as_slice() {
            [] => Err(ImportError::NoComments {
                why: why_none(None),
            }),
            [only] => Ok(*only),
            many => Err(many_threads(threads, many)),
        };
    };
    let found: Vec<usize> = [By::Id, By::Identifier, By::Link]
        .into_iter()
        .map(|by| {
            (0..threads.len())
                .filter(|&i| threads[i].is(wanted, by))
                .collect::<Vec<_>>()
        })
        .find(|found| !found.is_empty())
        .unwrap_or_default();
    let found_with: Vec<usize> = found
        .iter()
        .copied()
        .filter(|&i| threads[i].shown > 0)
        .collect();
    match (found.as_slice(), found_with.as_slice()) {
        ([], _) => Err(ImportError::NoExportThread {
            thread: wanted.to_string(),
            count: with_comments.len(),
        }),
        ([first, ..], []) => Err(ImportError::NoComments {
            why: why_none(Some(*first)),
        }),
        (_, [only]) => Ok(*only),
        (_, many) => Err(many_threads(threads, many)),
    }
}

/// The error that lists the threads to pick from: the most commented first, ten at most.
fn many_threads(threads: &[Thread], candidates: &[usize]) -> ImportError {
    const SHOWN: usize = 10;
    let mut order = candidates.to_vec();
    order.sort_by_key(|&i| std::cmp::Reverse(threads[i].shown));
    ImportError::ManyThreads {
        count: candidates.len(),
        threads: order
            .iter()
            .take(SHOWN)
            .map(|&i| threads[i].line())
            .collect(),
    }
}

/// "1 comment", "3 comments", "no comments".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// "is" or "are", for a count.
pub fn is_are(n: usize) -> &'static str {
    if n == 1 { "is" } else { "are" }
}

/// A thread's headline when it has no title: its link without the scheme, else its
/// identifier, else `fallback`.
pub fn headline(
    title: Option<String>,
    link: Option<&str>,
    identifier: Option<&str>,
    fallback: impl FnOnce() -> String,
) -> String {
    let bare_link = link
        .map(|link| {
            let bare = link
                .strip_prefix("https://")
                .or_else(|| link.strip_prefix("http://"))
                .unwrap_or(link);
            bare.strip_suffix('/').unwrap_or(bare).trim().to_string()
        })
        .filter(|bare| !bare.is_empty());
    title
        .or(bare_link)
        .or_else(|| identifier.map(str::to_string))
        .unwrap_or_else(fallback)
}

/// A link the format accepts (`http` or `https`), else none.
pub fn web_link(link: Option<&str>) -> Option<String> {
    let link = link?.trim();
    let lower = link.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| link.to_string())
}

/// Replies to comments the import left out (spam, not approved) are raised to the top
/// level, as WordPress shows them too, and noted.
pub fn raise_replies_to_left_out(
    comments: &mut [Comment],
    left_out: &HashSet<Id>,
    notes: &mut Vec<String>,
) {
    let mut raised = Vec::new();
    for comment in comments.iter_mut() {
        if comment
            .parent
            .as_ref()
            .is_some_and(|p| left_out.contains(p))
        {
            comment.parent = None;
            raised.push(comment.id.clone());
        }
    }
    if !raised.is_empty() {
        let replies = if raised.len() == 1 {
            "reply"
        } else {
            "replies"
        };
        notes.push(format!(
            "{}: {replies} to a comment that is left out, shown at the top level",
            listing("Comment", "Comments", &raised)
        ));
    }
}

/// The comments in order of time (those without a time last, the file's order among
/// equals), each after the comment it answers: exports list comments in no particular
/// order, and a reply may carry an earlier time than its parent. Replies that loop back
/// on themselves, which no real export holds, would be refused by the page: the first
/// of each loop is raised to the top level, and noted.
pub fn in_order(comments: Vec<Comment>, notes: &mut Vec<String>) -> Vec<Comment> {
    let n = comments.len();
    let times: Vec<Option<Timestamp>> = comments
        .iter()
        .map(|c| c.time.as_deref().and_then(Timestamp::parse))
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (times[i].is_none(), times[i], i));
    let mut rank = vec![0; n];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut first: HashMap<&Id, usize> = HashMap::new();
    for (i, comment) in comments.iter().enumerate() {
        first.entry(&comment.id).or_insert(i);
    }
    let mut parent: Vec<Option<usize>> = comments
        .iter()
        .map(|c| c.parent.as_ref().and_then(|p| first.get(p).copied()))
        .collect();

    // Loops: follow each comment's parents until the top, a comment already followed,
    // or one on the path being followed, which closes a loop.
    let mut looped = Vec::new();
    let mut done = vec![false; n];
    let mut on_path = vec![false; n];
    for &start in &order {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            if done[i] {
                break;
            }
            if on_path[i] {
                let from = path.iter().position(|&p| p == i).unwrap_or(0);
                if let Some(&first) = path[from..].iter().min_by_key(|&&m| rank[m]) {
                    parent[first] = None;
                    looped.push(first);
                }
                break;
            }
            on_path[i] = true;
            path.push(i);
            at = parent[i];
        }
        for i in path {
            done[i] = true;
        }
    }

    // By time; a reply whose parent is not out yet waits for it.
    let mut emitted = vec![false; n];
    let mut out: Vec<usize> = Vec::with_capacity(n);
    let mut waiting: HashMap<usize, Vec<usize>> = HashMap::new();
    for &i in &order {
        match parent[i] {
            Some(p) if !emitted[p] => waiting.entry(p).or_default().push(i),
            _ => {
                let mut stack = vec![i];
                while let Some(j) = stack.pop() {
                    if emitted[j] {
                        continue;
                    }
                    emitted[j] = true;
                    out.push(j);
                    if let Some(replies) = waiting.remove(&j) {
                        stack.extend(replies.into_iter().rev());
                    }
                }
            }
        }
    }
    // Every chain of parents now ends at the top level, so every comment is out; should
    // one not be, it still is not lost.
    out.extend(order.iter().filter(|&&i| !emitted[i]));

    let mut slots: Vec<Option<Comment>> = comments.into_iter().map(Some).collect();
    looped.sort_by_key(|&i| rank[i]);
    let mut looped_ids = Vec::new();
    for i in looped {
        if let Some(comment) = slots[i].as_mut() {
            comment.parent = None;
            looped_ids.push(comment.id.clone());
        }
    }
    if !looped_ids.is_empty() {
        notes.push(format!(
            "{}: replies that loop back on themselves in the source, shown at the top level",
            listing("Comment", "Comments", &looped_ids)
        ));
    }
    out.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(input: &str) -> (usize, usize, String) {
        match Document::parse(input) {
            Err(ImportError::Xml {
                line,
                column,
                message,
            }) => (line, column, message),
            Err(other) => panic!("{other:?}"),
            Ok(_) => panic!("parsed: {input}"),
        }
    }

    #[test]
    fn text_cdata_and_references_read_as_one() {
        let doc = Document::parse(
            "<?xml version=\"1.0\"?>\n<a x=\"1 &amp; 2\"><b>one &amp; <![CDATA[<two>]]> &#233;&#x4E2D; &nbsp;</b>\
             <c><d>deep</d> text</c><atom:link href=\"h\"/></a>",
        )
        .unwrap();
        let root = doc.root();
        assert_eq!(root.name(), "a");
        assert_eq!(root.attribute("x"), Some("1 & 2"));
        assert_eq!(root.field("b").unwrap(), "one & <two> é中 &nbsp;");
        assert_eq!(root.field("c").unwrap(), "deep text");
        assert_eq!(
            root.child("atom:link").unwrap().attribute("href"),
            Some("h")
        );
        assert_eq!(root.children().count(), 3);
        assert_eq!(root.line(), 2);
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(
            error("<a>\n  <b></c>\n</a>"),
            (2, 6, "expected `</b>`, but `</c>` was found".to_string())
        );
        let (line, column, message) = error("<a>\n <b>x</b>\n <b>y");
        assert_eq!((line, column), (3, 6));
        assert!(
            message.contains("<a> (line 1, column 1) is not closed"),
            "{message}"
        );
        assert_eq!(error("<a/>\n<b/>").0, 2);
        assert_eq!(error("<a/> x").1, 6);
        assert_eq!(
            error("<a x=1/>"),
            (1, 6, "an attribute's value is not in quotes".into())
        );
        assert_eq!(error("<a x='1' x='2'/>").1, 10);
        assert_eq!(error("<!-- only -->").2, "the file holds no element");
        assert_eq!(error("<a><<<>x</a>").1, 4);
        assert_eq!(
            error("<a>AT&T</a>"),
            (
                1,
                6,
                "a `&` that starts no entity: in XML it is written `&amp;`".into()
            )
        );
        // Columns count characters, not bytes.
        assert_eq!(error("<a>é</b>").1, 5);
    }

    #[test]
    fn deep_nesting_is_read_and_dropped_without_recursion() {
        let deep = "<a>".repeat(200_000) + "x" + &"</a>".repeat(200_000);
        let doc = Document::parse(&deep).unwrap();
        assert_eq!(doc.root().text(), "x");
    }
}
