use leptos::prelude::*;

use super::ThreadContext;
use crate::route::{DEPTH_CAP, branch_href, comment_anchor};
use crate::thread::distinct_authors;
use crate::words;

/// One comment and, unless folded, its replies: the DOM nests as the thread does.
///
/// Recursion is bounded by [`DEPTH_CAP`]: deeper replies are one "continue this thread"
/// link away, so even a 100,000-reply chain renders a fixed number of levels.
#[component]
pub fn Comment(index: usize, depth: u32) -> impl IntoView {
    let ThreadContext { data, folds, .. } = expect_context::<ThreadContext>();
    let comment = &data.discussion.comments[index];
    let thread = &data.thread;
    let id = comment.id;
    let children = thread.children(index).to_vec();
    let total = thread.descendants(index);
    let open = folds.is_open(id);
    let replies_id = format!("replies-{id}");
    let at_cap = depth + 1 >= DEPTH_CAP;

    let header = view! {
        <header class="comment-meta">
            <a class="permalink" href=format!("#{}", comment_anchor(id))>{format!("#{id}")}</a>
            " "
            <span class="comment-author">{comment.author.clone()}</span>
            " "
            <span class="comment-posts">{format!("Posts: {}", comment.posts)}</span>
            " "
            <span class="comment-since">
                {format!("Member since {}", comment.member_since.display())}
            </span>
        </header>
    };

    // A reply whose parent is missing from the file is still shown, and says so.
    let orphan = match (comment.parent, thread.parent(index)) {
        (Some(missing), None) => Some(view! {
            <p class="orphan-note">
                {format!("In reply to comment #{missing}, which is not in this file")}
            </p>
        }),
        _ => None,
    };

    let paragraphs = comment
        .paragraphs()
        .map(|p| view! { <p>{p.to_string()}</p> })
        .collect_view();

    let toggle = (!children.is_empty() && !at_cap).then(|| {
        let author = comment.author.clone();
        let count = words::replies(total);
        let text = {
            let count = count.clone();
            move || format!("{} {count}", if open.get() { "Hide" } else { "Show" })
        };
        let label = {
            let text = text.clone();
            move || format!("{} to {author}", text())
        };
        let hidden_by = format!(
            "{} from {}",
            count.replacen(' ', " hidden ", 1),
            words::names(
                &distinct_authors(&data.discussion.comments, thread.subtree(index)),
                5
            )
        );
        view! {
            <button
                class="toggle"
                type="button"
                aria-expanded=move || open.get().to_string()
                aria-controls=replies_id.clone()
                aria-label=label
                on:click=move |_| folds.toggle(id)
            >
                {text}
            </button>
            <Show when=move || !open.get()>
                <p class="folded-summary">{hidden_by.clone()}</p>
            </Show>
        }
    });

    let continuation = (!children.is_empty() && at_cap).then(|| {
        view! {
            <a class="continue" href=branch_href(id)>
                {format!("Continue this thread ({})", words::replies(total))}
            </a>
        }
    });

    let replies = move || {
        (open.get() && !at_cap && !children.is_empty()).then(|| {
            let items = children
                .iter()
                .map(|&child| view! { <Comment index=child depth=depth + 1 /> })
                .collect_view();
            view! { <ol class="replies" id=replies_id.clone()>{items}</ol> }
        })
    };

    view! {
        <li class="comment" id=comment_anchor(id) data-depth=thread.depth(index)>
            <div class="comment-card">
                {header}
                {orphan}
                <div class="comment-body">{paragraphs}</div>
                {toggle}
                {continuation}
            </div>
            {replies}
        </li>
    }
    .into_any()
}
