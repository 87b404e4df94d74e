//! Disqus: a forum's XML export, every thread (`<thread dsq:id>`, with the identifier
//! the page gave Disqus in `<id>`, its `<link>`, `<title>`, `<createdAt>` and `<author>`)
//! and every post (`<post dsq:id>`, naming its `<thread dsq:id>` and any `<parent
//! dsq:id>`), the posts in no particular order.
//!
//! One thread is imported (`xml::pick`). Its title is the headline (a thread without
//! one, which happens, gets its link without the scheme, else its identifier, else its
//! number); its link is the article's, the forum's short name the site's; the body is
//! empty, since Disqus keeps none of the page. A thread that posts name but the export
//! does not declare is known by its number alone, and noted.
//!
//! Each post keeps its number (`dsq:id`, a number as text), parent, author's name, time
//! and HTML message as rich text, with a link to it on the page (`#comment-ID`, Disqus's
//! own anchor). A post by the thread's author (the same Disqus username) gets the "op"
//! badge. A deleted post (`isDeleted`) keeps its place and its replies with neither name
//! nor text, though the export keeps both. A post marked as spam (`isSpam`) is left out
//! and counted in a note; its replies are raised to the top level. The posts are put in
//! order of time, each after its parent.
//!
//! Only the fields named here are read: the e-mail and IP addresses beside them never
//! are.

use std::collections::{HashMap, HashSet};

use threadview_core::data::{Badge, Removal};
use threadview_core::time::Timestamp;

use crate::output::{Article, Comment, Discussion, Id};
use crate::xml::{self, Document, El, is_are, plural};
use crate::{Format, ImportError, html, rich};

struct Thread {
    id: String,
    identifier: Option<String>,
    link: Option<String>,
    title: Option<String>,
    time: Option<String>,
    author: Option<String>,
    username: Option<String>,
    forum: Option<String>,
    /// Declared by a `<thread>` element, rather than only named by posts.
    declared: bool,
}

impl Thread {
    fn headline(&self) -> String {
        xml::headline(
            self.title.clone(),
            self.link.as_deref(),
            self.identifier.as_deref(),
            || format!("Disqus thread {}", self.id),
        )
    }
}

struct Post {
    id: Id,
    thread: String,
    parent: Option<Id>,
    author: Option<String>,
    username: Option<String>,
    time: Option<String>,
    message: Option<String>,
    deleted: bool,
    spam: bool,
}

/// The export: its threads, those it declares first, then any its posts name besides;
/// and its posts, in the file's order.
struct Export {
    threads: Vec<Thread>,
    declared: usize,
    posts: Vec<Post>,
}

pub fn import(input: &str, thread: Option<&str>) -> Result<Discussion, ImportError> {
    let doc = Document::parse(input)?;
    let Export {
        threads,
        declared,
        posts,
    } = read(doc.root())?;
    let chosen = pick(&threads, declared, &posts, thread)?;
    let thread = &threads[chosen];
    let mut discussion = Discussion {
        version: 2,
        article: Article {
            headline: thread.headline(),
            body: Vec::new(),
            author: thread.author.clone(),
            time: thread.time.clone(),
            url: xml::web_link(thread.link.as_deref()),
            site: thread.forum.clone(),
        },
        comments: Vec::new(),
        missing_replies: 0,
        notes: Vec::new(),
    };
    if !thread.declared {
        discussion.notes.push(format!(
            "Thread {} is not declared in the export, only named by its posts: its title \
             and link are not known",
            thread.id
        ));
    }
    let page = discussion.article.url.clone();
    let mut spam = HashSet::new();
    let mut comments = Vec::new();
    for post in posts.into_iter().filter(|p| p.thread == thread.id) {
        if post.spam {
            spam.insert(post.id);
        } else {
            comments.push(comment(post, page.as_deref(), thread.username.as_deref()));
        }
    }
    if !spam.is_empty() {
        discussion.notes.push(format!(
            "{} marked as spam {} left out",
            plural(spam.len(), "comment", "comments"),
            is_are(spam.len())
        ));
    }
    xml::raise_replies_to_left_out(&mut comments, &spam, &mut discussion.notes);
    discussion.comments = xml::in_order(comments, &mut discussion.notes);
    Ok(discussion)
}

