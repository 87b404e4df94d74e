//! The page address, read and written in one place: the query (`?data=`, `?sort=`) and the
//! fragment (`#comment-N`, `#thread-N`). Fragments, not paths, so any static host at any
//! path works.

use crate::CommentId;
use crate::limits::DEPTH_CAP;
use crate::sort::SortOrder;

/// The bundled file, relative to the page so that the site works under any path.
pub const DATA_URL: &str = "discussion.json";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The whole discussion.
    Full,
    /// `#comment-N`: the whole discussion, scrolled to comment N.
    Comment(CommentId),
    /// `#thread-N`: only comment N and its replies, for branches deeper than [`DEPTH_CAP`].
    Branch(CommentId),
}

impl Route {
    /// Reads `location.hash`, with or without its `#`. Anything unknown is the full view.
    pub fn from_hash(hash: &str) -> Self {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let id = |prefix| hash.strip_prefix(prefix).and_then(|n: &str| n.parse().ok());
        if let Some(id) = id("comment-") {
            Self::Comment(id)
        } else if let Some(id) = id("thread-") {
            Self::Branch(id)
        } else {
            Self::Full
        }
    }
}

/// The value of `name` in a query string such as `?a=1&sort=newest`, decoded as the
/// browser's `URLSearchParams` decodes it (`+` is a space, malformed escapes stay as they
/// are, invalid UTF-8 becomes U+FFFD).
pub fn query_value(query: &str, name: &str) -> Option<String> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// The sort order `?sort=` asks for; anything unknown is thread order.
pub fn sort_order(query: &str) -> SortOrder {
    query_value(query, "sort")
        .and_then(|key| SortOrder::from_key(&key))
        .unwrap_or_default()
}

/// `query` with `?sort=` set to `order`, every other parameter kept as it was written.
/// Thread order, the default, has no parameter.
pub fn query_with_sort(query: &str, order: SortOrder) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        if key != "sort" {
            out.append_pair(&key, &value);
        }
    }
    if order != SortOrder::Thread {
        out.append_pair("sort", order.key());
    }
    let query = out.finish();
    if query.is_empty() {
        query
    } else {
        format!("?{query}")
    }
}

/// Why `?data=` was not followed: it must name a relative path to a `.json` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedDataUrl(pub String);

/// The data file the page address asks for: `?data=other.json`, else the bundled file.
///
/// Only a relative path to a `.json` file is accepted, so a link can never make the page
/// fetch (and vouch for) a discussion from another site.
pub fn data_url(query: &str) -> Result<String, RefusedDataUrl> {
    let Some(path) = query_value(query, "data") else {
        return Ok(DATA_URL.to_string());
    };
    let relative_json = !path.is_empty()
        && path.ends_with(".json")
        && !path.starts_with('/')
        && !path.contains(['\\', ':', '?', '#', '\u{fffd}'])
        && !path.contains("//")
        // Not out of the page's folder, and no second layer of escapes that fetch would
        // decode again (%252e%252e is %2e%2e, which is ".."), nor a malformed one.
        && !path.split('/').any(|segment| segment == "..")
        && !path.contains('%')
        && !path.chars().any(char::is_control);
    if relative_json {
        Ok(path)
    } else {
        Err(RefusedDataUrl(path))
    }
}

/// The depth of the branch view that shows a comment at `depth`, or `None` when the full
/// view reaches it. A branch opened by "continue this thread" starts at the comment that
/// offered it (depth `DEPTH_CAP - 1`, then `2 * (DEPTH_CAP - 1)`, …), repeated for context.
pub fn branch_root_depth(depth: u32) -> Option<u32> {
    let step = DEPTH_CAP - 1;
    (depth >= DEPTH_CAP).then(|| (depth - 1) / step * step)
}

/// The element id of a comment, and the fragment that links to it.
pub fn comment_anchor(id: CommentId) -> String {
    format!("comment-{id}")
}

pub fn comment_href(id: CommentId) -> String {
    format!("#comment-{id}")
}

pub fn branch_href(id: CommentId) -> String {
    format!("#thread-{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u64) -> CommentId {
        CommentId::new(n)
    }

    #[test]
    fn reads_fragments() {
        assert_eq!(Route::from_hash("#comment-17"), Route::Comment(id(17)));
        assert_eq!(Route::from_hash("thread-4"), Route::Branch(id(4)));
        assert_eq!(Route::from_hash(""), Route::Full);
        assert_eq!(Route::from_hash("#comment-"), Route::Full);
        // String ids (format 2) stand in fragments too.
        assert_eq!(
            Route::from_hash("#comment-c1s3yhb"),
            Route::Comment("c1s3yhb".parse().unwrap())
        );
        assert_eq!(Route::from_hash("#comment-a%20b"), Route::Full);
        assert_eq!(Route::from_hash("#comment-+1"), Route::Full);
        assert_eq!(Route::from_hash("#top"), Route::Full);
    }

    #[test]
    fn reads_and_writes_the_sort_order() {
        assert_eq!(sort_order("?sort=newest"), SortOrder::Newest);
        assert_eq!(sort_order("?a=1&sort=replies"), SortOrder::MostReplies);
        assert_eq!(sort_order("?sort=bogus"), SortOrder::Thread);
        assert_eq!(sort_order(""), SortOrder::Thread);
        assert_eq!(
            query_with_sort("?a=1&sort=newest", SortOrder::Thread),
            "?a=1"
        );
        assert_eq!(query_with_sort("", SortOrder::Newest), "?sort=newest");
        assert_eq!(
            query_with_sort("?a=1", SortOrder::MostReplies),
            "?a=1&sort=replies"
        );
        assert_eq!(
            query_with_sort("?data=threads%2Fbig.json", SortOrder::Newest),
            "?data=threads%2Fbig.json&sort=newest"
        );
    }

    #[test]
    fn the_bundled_file_unless_the_address_names_another() {
        assert_eq!(data_url("").unwrap(), "discussion.json");
        assert_eq!(data_url("?sort=newest").unwrap(), "discussion.json");
        assert_eq!(data_url("?data=other.json").unwrap(), "other.json");
        assert_eq!(
            data_url("?x=1&data=threads%2Fbig.json").unwrap(),
            "threads/big.json"
        );
    }

    #[test]
    fn refuses_anything_but_a_relative_json_path() {
        for bad in [
            "?data=https://evil.example/x.json",
            "?data=//evil.example/x.json",
            "?data=%2F%2Fevil.example%2Fx.json",
            "?data=/etc/x.json",
            "?data=javascript:alert(1)//.json",
            "?data=data:application/json,{}",
            "?data=other.txt",
            "?data=",
            "?data=a%0a.json",
            "?data=%zz.json",
            "?data=%ff.json",
            "?data=..%5C..%5Cx.json",
            "?data=../x.json",
            "?data=a/../../x.json",
            "?data=%2e%2e/%2e%2e/other/x.json",
            "?data=%252e%252e/x.json",
        ] {
            assert!(data_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn deep_comments_open_in_the_branch_that_shows_them() {
        assert_eq!(branch_root_depth(0), None);
        assert_eq!(branch_root_depth(DEPTH_CAP - 1), None);
        for depth in DEPTH_CAP..DEPTH_CAP * 5 {
            let root = branch_root_depth(depth).unwrap();
            assert_eq!(root % (DEPTH_CAP - 1), 0);
            assert!(
                root < depth && depth - root < DEPTH_CAP,
                "{depth} in branch at {root}"
            );
        }
    }
}
