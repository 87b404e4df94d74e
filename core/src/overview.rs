//! The thread overview's drawing: one bar per comment, indented by depth and sized by
//! length. The app's `Overview` component draws these marks as links.

use crate::data::{Comment, Removal};
use crate::thread::Thread;

/// The drawing's width in pixels; it fits the 12rem panel.
pub const WIDTH: u32 = 176;
/// Each level of reply moves a bar this far right; each comment is one row this tall.
const STEP: u32 = 10;
pub const BAR: u32 = 8;
/// Right of every bar stays room for the search-match dot.
const DOT_ROOM: u32 = 8;
const MIN_BAR: u32 = 20;
/// Very deep replies stop moving right, so their bars stay visible.
const MAX_X: u32 = WIDTH - DOT_ROOM - MIN_BAR;

/// Where one comment's bar goes: `index` addresses the comment in the file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub index: usize,
    pub x: u32,
    pub y: u32,
    pub width: u32,
}

/// The bars for the first `limit` comments in reading order: indented by depth, one row
/// each, longer for longer comments.
pub fn layout(comments: &[Comment], thread: &Thread, limit: usize) -> Vec<Mark> {
    let order = thread.display_order().iter().take(limit);
    order
        .enumerate()
        .map(|(row, &index)| {
            let x = (thread.depth(index).saturating_mul(STEP)).min(MAX_X);
            let words = word_count(&comments[index].body) as f64;
            let width = (MIN_BAR as f64 + 6.0 * words.sqrt()).round() as u32;
            Mark {
                index,
                x,
                y: row as u32 * STEP,
                width: width.min(WIDTH - DOT_ROOM - x),
            }
        })
        .collect()
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// "#3 Fred3, 29 words": each mark's accessible name.
pub fn mark_title(comment: &Comment) -> String {
    match comment.state {
        Some(Removal::Deleted) => return format!("#{} [deleted]", comment.id),
        Some(Removal::Removed) => return format!("#{} removed by a moderator", comment.id),
        None => {}
    }
    let words = word_count(&comment.body);
    let unit = if words == 1 { "word" } else { "words" };
    format!("#{} {}, {words} {unit}", comment.id, comment.author)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Loaded;
    use crate::limits::OVERVIEW_MARKS;

    #[test]
    fn lays_out_one_indented_bar_per_comment_in_reading_order() {
        let loaded = Loaded::from_json(include_str!("../../data/discussion.json")).unwrap();
        let comments = &loaded.discussion.comments;
        let marks = layout(comments, &loaded.thread, OVERVIEW_MARKS);
        let ids: Vec<String> = marks
            .iter()
            .map(|m| comments[m.index].id.to_string())
            .collect();
        assert_eq!(
            ids,
            [
                "1", "3", "4", "7", "9", "13", "14", "17", "15", "2", "12", "11", "16"
            ]
        );
        let by_id = |n| {
            let id = crate::CommentId::new(n);
            marks.iter().find(|m| comments[m.index].id == id).unwrap()
        };
        assert_eq!((by_id(1).x, by_id(1).y), (0, 0));
        assert_eq!((by_id(17).x, by_id(17).y), (40, 70));
        // "Absolutely agree.": 2 words.
        assert_eq!(by_id(9).width, 28);
        assert!(marks.iter().all(|m| m.x + m.width + DOT_ROOM <= WIDTH));
        assert_eq!(layout(comments, &loaded.thread, 3).len(), 3);
        assert_eq!(mark_title(&comments[0]), "#1 meanestgenius, 152 words");
        let deleted = Comment {
            state: Some(Removal::Deleted),
            ..comments[0].clone()
        };
        assert_eq!(mark_title(&deleted), "#1 [deleted]");
    }
}
