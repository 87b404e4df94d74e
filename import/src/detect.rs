//! Which source a file comes from, told from its content.

use serde_json::Value;

use crate::value::describe;
use crate::{Format, ImportError};

/// Whether the text is markup (XML or HTML) rather than JSON.
pub fn is_markup(input: &str) -> bool {
    input.trim_start().starts_with('<')
}

/// The format of an XML export, from its first few kilobytes.
pub fn markup(input: &str) -> Result<Format, ImportError> {
    let head: String = input.trim_start().chars().take(4096).collect();
    if head.contains("<disqus") {
        Ok(Format::Disqus)
    } else if head.contains("wordpress.org/export") || head.contains("<rss") {
        Ok(Format::Wordpress)
    } else {
        Err(ImportError::Undetected {
            found: "XML or HTML, but neither a Disqus nor a WordPress export".to_string(),
        })
    }
}

/// The format of a parsed JSON file.
pub fn detect(value: &Value) -> Result<Format, ImportError> {
    if let Value::Object(map) = value
        && map.contains_key("version")
        && map.contains_key("article")
    {
        return Err(ImportError::AlreadyDiscussion);
    }
    guess(value).ok_or_else(|| ImportError::Undetected {
        found: found(value),
    })
}

/// What the file looks like, even when it would not import.
pub fn guess(value: &Value) -> Option<Format> {
    match value {
        Value::Array(items) => items
            .first()
            .and_then(|first| first.get("kind"))
            .filter(|kind| *kind == "Listing")
            .map(|_| Format::Reddit),
        Value::Object(map) => {
            let has = |key: &str| map.contains_key(key);
            if has("children") && (has("created_at_i") || has("story_id") || has("points")) {
                Some(Format::Hn)
            } else if map.get("kind").is_some_and(|k| k == "Listing") {
                Some(Format::Reddit)
            } else if has("post_stream") {
                Some(Format::Discourse)
            } else if has("ancestors") && has("descendants") {
                Some(Format::Mastodon)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// What an unrecognised file is, with a hint where one helps.
fn found(value: &Value) -> String {
    let what = describe(value);
    let firebase = value.get("kids").is_some() || value.get("by").is_some();
    if firebase {
        format!(
            "{what}, which looks like an item from Hacker News's own API: its comments are \
             only ids; the Algolia API (hn.algolia.com/api/v1/items/ID) has them in full"
        )
    } else {
        what
    }
}

/// An error about the whole file, with what the file looks like when that is another
/// format: "…; this is an array of 2 items: it looks like a Reddit thread (import it as
/// reddit)".
pub fn hint(error: ImportError, value: &Value, expected: Format) -> ImportError {
    match (error, guess(value)) {
        (
            ImportError::Shape {
                place,
                expected: what,
                found,
            },
            Some(other),
        ) if other != expected && place.is_empty() => ImportError::Shape {
            place,
            expected: what,
            found: format!(
                "{found}: it looks like {} (import it as {other})",
                other.title()
            ),
        },
        (error, _) => error,
    }
}
