//! Tools for the whole discussion: fold everything, order, search, shortcuts.

use leptos::prelude::*;

use super::ThreadContext;
use crate::sort::{SortOrder, query_with_sort};

#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = expect_context::<ThreadContext>();
    let (folds, reader) = (ctx.folds, ctx.reader);
    let foldable = ctx.foldable_ids();

    view! {
        <div class="toolbar">
            <div class="tool-group" role="group" aria-label="Folding">
                <button type="button" on:click=move |_| ctx.expand_all()>
                    "Expand all"
                </button>
                <button type="button" on:click=move |_| folds.fold_all(foldable.clone())>
                    "Collapse all"
                </button>
                <button
                    type="button"
                    class="reset-folds"
                    title="Forget the folds saved in this browser and go back to the first view"
                    on:click=move |_| folds.reset()
                >
                    "Reset saved folds"
                </button>
            </div>
            <SortChoice reader />
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
fn SortChoice(reader: crate::state::Reader) -> impl IntoView {
    let options = SortOrder::ALL
        .into_iter()
        .map(|order| {
            view! {
                <option value=order.key() selected=move || reader.sort.get() == order>
                    {order.label()}
                </option>
            }
        })
        .collect_view();
    let change = move |ev| {
        let order = SortOrder::from_key(&event_target_value(&ev)).unwrap_or_default();
        reader.sort.set(order);
        let location = window().location();
        let url = format!(
            "{}{}{}",
            location.pathname().unwrap_or_default(),
            query_with_sort(&location.search().unwrap_or_default(), order),
            location.hash().unwrap_or_default()
        );
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    };
    view! {
        <label class="sort">
            "Order "
            <select on:change=change>{options}</select>
        </label>
    }
}

/// Finds text in every comment, folded ones included, and steps through the matches.
#[component]
fn Search() -> impl IntoView {
    let ctx = expect_context::<ThreadContext>();
    let reader = ctx.reader;
    let matches = Memo::new({
        let (data, found) = (ctx.data.clone(), ctx.matches);
        move |_| {
            found.with(|m| {
                m.iter()
                    .map(|&i| data.discussion.comments[i].id)
                    .collect::<Vec<u64>>()
            })
        }
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
        ctx.show(ids[next]);
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
    let (step_back, step_on) = (step.clone(), step.clone());
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
                    reader.query.set(event_target_value(&ev));
                }
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        step(!ev.shift_key());
                    }
                }
            />
            <span class="search-status" role="status">{status}</span>
            <button type="button" disabled=no_matches on:click=move |_| step_back(false)>
                "Previous match"
            </button>
            <button type="button" disabled=no_matches on:click=move |_| step_on(true)>
                "Next match"
            </button>
        </search>
    }
}
