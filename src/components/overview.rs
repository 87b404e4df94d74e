use leptos::prelude::*;
use std::collections::HashSet;

use threadview_core::limits::OVERVIEW_MARKS;
use threadview_core::overview::{BAR, Mark, WIDTH, layout, mark_title};
use threadview_core::url::comment_href;

use crate::state::use_store;
use crate::takeover::is_prerendering;

/// Where the panel sits beside the text, open (style/overview.css uses the same width):
/// below it, the 70ch column leaves too little room at its side.
pub const WIDE: &str = "(min-width: 80rem)";
/// The whole thread at a glance: one bar per comment, a link to it. Marks the comment
/// the reader is on, search matches and the highlighted author's comments.
#[component]
pub fn Overview() -> impl IntoView {
    let store = use_store();
    let (data, reader) = (store.data(), store.reader);
    let prerendering = is_prerendering();
    let comments = &data.discussion.comments;
    let marks = layout(comments, &data.thread, OVERVIEW_MARKS);
    let height = marks.last().map_or(0, |m| m.y + BAR);

    let found = store.matches;
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
            // A link to a comment on the page; to one folded away or not drawn yet, a
            // button that goes there: a link must have its target.
            let drawn = move || {
                if prerendering {
                    store.draws_untracked(index)
                } else {
                    store.folds.is_drawn(id)
                }
            };
            let go = move |ev: web_sys::Event| {
                if drawn() {
                    reader.current.set(Some(id));
                } else {
                    ev.prevent_default();
                    store.go_to(id);
                }
            };
            view! {
                <g>
                    <a
                        class="mark"
                        href=move || drawn().then(|| comment_href(id))
                        role=move || (!drawn()).then_some("button")
                        tabindex=move || (!drawn()).then_some("0")
                        class:current=is_current.clone()
                        class:match=move || matches.with(|m| m.contains(&index))
                        class:by-author=move || author.selected(&by)
                        aria-current=move || is_current().then_some("location")
                        on:click=move |ev| go(ev.into())
                        on:keydown=move |ev| {
                            if !drawn() && (ev.key() == "Enter" || ev.key() == " ") {
                                go(ev.into());
                            }
                        }
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
    let wide = is_prerendering()
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
