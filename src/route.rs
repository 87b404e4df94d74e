//! What the URL fragment asks for. Fragments, not paths, so any static host at any path works.

/// How many levels one view renders before it offers "continue this thread".
pub const DEPTH_CAP: u32 = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The whole discussion.
    Full,
    /// `#comment-N`: the whole discussion, scrolled to comment N.
    Comment(u64),
    /// `#thread-N`: only comment N and its replies, for branches deeper than [`DEPTH_CAP`].
    Branch(u64),
}

impl Route {
    /// Reads `location.hash`, with or without its `#`. Anything unknown is the full view.
    pub fn from_hash(hash: &str) -> Self {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let id = |prefix| hash.strip_prefix(prefix).and_then(|n: &str| n.parse().ok());
        if let Some(n) = id("comment-") {
            Self::Comment(n)
        } else if let Some(n) = id("thread-") {
            Self::Branch(n)
        } else {
            Self::Full
        }
    }
}

/// The depth of the branch view that shows a comment at `depth`, or `None` when the full
/// view reaches it. A branch opened by "continue this thread" starts at the comment that
/// offered it (depth `DEPTH_CAP - 1`, then `2 * (DEPTH_CAP - 1)`, …), repeated for context.
pub fn branch_root_depth(depth: u32) -> Option<u32> {
    let step = DEPTH_CAP - 1;
    (depth >= DEPTH_CAP).then(|| (depth - 1) / step * step)
}

pub fn comment_anchor(id: u64) -> String {
    format!("comment-{id}")
}

pub fn branch_href(id: u64) -> String {
    format!("#thread-{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fragments() {
        assert_eq!(Route::from_hash("#comment-17"), Route::Comment(17));
        assert_eq!(Route::from_hash("thread-4"), Route::Branch(4));
        assert_eq!(Route::from_hash(""), Route::Full);
        assert_eq!(Route::from_hash("#comment-"), Route::Full);
        assert_eq!(Route::from_hash("#comment-x1"), Route::Full);
        assert_eq!(Route::from_hash("#top"), Route::Full);
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
