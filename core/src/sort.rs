//! The order of sibling comments, chosen by the reader and kept in the URL query
//! (read and written by [`crate::url`]).

use crate::data::Comment;
use crate::thread::Thread;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// As the file lists them: for the bundled page, oldest first.
    #[default]
    Thread,
    /// Earliest time first; only where comments have times.
    Oldest,
    /// Latest time first, or, without times, highest number first (numbers are given in
    /// posting order).
    Newest,
    /// Highest score first; only where comments have scores.
    Top,
    /// Most comments underneath first, then thread order.
    MostReplies,
}

impl SortOrder {
    pub const ALL: [Self; 5] = [
        Self::Thread,
        Self::Oldest,
        Self::Newest,
        Self::Top,
        Self::MostReplies,
    ];

    /// The value in `?sort=`; the default order has none.
    pub fn key(self) -> &'static str {
        match self {
            Self::Thread => "thread",
            Self::Oldest => "oldest",
            Self::Newest => "newest",
            Self::Top => "top",
            Self::MostReplies => "replies",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Thread => "Thread order (oldest first)",
            Self::Oldest => "Oldest first",
            Self::Newest => "Newest first",
            Self::Top => "Top (by score)",
            Self::MostReplies => "Most replies",
        }
    }

    /// The orders that mean something for these comments: by time only where every
    /// comment has one, by score only where any has one. Where comments have times the
    /// file order is the source's, so it is called that.
    pub fn available(comments: &[Comment]) -> Vec<Self> {
        let timed = all_timed(comments);
        let scored = comments.iter().any(|c| c.score.is_some());
        Self::ALL
            .into_iter()
            .filter(|order| match order {
                Self::Oldest => timed,
                Self::Top => scored,
                _ => true,
            })
            .collect()
    }

    /// The label among the orders of a file with times ("Thread order (oldest first)"
    /// would not be true of them).
    pub fn label_for(self, comments: &[Comment]) -> &'static str {
        match self {
            Self::Thread if all_timed(comments) => "As on the original site",
            _ => self.label(),
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// `siblings` (positions in `comments`, in file order) in this order. Stable, so equal
    /// keys keep thread order.
    pub fn arrange(self, siblings: &[usize], comments: &[Comment], thread: &Thread) -> Vec<usize> {
        let mut sorted = siblings.to_vec();
        match self {
            Self::Thread => {}
            Self::Oldest => sorted.sort_by_key(|&i| comments[i].time),
            Self::Newest => {
                sorted.sort_by_key(|&i| std::cmp::Reverse((comments[i].time, comments[i].id)))
            }
            Self::Top => sorted.sort_by_key(|&i| std::cmp::Reverse(comments[i].score)),
            Self::MostReplies => sorted.sort_by_key(|&i| std::cmp::Reverse(thread.descendants(i))),
        }
        sorted
    }
}

/// Whether every comment has a time: then orders by time mean something, and the file
/// order is the source's own.
fn all_timed(comments: &[Comment]) -> bool {
    !comments.is_empty() && comments.iter().all(|c| c.time.is_some())
}

/// Every list of siblings in one order, worked out once per order rather than once per
/// comment drawn: a comment's neighbours and its place among its siblings are lookups.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrangement {
    roots: Vec<usize>,
    children: Vec<Vec<usize>>,
    /// Where each comment sits among its siblings.
    position: Vec<usize>,
    /// Comments drawn between each comment and its parent: its earlier siblings and all
    /// of their replies.
    preceding: Vec<u32>,
}

impl Arrangement {
    pub fn new(order: SortOrder, comments: &[Comment], thread: &Thread) -> Self {
        let n = comments.len();
        let roots = order.arrange(thread.roots(), comments, thread);
        let children: Vec<Vec<usize>> = (0..n)
            .map(|i| order.arrange(thread.children(i), comments, thread))
            .collect();
        let mut position = vec![0; n];
        let mut preceding = vec![0; n];
        for list in std::iter::once(&roots).chain(&children) {
            let mut before = 0;
            for (at, &i) in list.iter().enumerate() {
                position[i] = at;
                preceding[i] = before;
                before += thread.descendants(i) + 1;
            }
        }
        Self {
            roots,
            children,
            position,
            preceding,
        }
    }

    /// The replies to `parent`, or the top level for `None`.
    pub fn siblings(&self, parent: Option<usize>) -> &[usize] {
        parent.map_or(&self.roots, |p| &self.children[p])
    }

    pub fn position(&self, i: usize) -> usize {
        self.position[i]
    }

    pub fn preceding(&self, i: usize) -> u32 {
        self.preceding[i]
    }

    /// The sibling before `i` and the one after it.
    pub fn neighbours(&self, i: usize, thread: &Thread) -> (Option<usize>, Option<usize>) {
        let siblings = self.siblings(thread.parent(i));
        let at = self.position[i];
        let previous = at.checked_sub(1).map(|p| siblings[p]);
        (previous, siblings.get(at + 1).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled thread: 1 > (3 > 4, 7 > (9, 13 > (14 > 17, 15))), 2 > 12, 11 > 16.
    fn bundled() -> crate::Loaded {
        let text = include_str!("../../data/discussion.json");
        crate::Loaded::from_json(text).expect("the bundled file loads")
    }

    #[test]
    fn an_arrangement_answers_what_sorting_each_list_would() {
        let data = bundled();
        let (comments, thread) = (&data.discussion.comments, &data.thread);
        let at = |n| thread.index_of(crate::CommentId::new(n)).unwrap();
        let ids = |list: &[usize]| {
            list.iter()
                .map(|&i| comments[i].id.to_string())
                .collect::<Vec<_>>()
        };
        for order in SortOrder::ALL {
            let arranged = Arrangement::new(order, comments, thread);
            assert_eq!(
                arranged.siblings(None),
                order.arrange(thread.roots(), comments, thread)
            );
            for i in 0..comments.len() {
                let expected = order.arrange(thread.children(i), comments, thread);
                assert_eq!(arranged.siblings(Some(i)), expected, "{order:?}");
            }
        }

        let newest = Arrangement::new(SortOrder::Newest, comments, thread);
        assert_eq!(ids(newest.siblings(None)), ["11", "2", "1"]);
        assert_eq!(ids(newest.siblings(Some(at(7)))), ["13", "9"]);
        assert_eq!(newest.position(at(9)), 1);
        // 13, then 14 and 17 and 15 under it, come between 7 and 9.
        assert_eq!(newest.preceding(at(9)), 4);
        assert_eq!(newest.neighbours(at(13), thread), (None, Some(at(9))));

        let oldest = Arrangement::new(SortOrder::Thread, comments, thread);
        assert_eq!(oldest.preceding(at(7)), 2);
        assert_eq!(
            oldest.neighbours(at(2), thread),
            (Some(at(1)), Some(at(11)))
        );
        assert_eq!(oldest.neighbours(at(11), thread), (Some(at(2)), None));
    }
}
