//! A comment's id: its own type, so that a change of what an id is (a number today) is a
//! change here, not in the routes, folds, saved folds and errors one by one.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CommentId(u64);

impl CommentId {
    pub const fn new(n: u64) -> Self {
        Self(n)
    }
}

impl From<u64> for CommentId {
    fn from(n: u64) -> Self {
        Self(n)
    }
}

impl fmt::Display for CommentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// As an id appears in a fragment such as `#comment-17`.
impl FromStr for CommentId {
    type Err = std::num::ParseIntError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // u64's parser takes a leading '+', which no id is written with.
        if s.starts_with('+') {
            return "".parse().map(Self);
        }
        s.parse().map(Self)
    }
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
        assert!("x1".parse::<CommentId>().is_err());
        assert_eq!(serde_json::to_string(&id).unwrap(), "17");
        assert_eq!(serde_json::from_str::<CommentId>("17").unwrap(), id);
    }
}
