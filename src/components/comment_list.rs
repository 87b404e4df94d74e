use leptos::prelude::*;

use super::ThreadContext;
use super::comment::Comment;
use crate::state::PAGE;
use crate::words;

/// A group of sibling comments in the reader's chosen order: the top level (`parent`
/// None) or the replies to one comment.
#[component]
pub fn CommentList(parent: Option<u64>, siblings: Vec<usize>, depth: u32) -> impl IntoView {
    let ThreadContext { data, reader, .. } = expect_context::<ThreadContext>();
    let shown = Memo::new(move |_| reader.shown_of(parent));
    let arranged = Memo::new(move |_| {
        reader
            .sort
            .get()
            .arrange(&siblings, &data.discussion.comments, &data.thread)
    });
    let items = move || {
        arranged.with(|all| {
            all.iter()
                .take(shown.get())
                .map(|&i| view! { <Comment index=i depth /> })
                .collect_view()
        })
    };
    let remaining = move || arranged.with(Vec::len).saturating_sub(shown.get());
    view! {
        {items}
        <Show when=move || remaining() != 0>
            <li class="more-replies">
                <button type="button" on:click=move |_| reader.show_more(parent, PAGE)>
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
