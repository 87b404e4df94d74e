use leptos::prelude::*;
use std::collections::HashMap;

use threadview_core::limits::PARTICIPANTS_SHOWN;
use threadview_core::participants::{count_by_author, status};

use crate::state::use_store;
use crate::takeover::is_prerendering;

/// Who takes part and how often; pressing a name highlights that author's comments.
#[component]
pub fn Participants() -> impl IntoView {
    let store = use_store();
    let (data, reader) = (store.data(), store.reader);
    let counts: Vec<(String, usize)> =
        count_by_author(&data.discussion.comments, data.thread.display_order())
            .into_iter()
            .map(|(author, n)| (author.to_string(), n))
            .collect();
    let heading = format!("Participants ({})", counts.len());
    let lookup: HashMap<String, usize> = counts.iter().cloned().collect();
    // A selector, so that pressing a name updates two buttons, not every one.
    let selected = Selector::new(move || reader.author.get());

    let total = counts.len();
    let show_all = RwSignal::new(false);
    let item = move |(author, n): (String, usize)| {
        let key = Some(author.clone());
        let selected = selected.clone();
        let pressed = move || selected.selected(&key).to_string();
        let name = author.clone();
        let press = move |_| {
            reader.author.update(|current| {
                *current = match current {
                    Some(a) if *a == name => None,
                    _ => Some(name.clone()),
                }
            })
        };
        view! {
            <li>
                <button
                    type="button"
                    class="participant"
                    aria-pressed=pressed
                    disabled=is_prerendering()
                    on:click=press
                >
                    {author}
                    " "
                    <span class="count">{n}</span>
                </button>
            </li>
        }
    };
    let items = move || {
        let shown = if show_all.get() {
            total
        } else {
            PARTICIPANTS_SHOWN
        };
        counts
            .iter()
            .take(shown)
            .cloned()
            .map(item.clone())
            .collect_view()
    };
    let more = (total > PARTICIPANTS_SHOWN).then(|| {
        view! {
            <button
                type="button"
                class="all-participants"
                aria-expanded=move || show_all.get().to_string()
                on:click=move |_| show_all.update(|all| *all = !*all)
            >
                {move || {
                    if show_all.get() {
                        format!("Show the first {PARTICIPANTS_SHOWN}")
                    } else {
                        format!("Show all {total}")
                    }
                }}
            </button>
        }
    });

    // Always in the page, so that screen readers announce each change of text.
    let status_text = move || {
        reader.author.with(|a| {
            a.as_deref()
                .map(|a| status(a, lookup.get(a).copied().unwrap_or(0)))
                .unwrap_or_default()
        })
    };

    view! {
        <section class="participants" aria-labelledby="participants-title">
            <h2 id="participants-title">{heading}</h2>
            <ul>{items}</ul>
            {more}
            <p class="author-status" role="status">{status_text}</p>
        </section>
    }
}