fn read(root: El<'_>) -> Result<Export, ImportError> {
    if root.name() != "disqus" {
        return Err(ImportError::shape(
            "",
            Format::Disqus.expected(),
            format!("XML with a <{}> root", root.name()),
        ));
    }
    let mut threads: Vec<Thread> = Vec::new();
    let mut known: HashSet<String> = HashSet::new();
    let mut posts: Vec<Post> = Vec::new();
    for element in root.children() {
        match element.name() {
            "thread" => {
                let thread = read_thread(element)?;
                // A thread declared twice keeps its first declaration.
                if known.insert(thread.id.clone()) {
                    threads.push(thread);
                }
            }
            "post" => posts.push(read_post(element, posts.len() + 1)?),
            _ => {}
        }
    }
    let declared = threads.len();
    for post in &posts {
        if known.insert(post.thread.clone()) {
            threads.push(Thread {
                id: post.thread.clone(),
                identifier: None,
                link: None,
                title: None,
                time: None,
                author: None,
                username: None,
                forum: None,
                declared: false,
            });
        }
    }
    Ok(Export {
        threads,
        declared,
        posts,
    })
}

/// The thread to import, its posts counted to list the threads and to say why none
/// would do.
/// Every thread of the export, with how many of its comments are shown.
pub fn threads(input: &str) -> Result<Vec<xml::Thread>, ImportError> {
    let doc = Document::parse(input)?;
    let export = read(doc.root())?;
    Ok(listing(&export.threads, &export.posts).0)
}

/// The threads as listed for picking, and each one's posts and spam.
fn listing(threads: &[Thread], posts: &[Post]) -> (Vec<xml::Thread>, Vec<(usize, usize)>) {
    let index: HashMap<&str, usize> = threads
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    // Posts and spam, by thread.
    let mut counts = vec![(0, 0); threads.len()];
    for post in posts {
        if let Some(&i) = index.get(post.thread.as_str()) {
            counts[i].0 += 1;
            counts[i].1 += usize::from(post.spam);
        }
    }
    let listed: Vec<xml::Thread> = threads
        .iter()
        .zip(&counts)
        .map(|(t, (all, spam))| xml::Thread {
            id: Some(t.id.clone()),
            identifier: t.identifier.clone(),
            link: t.link.clone(),
            headline: t.headline(),
            shown: all - spam,
        })
        .collect();
    (listed, counts)
}

fn pick(
    threads: &[Thread],
    declared: usize,
    posts: &[Post],
    wanted: Option<&str>,
) -> Result<usize, ImportError> {
    let (listed, counts) = listing(threads, posts);
    let spam = posts.iter().filter(|p| p.spam).count();
    xml::pick(&listed, wanted, |which| match which {
        None => format!(
            "{} and {}{}",
            plural(declared, "thread", "threads"),
            plural(posts.len(), "post", "posts"),
            all_spam(posts.len(), spam)
        ),
        Some(i) => format!(
            "thread {} (\"{}\") has {}{}",
            threads[i].id,
            listed[i].headline,
            plural(counts[i].0, "post", "posts"),
            all_spam(counts[i].0, counts[i].1)
        ),
    })
}

/// ", all marked as spam" when every one of `all` posts is.
fn all_spam(all: usize, spam: usize) -> &'static str {
    match (all, spam) {
        (0, _) => "",
        (1, 1) => ", marked as spam",
        (all, spam) if all == spam => ", all marked as spam",
        _ => "",
    }
}

fn comment(post: Post, page: Option<&str>, op: Option<&str>) -> Comment {
    let mut comment = Comment::new(post.id, post.parent);
    comment.time = post.time;
    comment.url = page.map(|page| {
        let page = page.split('#').next().unwrap_or(page);
        format!("{page}#comment-{}", comment.id)
    });
    if post.deleted {
        // The export keeps a deleted post's name and text: neither is written.
        comment.state = Some(Removal::Deleted);
        return comment;
    }
    if op.is_some() && post.username.as_deref() == op {
        comment.badges.push(Badge::Op);
    }
    // Disqus names every post; the format needs a name, should one be missing.
    comment.author = Some(post.author.unwrap_or_else(|| "Anonymous".to_string()));
    let message = post.message.unwrap_or_default();
    comment.body = Some(rich::body(html::to_blocks(&message), &message));
    comment
}

