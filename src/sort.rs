//! The order of sibling comments, chosen by the reader and kept in the URL query.

use crate::data::Comment;
use crate::thread::Thread;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// As the page listed them: oldest first.
    #[default]
    Thread,
    /// Highest number first: numbers are given in posting order.
    Newest,
    /// Most comments underneath first, then thread order.
    MostReplies,
}

impl SortOrder {
    pub const ALL: [Self; 3] = [Self::Thread, Self::Newest, Self::MostReplies];

    /// The value in `?sort=`; the default order has none.
    pub fn key(self) -> &'static str {
        match self {
            Self::Thread => "thread",
            Self::Newest => "newest",
            Self::MostReplies => "replies",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Thread => "Thread order (oldest first)",
            Self::Newest => "Newest first",
            Self::MostReplies => "Most replies",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Reads `sort=` from a query string such as `?sort=newest&x=1`.
    pub fn from_query(query: &str) -> Self {
        query
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix("sort="))
            .and_then(Self::from_key)
            .unwrap_or_default()
    }

    /// `siblings` (positions in `comments`, in file order) in this order. Stable, so equal
    /// keys keep thread order.
    pub fn arrange(self, siblings: &[usize], comments: &[Comment], thread: &Thread) -> Vec<usize> {
        let mut sorted = siblings.to_vec();
        match self {
            Self::Thread => {}
            Self::Newest => sorted.sort_by_key(|&i| std::cmp::Reverse(comments[i].id)),
            Self::MostReplies => sorted.sort_by_key(|&i| std::cmp::Reverse(thread.descendants(i))),
        }
        sorted
    }
}

/// Rewrites `?sort=` in a query string, keeping every other parameter.
pub fn query_with_sort(query: &str, order: SortOrder) -> String {
    let mut pairs: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("sort="))
        .collect();
    let sort = format!("sort={}", order.key());
    if order != SortOrder::Thread {
        pairs.push(&sort);
    }
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_the_query() {
        assert_eq!(SortOrder::from_query("?sort=newest"), SortOrder::Newest);
        assert_eq!(
            SortOrder::from_query("?a=1&sort=replies"),
            SortOrder::MostReplies
        );
        assert_eq!(SortOrder::from_query("?sort=bogus"), SortOrder::Thread);
        assert_eq!(SortOrder::from_query(""), SortOrder::Thread);
        assert_eq!(
            query_with_sort("?a=1&sort=newest", SortOrder::Thread),
            "?a=1"
        );
        assert_eq!(query_with_sort("", SortOrder::Newest), "?sort=newest");
        assert_eq!(
            query_with_sort("?a=1", SortOrder::MostReplies),
            "?a=1&sort=replies"
        );
    }
}
