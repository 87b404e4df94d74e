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
    /// A Disqus XML export: many `<thread>`s, and `<post>`s linked to them.
    Disqus,
    /// A WordPress WXR export (1.0 to 1.2): posts, each with its `wp:comment`s.
    Wordpress,
    /// A Discourse topic: `/t/ID.json` or `/t/ID/posts.json`.
    Discourse,
    /// A Mastodon thread: `/api/v1/statuses/ID/context`, with or without the status.
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

    /// Read as XML rather than JSON.
    pub fn is_xml(self) -> bool {
        matches!(self, Self::Disqus | Self::Wordpress)
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
            Self::Disqus => "a Disqus export (XML with a <disqus> root)",
            Self::Wordpress => "a WordPress export (WXR: XML with an <rss> root)",
            Self::Discourse => "a Discourse topic (a JSON object with \"post_stream\")",
            Self::Mastodon => {
                "a Mastodon context (a JSON object with \"ancestors\" and \"descendants\")"
            }
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
