//! Who takes part in a discussion and how often.

use std::collections::HashMap;

use crate::data::Comment;

/// Each author with the number of comments they wrote in `order`: most first, ties in
/// order of first appearance.
pub fn count_by_author<'a>(comments: &'a [Comment], order: &[usize]) -> Vec<(&'a str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut slot: HashMap<&str, usize> = HashMap::new();
    // A deleted or removed comment has no author to count.
    for &i in order.iter().filter(|&&i| comments[i].state.is_none()) {
        let author = comments[i].author.as_str();
        match slot.get(author) {
            Some(&k) => counts[k].1 += 1,
            None => {
                slot.insert(author, counts.len());
                counts.push((author, 1));
            }
        }
    }
    // A stable sort keeps first appearance among equal counts.
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    counts
}

/// "Venom wrote 4 comments", "Fred3 wrote 1 comment".
pub fn status(author: &str, count: usize) -> String {
    let unit = if count == 1 { "comment" } else { "comments" };
    format!("{author} wrote {count} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Loaded;

    #[test]
    fn counts_comments_per_author_most_first_then_first_seen() {
        let loaded = Loaded::from_json(include_str!("../../data/discussion.json")).unwrap();
        let counts = count_by_author(&loaded.discussion.comments, loaded.thread.display_order());
        assert_eq!(
            counts,
            [
                ("meanestgenius", 5),
                ("Venom", 4),
                ("Fred3", 1),
                ("Ashoaib", 1),
                ("frequency", 1),
                ("DellB", 1),
            ]
        );
        // Ties follow the order given, whatever the file order.
        let reversed: Vec<usize> = loaded
            .thread
            .display_order()
            .iter()
            .rev()
            .copied()
            .collect();
        let names: Vec<&str> = count_by_author(&loaded.discussion.comments, &reversed)
            .into_iter()
            .map(|(author, _)| author)
            .collect();
        assert_eq!(
            names,
            [
                "meanestgenius",
                "Venom",
                "DellB",
                "frequency",
                "Ashoaib",
                "Fred3"
            ]
        );
        assert!(count_by_author(&loaded.discussion.comments, &[]).is_empty());
    }

    #[test]
    fn says_how_many_comments() {
        assert_eq!(status("Venom", 4), "Venom wrote 4 comments");
        assert_eq!(status("Fred3", 1), "Fred3 wrote 1 comment");
    }
}
