//! "New since your last visit": when the reader last opened a discussion, as the browser
//! keeps it, and which comments were written since.
//!
//! A visit is a stretch of reading: a reload or a second tab within [`SAME_VISIT`] of the
//! last open is the same visit, so its new comments stay marked. What is kept is two
//! times, the last open and the time the current visit counts from, as
//! `1 <last> <since>` (seconds since 1970; `-` when there is no earlier visit).

use crate::data::Comment;
use crate::thread::Thread;

/// Opens closer together than this are one visit (30 minutes, as web analytics count a
/// session): a reload keeps the marks, coming back the next day starts afresh.
pub const SAME_VISIT: i64 = 30 * 60;

/// What the browser keeps for one discussion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visit {
    /// When the reader last opened the page.
    pub last: i64,
    /// Comments written after this are new to the reader; None on a first visit.
    pub since: Option<i64>,
}

impl Visit {
    pub fn encode(self) -> String {
        match self.since {
            Some(since) => format!("1 {} {since}", self.last),
            None => format!("1 {} -", self.last),
        }
    }

    /// A kept visit, or None for anything else: a corrupt memory is a first visit.
    pub fn decode(text: &str) -> Option<Self> {
        let mut parts = text.split(' ');
        let (Some("1"), Some(last), Some(since), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        let last = last.parse().ok()?;
        let since = match since {
            "-" => None,
            since => Some(since.parse().ok().filter(|&s| s <= last)?),
        };
        Some(Self { last, since })
    }

    /// The visit that opening the page `now` makes of the kept one: within
    /// [`SAME_VISIT`] it goes on, else it counts from the last open. A kept time in the
    /// future (the clock was changed, or the memory is not ours) is a first visit.
    pub fn arrive(kept: Option<Self>, now: i64) -> Self {
        let since = match kept {
            Some(kept) if kept.last > now => None,
            Some(kept) if now - kept.last < SAME_VISIT => kept.since,
            Some(kept) => Some(kept.last),
            None => None,
        };
        Self { last: now, since }
    }
}

/// The comments written after `since`, in reading order. Deleted and removed comments
/// have nothing new to read, and comments without a time cannot be told.
pub fn new_since(comments: &[Comment], thread: &Thread, since: i64) -> Vec<usize> {
    thread
        .display_order()
        .iter()
        .copied()
        .filter(|&i| is_new(&comments[i], since))
        .collect()
}

/// Whether the reader has not seen `comment` if they last came at `since`.
pub fn is_new(comment: &Comment, since: i64) -> bool {
    comment.state.is_none() && comment.time.is_some_and(|t| t.unix > since)
}

/// The new comment after `current` in reading order (the first one when the reader is on
/// none, or past the last), for "Next new".
pub fn next_new(new: &[usize], thread: &Thread, current: Option<usize>) -> Option<usize> {
    let Some(current) = current else {
        return new.first().copied();
    };
    let order = thread.display_order();
    let position = |i: usize| order.iter().position(|&o| o == i);
    let here = position(current)?;
    new.iter()
        .copied()
        .find(|&i| position(i).is_some_and(|p| p > here))
        .or_else(|| new.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visit_round_trips_and_corrupt_memories_are_first_visits() {
        for visit in [
            Visit {
                last: 100,
                since: Some(40),
            },
            Visit {
                last: 100,
                since: None,
            },
        ] {
            assert_eq!(Visit::decode(&visit.encode()), Some(visit));
        }
        for corrupt in [
            "",
            "1",
            "1 100",
            "2 100 40",
            "1 x 40",
            "1 100 y",
            "1 100 40 7",
            "1 100 200",
            "{\"last\":100}",
            "1  100 40",
        ] {
            assert_eq!(Visit::decode(corrupt), None, "{corrupt:?}");
        }
    }

    #[test]
    fn a_reload_keeps_the_visit_and_a_later_open_starts_a_new_one() {
        let first = Visit::arrive(None, 1_000);
        assert_eq!(
            first,
            Visit {
                last: 1_000,
                since: None
            }
        );
        let reload = Visit::arrive(Some(first), 1_000 + SAME_VISIT - 1);
        assert_eq!(reload.since, None, "still the first visit");
        let next_day = Visit::arrive(Some(reload), 100_000);
        assert_eq!(
            next_day,
            Visit {
                last: 100_000,
                since: Some(reload.last)
            }
        );
        let reload = Visit::arrive(Some(next_day), 100_060);
        assert_eq!(
            reload.since,
            Some(next_day.since.unwrap()),
            "marks survive a reload"
        );
        let from_the_future = Visit {
            last: 500_000,
            since: Some(400_000),
        };
        assert_eq!(
            Visit::arrive(Some(from_the_future), 100_000),
            Visit {
                last: 100_000,
                since: None
            }
        );
    }

    #[test]
    fn new_comments_in_reading_order_and_the_next_one_wraps() {
        let loaded =
            crate::Loaded::from_json(include_str!("../tests/corpus/format-2-kinds.json")).unwrap();
        let (comments, thread) = (&loaded.discussion.comments, &loaded.thread);
        let id = |i: usize| comments[i].id.to_string();
        let ids = |list: &[usize]| list.iter().map(|&i| id(i)).collect::<Vec<_>>();
        // 2024-03-02T12:00:00Z: comments 4 (03-03), 5 (03-04) and 6 (03-05) are newer.
        let since = crate::time::Timestamp::parse("2024-03-02T12:00:00Z")
            .unwrap()
            .unix;
        let new = new_since(comments, thread, since);
        // Reading order: 1, its replies 5 and 6, then 2, 3, 4.
        assert_eq!(ids(&new), ["5", "6", "4"]);
        let at = |n: &str| thread.index_of(n.parse().unwrap());
        let next = |from: Option<usize>| next_new(&new, thread, from).map(id);
        assert_eq!(next(None).as_deref(), Some("5"));
        assert_eq!(next(at("1")).as_deref(), Some("5"));
        assert_eq!(next(at("5")).as_deref(), Some("6"));
        assert_eq!(next(at("6")).as_deref(), Some("4"));
        assert_eq!(
            next(at("4")).as_deref(),
            Some("5"),
            "past the last, back to the first"
        );
        assert_eq!(new_since(comments, thread, i64::MAX), Vec::<usize>::new());
        assert_eq!(next_new(&[], thread, at("1")), None);
    }
}