/// The `dsq:id` of an element, required.
fn dsq_id(element: El<'_>, place: impl Fn() -> String, what: &str) -> Result<String, ImportError> {
    match element.attribute("dsq:id").map(str::trim) {
        Some(id) if !id.is_empty() => Ok(id.to_string()),
        _ => Err(ImportError::shape(
            place(),
            format!("{what} has a dsq:id attribute"),
            format!("a <{}> without one", element.name()),
        )),
    }
}

/// A post's number as the format writes it: a number when it is one, else text.
fn post_id(text: &str, place: impl Fn() -> String) -> Result<Id, ImportError> {
    if let Ok(n) = text.parse::<u64>() {
        return Ok(Id::Number(n));
    }
    let valid = text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if valid {
        Ok(Id::Text(text.to_string()))
    } else {
        Err(ImportError::shape(
            place(),
            "a post's dsq:id is a number (or 1 to 64 of A-Z a-z 0-9 _ -)",
            format!("\"{text}\""),
        ))
    }
}

fn read_thread(element: El<'_>) -> Result<Thread, ImportError> {
    // Lines are counted only for an error.
    let line = || element.line();
    let id = dsq_id(
        element,
        || format!("a thread (line {})", line()),
        "a thread",
    )?;
    let place = || format!("thread {id} (line {})", line());
    let author = element.child("author");
    Ok(Thread {
        identifier: element.field("id"),
        link: element.field("link"),
        title: element.field("title"),
        time: time(element, &place)?,
        author: author.and_then(|a| a.field("name")),
        username: author.and_then(|a| a.field("username")),
        forum: element.field("forum"),
        declared: true,
        id,
    })
}

fn read_post(element: El<'_>, number: usize) -> Result<Post, ImportError> {
    let line = || element.line();
    let id = dsq_id(
        element,
        || format!("post number {number} in the file (line {})", line()),
        "a post",
    )?;
    let place = || format!("post {id} (line {})", line());
    let thread = match element.child("thread") {
        Some(thread) => dsq_id(thread, place, "a post's <thread>")?,
        None => {
            return Err(ImportError::shape(
                place(),
                "a post names its thread: <thread dsq:id=\"…\"/>",
                "a post without <thread>",
            ));
        }
    };
    let parent = match element.child("parent") {
        Some(parent) => Some(post_id(
            &dsq_id(parent, place, "a post's <parent>")?,
            place,
        )?),
        None => None,
    };
    let author = element.child("author");
    Ok(Post {
        id: post_id(&id, place)?,
        thread,
        parent,
        author: author.and_then(|a| a.field("name")),
        username: author.and_then(|a| a.field("username")),
        time: time(element, &place)?,
        message: element.child("message").map(|m| m.text()),
        deleted: flag(element, "isDeleted", &place)?,
        spam: flag(element, "isSpam", &place)?,
    })
}

/// `<createdAt>`, as RFC 3339.
fn time(element: El<'_>, place: &impl Fn() -> String) -> Result<Option<String>, ImportError> {
    let Some(text) = element.field("createdAt") else {
        return Ok(None);
    };
    match Timestamp::parse(&text) {
        Some(t) => Ok(Some(t.rfc3339())),
        None => Err(ImportError::shape(
            place(),
            "<createdAt> is a time like 2013-10-10T19:20:29Z",
            format!("\"{text}\""),
        )),
    }
}

/// `true` or `false`; absent is false.
fn flag(element: El<'_>, name: &str, place: &impl Fn() -> String) -> Result<bool, ImportError> {
    match element.field(name).as_deref() {
        None | Some("false" | "0") => Ok(false),
        Some("true" | "1") => Ok(true),
        Some(other) => Err(ImportError::shape(
            place(),
            format!("<{name}> is true or false"),
            format!("\"{other}\""),
        )),
    }
}
