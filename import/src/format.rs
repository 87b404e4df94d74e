//! The sources, by name: the ones this build imports and the ones it only recognises.

use std::fmt;
use std::str::FromStr;

use crate::ImportError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Hacker News, an item from the Algolia API (`items/ID`), comments nested in it.
    Hn,
    /// A Reddit thread: `[post listing, comment listing]`, or a comment's permalink page.
    Reddit,
    Disqus,
    Wordpress,
    Discourse,
    Mastodon,
}

impl Format {
    pub const ALL: [Self; 6] = [
        Self::Hn,
        Self::Reddit,
        Self::Disqus,
        Self::Wordpress,
        Self::Discourse,
        Self::Mastodon,
    ];
    pub const SUPPORTED: [Self; 2] = [Self::Hn, Self::Reddit];

    /// The name that selects it (`--from hn`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Hn => "hn",
            Self::Reddit => "reddit",
            Self::Disqus => "disqus",
            Self::Wordpress => "wordpress",
            Self::Discourse => "discourse",
            Self::Mastodon => "mastodon",
        }
    }

    /// What it is, in words.
    pub fn title(self) -> &'static str {
        match self {
            Self::Hn => "a Hacker News item",
            Self::Reddit => "a Reddit thread",
            Self::Disqus => "a Disqus export",
            Self::Wordpress => "a WordPress export",
            Self::Discourse => "a Discourse topic",
            Self::Mastodon => "a Mastodon thread",
        }
    }

    pub fn is_supported(self) -> bool {
        Self::SUPPORTED.contains(&self)
    }

    /// What a file of this format looks like, for errors.
    pub(crate) fn expected(self) -> &'static str {
        match self {
            Self::Hn => {
                "a Hacker News item from the Algolia API (an object with \"id\", \"title\" \
                 and nested \"children\")"
            }
            Self::Reddit => {
                "a Reddit thread (a JSON array of two listings: the post, then its comments)"
            }
            other => other.title(),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = ImportError;

    fn from_str(s: &str) -> Result<Self, ImportError> {
        let name = s.trim().to_ascii_lowercase();
        let alias = match name.as_str() {
            "hackernews" | "hacker-news" | "hacker_news" => Some(Self::Hn),
            "wxr" | "wp" => Some(Self::Wordpress),
            _ => None,
        };
        alias
            .or_else(|| Self::ALL.into_iter().find(|f| f.name() == name))
            .ok_or_else(|| ImportError::UnknownFormat(s.to_string()))
    }
}
