//! Importers: threads from Hacker News, Reddit, Disqus, WordPress, Discourse and
//! Mastodon turned into threadview's discussion file, format 2 (`docs/data-format.md`). They run natively at build time, from
//! `cargo xtask import` and `cargo xtask dist --data`; the app never links this crate,
//! so Markdown and HTML become rich-text blocks here and the page ships no parser.
//!
//! - [`import`] is the entry point, [`Format`] names the sources (`format`), and
//!   [`threads`] lists the threads of a multi-thread export;
//! - `detect` tells the source from the content;
//! - `hn`, `reddit`, `discourse` and `mastodon` read JSON sources; `disqus` and
//!   `wordpress` read XML exports through `xml` (a flat tree, errors with line and
//!   column, picking one thread of many);
//! - `html` and `markdown` (with `reddit_text`, Reddit's additions) read their text,
//!   with what both share in `rich`;
//! - `output` is the file written, loaded back through `threadview_core` before it is
//!   returned; `value` reads JSON with places for errors; `error` says what went wrong.
//!
//! Only the fields named in the importers are copied: nothing else a source holds
//! (e-mail and IP addresses, commenters' websites) is ever written; `tests/privacy.rs`
//! at the workspace root checks every fixture's import and page for them.

mod detect;
mod discourse;
mod disqus;
mod error;
mod format;
mod hn;
mod html;
mod markdown;
mod mastodon;
mod output;
mod reddit;
mod reddit_text;
mod rich;
pub mod takedown;
mod value;
mod wordpress;
mod xml;

pub use error::ImportError;
pub use format::Format;
pub use xml::Thread;

/// The threads of a multi-thread export (Disqus, WordPress), each with how many of its
/// comments are shown ([`Thread::shown`]; 0 for one without comments, or with only spam
/// or unapproved ones) and what `--thread` takes to pick it ([`Thread::key`]); empty for
/// every other source, which is one thread.
pub fn threads(input: &str) -> Result<Vec<Thread>, ImportError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if !detect::is_markup(input) {
        return Ok(Vec::new());
    }
    match detect::markup(input)? {
        Format::Disqus => disqus::threads(input),
        _ => wordpress::threads(input),
    }
}

/// Reads a thread exported from `from` (told from the content when `None`) and writes it
/// as a format 2 discussion file, pretty-printed. `thread` picks one thread of a
/// multi-thread export (Disqus, WordPress: its id, identifier or link), or keeps one
/// comment and its replies (a Hacker News comment number, a Reddit comment id).
pub fn import(
    input: &str,
    from: Option<Format>,
    thread: Option<&str>,
) -> Result<String, ImportError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let discussion = if detect::is_markup(input) || from.is_some_and(Format::is_xml) {
        let format = match from {
            Some(format) => format,
            None => detect::markup(input)?,
        };
        if !detect::is_markup(input) {
            return Err(ImportError::shape("", format.expected(), "JSON, not XML"));
        }
        match format {
            Format::Disqus => disqus::import(input, thread)?,
            Format::Wordpress => wordpress::import(input, thread)?,
            json => return Err(ImportError::shape("", json.expected(), "XML, not JSON")),
        }
    } else {
        let value: serde_json::Value = serde_json::from_str(input).map_err(|e| json_error(&e))?;
        let format = match from {
            Some(format) => format,
            None => detect::detect(&value)?,
        };
        match format {
            Format::Hn => hn::import(&value, thread)?,
            Format::Reddit => reddit::import(&value, thread)?,
            Format::Discourse => discourse::import(&value, thread)?,
            Format::Mastodon => mastodon::import(&value, thread)?,
            Format::Disqus | Format::Wordpress => unreachable!("read as XML above"),
        }
    };
    discussion.finish()
}

fn json_error(error: &serde_json::Error) -> ImportError {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    ImportError::Json {
        line: error.line(),
        // serde_json says column 0 for an error before the first character of a line.
        column: error.column().max(1),
        message,
    }
}
