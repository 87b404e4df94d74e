//! Which source a file comes from, told from its content: the importers' own shapes, and
//! those of the formats this build knows by name only, so that their files are answered
//! with "not supported yet" rather than a puzzle.

use serde_json::Value;

use crate::value::describe;
use crate::{Format, ImportError};

/// Text that is not JSON: XML exports are recognised, anything else is for the JSON
/// parser to report.
pub fn markup(input: &str) -> Option<ImportError> {
    let head: String = input.trim_start().chars().take(4096).collect();
    if !head.starts_with('<') {
        return None;
    }
    let format = if head.contains("<disqus") {
        Some(Format::Disqus)
    } else if head.contains("wordpress.org/export") || head.contains("<rss") {
        Some(Format::Wordpress)
    } else {
        None
    };
    Some(match format {
        Some(format) => ImportError::NotSupported(format),
        None => ImportError::Undetected {
            found: "XML or HTML, not JSON".to_string(),
        },
    })
}

/// The format of a parsed file, if it is one this build imports.
pub fn detect(value: &Value) -> Result<Format, ImportError> {
    if let Value::Object(map) = value
        && map.contains_key("version")
        && map.contains_key("article")
    {
        return Err(ImportError::AlreadyDiscussion);
    }
    match guess(value) {
        Some(format) if format.is_supported() => Ok(format),
        Some(format) => Err(ImportError::NotSupported(format)),
        None => Err(ImportError::Undetected {
            found: found(value),
        }),
    }
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
        ) if other != expected && place.is_empty() => {
            let how = if other.is_supported() {
                format!("import it as {other}")
            } else {
                "not supported yet".to_string()
            };
            ImportError::Shape {
                place,
                expected: what,
                found: format!("{found}: it looks like {} ({how})", other.title()),
            }
        }
        (error, _) => error,
    }
}
