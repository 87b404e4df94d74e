//! Tools for the whole discussion: fold everything, order, search, shortcuts.

use leptos::prelude::*;

use threadview_core::CommentId;
use threadview_core::sort::SortOrder;

use crate::state::{Store, use_store};

#[component]
pub fn Toolbar() -> impl IntoView {
    let store = use_store();
    let reader = store.reader;

    view! {
        <div class="toolbar">
            <div class="tool-group" role="group" aria-label="Folding">
                <button type="button" on:click=move |_| store.expand_all()>
                    "Expand all"
                </button>
                <button type="button" on:click=move |_| store.collapse_all()>
                    "Collapse all"
                </button>
                <button
                    type="button"
                    class="reset-folds"
                    title="Forget the folds saved in this browser and go back to the first view"
                    on:click=move |_| store.folds.reset()
                >
                    "Reset saved folds"
                </button>
            </div>
            <SortChoice store />
            <NewSince store />
            <Search />
            <button
                type="button"
                class="shortcuts-button"
                aria-haspopup="dialog"
                on:click=move |_| reader.help_open.set(true)
            >
                "Keyboard shortcuts "
                <kbd>"?"</kbd>
            </button>
        </div>
    }
}

/// The order of sibling comments, kept in the URL query so a shared link keeps it.
#[component]
fn SortChoice(store: Store) -> impl IntoView {
    let data = store.data();
    let comments = &data.discussion.comments;
    let options = SortOrder::available(comments)
        .into_iter()
        .map(|order| {
            view! {
                <option value=order.key() selected=move || store.reader.sort.get() == order>
                    {order.label_for(comments)}
                </option>
            }
        })
        .collect_view();
    let change = move |ev| {
        store.sort(SortOrder::from_key(&event_target_value(&ev)).unwrap_or_default());
    };
    view! {
        <label class="sort">
            "Order "
            <select on:change=change>{options}</select>
        </label>
    }
}

/// On a return visit: how many comments are new since, and a way from one to the next.
#[component]
fn NewSince(store: Store) -> impl IntoView {
    store.is_return_visit().then(|| {
        let count = store.new_comments().len();
        let status = match count {
            0 => "No new comments since your last visit".to_string(),
            1 => "1 new comment since your last visit".to_string(),
            n => format!("{n} new comments since your last visit"),
        };
        let next = (count > 0).then(|| {
            view! {
                <button
                    type="button"
                    aria-keyshortcuts="n"
                    on:click=move |_| store.next_new()
                >
                    "Next new "
                    <kbd>"n"</kbd>
                </button>
            }
        });
        view! {
            <div class="tool-group new-since" role="group" aria-label="New comments">
                <span class="new-count">{status}</span>
                {next}
            </div>
        }
    })
}

/// Finds text in every comment, folded ones included, and steps through the matches.
#[component]
fn Search() -> impl IntoView {
    let store = use_store();
    let reader = store.reader;
    let matches = Memo::new(move |_| {
        store.matches.with(|m| {
            m.iter()
                .map(|&i| store.id_of(i))
                .collect::<Vec<CommentId>>()
        })
    });
    let at = RwSignal::new(None::<usize>);
    let step = move |forward: bool| {
        let ids = matches.get_untracked();
        if ids.is_empty() {
            return;
        }
        let next = match (at.get_untracked(), forward) {
            (None, true) => 0,
            (None, false) => ids.len() - 1,
            (Some(i), true) => (i + 1) % ids.len(),
            (Some(i), false) => (i + ids.len() - 1) % ids.len(),
        };
        at.set(Some(next));
        store.show(ids[next]);
    };
    let status = move || {
        let n = matches.with(Vec::len);
        match (reader.is_searching(), n, at.get()) {
            (false, _, _) => String::new(),
            (true, 0, _) => "No matches".to_string(),
            (true, 1, _) => "1 match".to_string(),
            (true, n, Some(i)) if i < n => format!("{} of {n} matches", i + 1),
            (true, n, _) => format!("{n} matches"),
        }
    };
    let no_matches = move || matches.with(Vec::is_empty);
    view! {
        <search class="search">
            <label for="comment-search">"Search comments"</label>
            <input
                id="comment-search"
                type="search"
                autocomplete="off"
                prop:value=move || reader.query.get()
                on:input=move |ev| {
                    at.set(None);
                    store.search(event_target_value(&ev));
                }
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        step(!ev.shift_key());
                    }
                }
            />
            <span class="search-status" role="status">{status}</span>
            <button type="button" disabled=no_matches on:click=move |_| step(false)>
                "Previous match"
            </button>
            <button type="button" disabled=no_matches on:click=move |_| step(true)>
                "Next match"
            </button>
        </search>
    }
}
