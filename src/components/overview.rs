use leptos::prelude::*;
use std::collections::HashSet;

use super::ThreadContext;
use crate::data::Comment;
use crate::route::comment_anchor;
use crate::thread::Thread;

/// Where the panel sits beside the text, open (style/overview.css uses the same width):
/// below it, the 70ch column leaves too little room at its side.
pub const WIDE: &str = "(min-width: 80rem)";
/// Past this many comments the overview draws only the first ones: each mark is a link,
/// and thousands of them would outweigh the comments drawn beside them.
pub const MAX_MARKS: usize = 500;
/// The drawing's width in pixels; it fits the 12rem panel.
const WIDTH: u32 = 176;
/// Each level of reply moves a bar this far right; each comment is one row this tall.
const STEP: u32 = 10;
const BAR: u32 = 8;
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
fn mark_title(comment: &Comment) -> String {
    let words = word_count(&comment.body);
    let unit = if words == 1 { "word" } else { "words" };
    format!("#{} {}, {words} {unit}", comment.id, comment.author)
}

/// The whole thread at a glance: one bar per comment, a link to it. Marks the comment
/// the reader is on, search matches and the highlighted author's comments.
#[component]
pub fn Overview() -> impl IntoView {
    let ThreadContext { data, reader, .. } = expect_context::<ThreadContext>();
    let comments = &data.discussion.comments;
    let marks = layout(comments, &data.thread, MAX_MARKS);
    let height = marks.last().map_or(0, |m| m.y + BAR);

    let found = expect_context::<ThreadContext>().matches;
    let matches = Memo::new(move |_| found.with(|m| m.iter().copied().collect::<HashSet<usize>>()));
    // Selectors, so that moving to another comment or author updates two marks, not all.
    let current = Selector::new(move || reader.current.get());
    let author = Selector::new(move || reader.author.get());

    let note = (comments.len() > marks.len()).then(|| {
        view! {
            <p class="overview-note">
                {format!("Showing the first {} of {} comments", marks.len(), comments.len())}
            </p>
        }
    });

    let bars = marks
        .iter()
        .map(|&Mark { index, x, y, width }| {
            let comment = &comments[index];
            let id = comment.id;
            let (current, author) = (current.clone(), author.clone());
            let is_current = move || current.selected(&Some(id));
            let by = Some(comment.author.clone());
            // The view macro takes <a> and <title> for HTML unless their parent is SVG,
            // which it only passes on to an only child: hence the <g>, and a <title> built
            // by hand.
            let title = leptos::svg::title().child(mark_title(comment));
            view! {
                <g>
                    <a
                        class="mark"
                        href=format!("#{}", comment_anchor(id))
                        class:current=is_current.clone()
                        class:match=move || matches.with(|m| m.contains(&index))
                        class:by-author=move || author.selected(&by)
                        aria-current=move || is_current().then_some("location")
                        on:click=move |_| reader.current.set(Some(id))
                    >
                        {title}
                        <rect class="bar" x=x y=y width=width height=BAR rx="1" />
                        <circle class="match-dot" cx=x + width + 4 cy=y + BAR / 2 r="3" />
                    </a>
                </g>
            }
        })
        .collect_view();

    // Prerendered open: style/main.css hides the open panel's drawing on narrow screens
    // until the app takes over, so the page does not move when it does.
    let wide = !cfg!(target_arch = "wasm32")
        || window()
            .match_media(WIDE)
            .ok()
            .flatten()
            .is_some_and(|query| query.matches());

    view! {
        <details class="overview-panel" open=wide>
            <summary>"Thread overview"</summary>
            <nav class="overview" aria-label="Thread overview">
                {note}
                <svg
                    width=WIDTH
                    height=height
                    viewBox=format!("0 0 {WIDTH} {height}")
                >
                    <defs>
                        <pattern
                            id="overview-hatch"
                            width="4"
                            height="4"
                            patternUnits="userSpaceOnUse"
                            patternTransform="rotate(45)"
                        >
                            <rect class="hatch-ground" width="4" height="4" />
                            <rect class="hatch-stripe" width="2" height="4" />
                        </pattern>
                    </defs>
                    {bars}
                </svg>
            </nav>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Loaded;

    #[test]
    fn lays_out_one_indented_bar_per_comment_in_reading_order() {
        let loaded = Loaded::from_json(include_str!("../../data/discussion.json")).unwrap();
        let comments = &loaded.discussion.comments;
        let marks = layout(comments, &loaded.thread, MAX_MARKS);
        let ids: Vec<u64> = marks.iter().map(|m| comments[m.index].id).collect();
        assert_eq!(ids, [1, 3, 4, 7, 9, 13, 14, 17, 15, 2, 12, 11, 16]);
        let by_id = |id| marks.iter().find(|m| comments[m.index].id == id).unwrap();
        assert_eq!((by_id(1).x, by_id(1).y), (0, 0));
        assert_eq!((by_id(17).x, by_id(17).y), (40, 70));
        // "Absolutely agree.": 2 words.
        assert_eq!(by_id(9).width, 28);
        assert!(marks.iter().all(|m| m.x + m.width + DOT_ROOM <= WIDTH));
        assert_eq!(layout(comments, &loaded.thread, 3).len(), 3);
        assert_eq!(mark_title(&comments[0]), "#1 meanestgenius, 152 words");
    }
}
