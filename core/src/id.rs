//! A comment's id: its own type, so that what an id is changes here, not in the routes,
//! folds, saved folds and errors one by one. A file's ids are numbers (version 1 and many
//! sources) or short strings (Reddit's `c1s3yhb`, Mastodon's).
//!
//! String ids are interned: the id holds a small number that names its text, so it stays
//! `Copy` and cheap to compare, hash and keep in every closure that needs it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::{Mutex, MutexGuard};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CommentId {
    Number(u64),
    /// A string id, by its place in the interner.
    Text(Symbol),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(u32);

/// The longest string id, and the characters it may hold: it stands in links.
pub const MAX_TEXT_ID: usize = 64;

#[derive(Default)]
struct Interner {
    texts: Vec<&'static str>,
    symbols: HashMap<&'static str, Symbol>,
}

static INTERNER: Mutex<Option<Interner>> = Mutex::new(None);

fn interner() -> MutexGuard<'static, Option<Interner>> {
    INTERNER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl CommentId {
    pub const fn new(n: u64) -> Self {
        Self::Number(n)
    }

    /// A string id, if `text` is one: 1 to [`MAX_TEXT_ID`] of `A-Z a-z 0-9 _ -`.
    pub fn text(text: &str) -> Option<Self> {
        let valid = !text.is_empty()
            && text.len() <= MAX_TEXT_ID
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !valid {
            return None;
        }
        let mut guard = interner();
        let interner = guard.get_or_insert_with(Interner::default);
        if let Some(&symbol) = interner.symbols.get(text) {
            return Some(Self::Text(symbol));
        }
        // Ids live as long as the page: each distinct text is leaked once.
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        let symbol = Symbol(interner.texts.len() as u32);
        interner.texts.push(text);
        interner.symbols.insert(text, symbol);
        Some(Self::Text(symbol))
    }
}

/// For building comments field by field (`..Comment::default()`); no file has id 0 by
/// default, every parsed comment sets its own.
impl Default for CommentId {
    fn default() -> Self {
        Self::Number(0)
    }
}

impl From<u64> for CommentId {
    fn from(n: u64) -> Self {
        Self::Number(n)
    }
}

impl fmt::Display for CommentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(n) => n.fmt(f),
            Self::Text(Symbol(s)) => {
                let text = interner()
                    .as_ref()
                    .and_then(|i| i.texts.get(*s as usize).copied())
                    .unwrap_or("?");
                f.write_str(text)
            }
        }
    }
}

/// As an id appears in a fragment such as `#comment-17` or `#comment-c1s3yhb`: digits
/// are a number id (as the file's `17` is), anything else valid a string id.
impl FromStr for CommentId {
    type Err = InvalidId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            return s.parse().map(Self::Number).map_err(|_| InvalidId);
        }
        Self::text(s).ok_or(InvalidId)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidId;

impl Serialize for CommentId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(n) => serializer.serialize_u64(*n),
            Self::Text(_) => serializer.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for CommentId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = CommentId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a comment id (a whole number, or 1 to 64 of A-Z a-z 0-9 _ -)")
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<CommentId, E> {
                Ok(CommentId::Number(n))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<CommentId, E> {
                CommentId::text(s)
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(s), &self))
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

/// Version 1 ids: numbers only, with serde's own message for anything else.
pub(crate) fn number_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<CommentId>, D::Error> {
    Option::<u64>::deserialize(d).map(|n| n.map(CommentId::Number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_as_the_file_and_the_address_do() {
        let id: CommentId = "17".parse().unwrap();
        assert_eq!(id, CommentId::new(17));
        assert_eq!(id.to_string(), "17");
        assert!("+17".parse::<CommentId>().is_err());
        assert!("".parse::<CommentId>().is_err());
        assert_eq!(serde_json::to_string(&id).unwrap(), "17");
        assert_eq!(serde_json::from_str::<CommentId>("17").unwrap(), id);
    }

    #[test]
    fn string_ids_are_interned_and_round_trip() {
        let a: CommentId = "c1s3yhb".parse().unwrap();
        let b = serde_json::from_str::<CommentId>("\"c1s3yhb\"").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.to_string(), "c1s3yhb");
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"c1s3yhb\"");
        assert_ne!(a, "c1s3yhc".parse().unwrap());
        for bad in ["a b", "x/y", "#1", "é", &"x".repeat(65)] {
            assert!(bad.parse::<CommentId>().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<CommentId>("\"a b\"").is_err());
        assert!(serde_json::from_str::<CommentId>("-1").is_err());
    }
}
