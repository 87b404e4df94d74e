use leptos::prelude::*;

use threadview_core::limits::PAGE;
use threadview_core::words;

use super::comment::Comment;
use crate::state::use_store;

/// The replies to one comment (`parent`, a position in the comment list), or the top
/// level (None), in the reader's chosen order, drawn a page at a time.
///
/// Keyed, so that "show more" and a new order add or move comments instead of drawing
/// the ones already there again.
#[component]
pub fn CommentList(parent: Option<usize>, depth: u32) -> impl IntoView {
    let store = use_store();
    let (reader, arrangement) = (store.reader, store.arrangement);
    let parent_id = parent.map(|p| store.id_of(p));
    let shown = Memo::new(move |_| reader.shown_of(parent_id));
    let total = move || arrangement.with(|a| a.siblings(parent).len());
    let drawn = move || {
        arrangement.with(|a| {
            let siblings = a.siblings(parent);
            siblings[..shown.get().min(siblings.len())].to_vec()
        })
    };
    let remaining = move || total().saturating_sub(shown.get());
    view! {
        <For each=drawn key=|&i| i let(index)>
            <Comment index depth />
        </For>
        <Show when=move || remaining() != 0>
            <li class="more-replies">
                <button type="button" on:click=move |_| reader.show_more(parent_id, PAGE)>
                    {move || {
                        format!(
                            "Show {} more of {}",
                            remaining().min(PAGE),
                            words::replies(remaining() as u32),
                        )
                    }}
                </button>
            </li>
        </Show>
    }
}
