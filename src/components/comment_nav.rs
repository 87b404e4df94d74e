//! Finding one's way around a comment: whom it answers, and links to its neighbours.

use leptos::prelude::*;
use leptos::task::spawn_local;

use threadview_core::url::comment_href as href;

use crate::state::use_store;

/// "in reply to AUTHOR #N" when the parent is not just above: after a long sibling branch,
/// or outside this branch view. A reply to a comment missing from the file says that.
#[component]
pub fn ReplyContext(index: usize, depth: u32) -> impl IntoView {
    let store = use_store();
    let (data, arrangement) = (store.data(), store.arrangement);
    let comment = &data.discussion.comments[index];
    let Some(parent) = data.thread.parent(index) else {
        return comment
            .parent
            .map(|missing| {
                view! {
                    <p class="orphan-note">
                        {format!("In reply to comment #{missing}, which is not in this file")}
                    </p>
                }
            })
            .into_any();
    };
    let parent_comment = &data.discussion.comments[parent];
    let parent_id = parent_comment.id;
    // Named as the page shows it: by its number where comments show numbers, by its
    // author where they show times (a source's ids mean nothing to a reader).
    let parent_name = match (&parent_comment.time, parent_comment.state) {
        (_, Some(_)) => "a deleted comment".to_string(),
        (Some(_), None) => parent_comment.author.clone(),
        (None, None) => format!("{} #{parent_id}", parent_comment.author),
    };
    let far = move || depth == 0 || arrangement.with(|a| a.preceding(index)) >= 2;
    (move || {
        far().then(|| {
            view! {
                <p class="reply-context">
                    "in reply to "
                    <a href=href(parent_id)>{parent_name.clone()}</a>
                </p>
            }
        })
    })
    .into_any()
}

/// Parent, previous, next and top links, as Hacker News has them, and a copy-link button.
#[component]
pub fn CommentNav(index: usize) -> impl IntoView {
    let store = use_store();
    let (data, arrangement) = (store.data(), store.arrangement);
    let comments = &data.discussion.comments;
    let thread = &data.thread;
    let id = comments[index].id;
    let describe = |i: usize| format!("comment {} by {}", comments[i].id, comments[i].author);

    let parent = thread.parent(index).map(|p| {
        view! {
            <a href=href(comments[p].id) aria-label=format!("Parent: {}", describe(p))>
                "parent"
            </a>
        }
    });
    let top = thread
        .ancestors(index)
        .last()
        .filter(|&t| Some(t) != thread.parent(index));
    let top = top.map(|t| {
        view! {
            <a href=href(comments[t].id) aria-label=format!("Top of this thread: {}", describe(t))>
                "top"
            </a>
        }
    });
    let siblings = {
        let data = data.clone();
        move || {
            let comments = &data.discussion.comments;
            let (previous, next) = arrangement.with(|a| a.neighbours(index, &data.thread));
            let link = |i: usize, text: &'static str, name: &str| {
                let label = format!(
                    "{name}: comment {} by {}",
                    comments[i].id, comments[i].author
                );
                view! { <a href=href(comments[i].id) aria-label=label>{text}</a> }
            };
            let previous = previous.map(|p| link(p, "previous", "Previous"));
            (previous, next.map(|n| link(n, "next", "Next")))
        }
    };

    let status = RwSignal::new("");
    let copy = move |_| {
        let url = window()
            .location()
            .href()
            .map(|h| format!("{}{}", h.split('#').next().unwrap_or(""), href(id)))
            .unwrap_or_else(|_| href(id));
        spawn_local(async move {
            let promise = window().navigator().clipboard().write_text(&url);
            let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            status.set(if copied {
                "Link copied"
            } else {
                "Could not copy the link"
            });
        });
    };

    view! {
        <div class="comment-nav">
            {parent}
            {top}
            {siblings}
            <button
                class="copy-link"
                type="button"
                aria-label=format!("Copy link to comment {id}")
                on:click=copy
            >
                "Copy link"
            </button>
            <span class="copy-status" role="status">
                {move || status.get()}
            </span>
        </div>
    }
}
