use leptos::prelude::*;

use threadview_core::data::{Badge, Removal};
use threadview_core::limits::DEPTH_CAP;
use threadview_core::search;
use threadview_core::thread::distinct_authors;
use threadview_core::url::{branch_href, comment_anchor, comment_href};
use threadview_core::words;

use super::comment_list::CommentList;
use super::missing_replies::MissingReplies;
use super::rich_text::{self, LINK_REL, text};
use crate::state::use_store;
use crate::takeover::is_prerendering;

/// One comment and, unless folded, its replies: the DOM nests as the thread does.
///
/// Recursion is bounded by [`DEPTH_CAP`]: deeper replies are one "continue this thread"
/// link away, so even a 100,000-reply chain renders a fixed number of levels.
#[component]
pub fn Comment(index: usize, depth: u32) -> impl IntoView {
    let store = use_store();
    let (data, reader) = (store.data(), store.reader);
    let comment = &data.discussion.comments[index];
    let thread = &data.thread;
    let id = comment.id;
    let author = comment.author.clone();
    let has_children = !thread.children(index).is_empty();
    let total = thread.descendants(index);
    let open = store.folds.is_open(id);
    let at_cap = depth + 1 >= DEPTH_CAP;

    // Only comments that match re-render as the search text changes.
    let highlight = Memo::new({
        let (author, body) = (author.clone(), comment.body.clone());
        move |_| {
            reader.query.with(|q| {
                (search::contains(&author, q) || search::contains(&body, q)).then(|| q.clone())
            })
        }
    });
    let by_author = Memo::new({
        let author = author.clone();
        move |_| {
            reader
                .author
                .with(|a| a.as_deref() == Some(author.as_str()))
        }
    });

    let author_button = {
        let author = author.clone();
        view! {
            <button
                class="comment-author"
                type="button"
                disabled=is_prerendering()
                aria-pressed=move || by_author.get().to_string()
                title=format!("Highlight every comment by {author}")
                on:click={
                    let author = author.clone();
                    move |_| {
                        let pressed = by_author.get_untracked();
                        reader.author.set((!pressed).then(|| author.clone()));
                    }
                }
            >
                {text(author.clone(), highlight)}
            </button>
        }
    };

    // Version 1's details (posts, member since) where the file has them; format 2's
    // time, score, badges and edits where it has those.
    // The time links to the comment, as on Hacker News; how long ago is a tooltip, which
    // only the browser can say (the prerendered text must not change at the takeover).
    let permalink_text = match comment.time {
        Some(time) => {
            let ago = (!is_prerendering()).then(|| time.ago((js_sys::Date::now() / 1000.0) as i64));
            view! {
                <time datetime=time.rfc3339() title=ago>
                    {time.display_date()}
                    <span class="clock">{time.display_clock()}</span>
                </time>
            }
            .into_any()
        }
        None => format!("#{id}").into_any(),
    };
    let who = match comment.state {
        None => author_button.into_any(),
        Some(Removal::Deleted) => view! { <span class="removed">"[deleted]"</span> }.into_any(),
        Some(Removal::Removed) => {
            view! { <span class="removed">"removed by a moderator"</span> }.into_any()
        }
    };
    let badges = comment
        .badges
        .iter()
        .map(|badge| {
            let (short, name) = match badge {
                Badge::Op => ("OP", "original poster"),
                Badge::Moderator => ("mod", "moderator"),
                Badge::Admin => ("admin", "administrator"),
            };
            view! { " " <abbr class="badge" title=name>{short}</abbr> }
        })
        .collect_view();
    // What the entry is, when not a reader's comment; and whether it is new to the reader.
    let kind = comment
        .kind
        .map(|kind| view! { " " <span class="comment-kind">{kind.label()}</span> });
    let is_new = store.is_new(index);
    let new_mark = is_new.then(|| view! { " " <span class="new-mark">"New"</span> });
    let score = comment
        .score
        .map(|n| view! { " " <span class="comment-score">{words::points(n)}</span> });
    let edited = comment.edited.map(|time| {
        view! {
            " "
            <span class="comment-edited" title=format!("Edited {}", time.display())>
                "edited"
            </span>
        }
    });
    let posts = comment
        .posts
        .map(|n| view! { " " <span class="comment-posts">{format!("Posts: {n}")}</span> });
    let since = comment.member_since.map(|date| {
        view! {
            " "
            <span class="comment-since">{format!("Member since {}", date.display())}</span>
        }
    });
    let original = comment.url.clone().map(|url| {
        view! {
            <a
                class="original"
                href=url
                rel=LINK_REL
                aria-label=format!("Comment {id} on the original site")
            >
                "original"
            </a>
        }
    });

    let header = view! {
        <header class="comment-meta">
            <a class="permalink" href=comment_href(id)>
                {permalink_text}
            </a>
            " "
            {who}
            {badges}
            {kind}
            {new_mark}
            {score}
            {edited}
            {posts}
            {since}
        </header>
    }
    // Each part's type erased: the card's whole view type is otherwise deep enough to
    // overflow the compiler's query depth in some builds.
    .into_any();

    let body = match comment.rich.clone() {
        Some(blocks) => rich_text::blocks(&blocks, highlight),
        None => {
            let paragraphs: Vec<String> = comment.paragraphs().map(str::to_string).collect();
            paragraphs
                .into_iter()
                .map(|p| view! { <p>{text(p, highlight)}</p> })
                .collect_view()
                .into_any()
        }
    };

    // A content warning keeps the text in a native disclosure: it opens without the app,
    // and the browser's find-in-page can open it.
    let body = match comment.warning.clone() {
        None => view! { <div class="comment-body">{body}</div> }.into_any(),
        Some(warning) => view! {
            <details class="content-warning">
                <summary>
                    <span class="warning-label">"Content warning: "</span>
                    {warning}
                </summary>
                <div class="comment-body">{body}</div>
            </details>
        }
        .into_any(),
    };

    let missing = view! {
        <MissingReplies
            count=comment.missing_replies
            link=comment.url.clone().or_else(|| data.discussion.article.url.clone())
        />
    };

    let toggle = (has_children && !at_cap).then(|| {
        let count = words::replies(total);
        let text = {
            let count = count.clone();
            move || format!("{} {count}", if open.get() { "Hide" } else { "Show" })
        };
        let label = {
            let (text, author) = (text.clone(), author.clone());
            move || format!("{} to {author}", text())
        };
        view! {
            <button
                class="toggle"
                type="button"
                aria-expanded=move || open.get().to_string()
                aria-controls=format!("replies-{id}")
                aria-label=label
                on:click=move |_| store.toggle(id)
            >
                {text}
            </button>
        }
    });
    // Under the text, where the replies would be.
    let folded_summary = (has_children && !at_cap).then(|| {
        let count = words::replies(total);
        let data = data.clone();
        // Walks the whole branch, so only once it is folded.
        let hidden_by = move || {
            let names = distinct_authors(&data.discussion.comments, data.thread.subtree(index));
            format!(
                "{} from {}",
                count.replacen(' ', " hidden ", 1),
                words::names(&names, 5)
            )
        };
        view! {
            <Show when=move || !open.get()>
                <p class="folded-summary">{hidden_by.clone()}</p>
            </Show>
        }
    });

    // "Unfold everything below" matters only where there are replies to replies.
    let unfold_below = (!at_cap && total as usize > thread.children(index).len()).then(|| {
        let unfold = move |_| store.unfold_below(index);
        view! {
            <button
                class="unfold-below"
                type="button"
                aria-label=format!("Unfold all below comment {id} ({})", words::replies(total))
                on:click=unfold
            >
                "Unfold all below"
            </button>
        }
    });

    let continuation = (has_children && at_cap).then(|| {
        view! {
            <a class="continue" href=branch_href(id)>
                {format!("Continue this thread ({})", words::replies(total))}
            </a>
        }
    });

    let replies = {
        move || {
            (open.get() && !at_cap && has_children).then(|| {
                // The list's left gutter is the thread line: clicking it folds this comment.
                // Not a keyboard stop: the toggle button above does the same.
                view! {
                    <ol
                        class="replies"
                        id=format!("replies-{id}")
                        on:click=move |ev| {
                            if ev.target() == ev.current_target() {
                                store.toggle(id);
                            }
                        }
                    >
                        <CommentList parent=Some(index) depth=depth + 1 />
                    </ol>
                }
            })
        }
    };

    let actions = view! {
        <div class="comment-actions">
            {toggle}
            {unfold_below}
            {continuation}
            // On a phone the links around the comment wait behind "More", so a comment
            // without replies spends one line on its details; wider, they show in line
            // (style/main.css). Native, so it works without the app.
            <details class="more-actions">
                <summary aria-label=format!("More for comment {id}")>"More"</summary>
                <super::comment_nav::CommentNav index />
                {original}
            </details>
        </div>
    }
    .into_any();

    view! {
        <li
            class="comment"
            id=comment_anchor(id)
            tabindex="-1"
            data-depth=thread.depth(index)
            class:is-current=move || reader.current.get() == Some(id)
            class:is-new=is_new
            class:by-author=by_author
            class:search-hit=move || highlight.with(Option::is_some)
            class:search-miss=move || reader.is_searching() && highlight.with(Option::is_none)
            // Focus entering a comment (a click in its text, Tab to its buttons) makes it the
            // reader's place, so the keyboard acts on what the reader sees. Stopped here, or
            // every enclosing comment would claim it too.
            on:focusin=move |ev| {
                ev.stop_propagation();
                reader.current.set(Some(id));
            }
        >
            <div class="comment-card">
                {header}
                <super::comment_nav::ReplyContext index depth />
                {body}
                {folded_summary}
                {missing}
                {actions}
            </div>
            {replies}
        </li>
    }
    .into_any()
}
