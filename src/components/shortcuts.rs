//! Keyboard shortcuts (see `crate::keys`) and the dialog that lists them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, KeyboardEvent};

use threadview_core::CommentId;
use threadview_core::keys::{self, Action};

use crate::state::{Store, use_store};
use crate::takeover::is_prerendering;

#[component]
pub fn Shortcuts() -> impl IntoView {
    let store = use_store();
    let reader = store.reader;
    let dialog = NodeRef::<leptos::html::Dialog>::new();

    // Keys belong to the browser; a page prerendered at build time has none.
    if !is_prerendering() {
        let listener = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
            let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
            let typing = target.as_ref().is_some_and(|t| {
                let editable = t
                    .dyn_ref::<web_sys::HtmlElement>()
                    .is_some_and(|h| h.is_content_editable());
                keys::is_text_field(&t.tag_name(), editable)
            });
            let on_comment = target
                .as_ref()
                .is_some_and(|t| t.class_list().contains("comment"));
            // While the dialog is open, focus is inside it (it is modal). Asked of the page,
            // not of `help_open`, so a key pressed the moment it closes already counts.
            let in_dialog = target
                .as_ref()
                .is_some_and(|t| t.closest("dialog[open]").ok().flatten().is_some());
            let modifier = ev.ctrl_key() || ev.alt_key() || ev.meta_key();
            if typing || in_dialog {
                return;
            }
            let Some(action) = keys::action(&ev.key(), modifier, on_comment) else {
                return;
            };
            ev.prevent_default();
            run(store, action);
        });
        on_cleanup(move || listener.remove());
    }

    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else {
            return;
        };
        let dialog: &HtmlDialogElement = &dialog;
        if reader.help_open.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });

    let rows = keys::HELP
        .iter()
        .map(|(key, what)| {
            view! {
                <tr>
                    <th scope="row">
                        <kbd>{*key}</kbd>
                    </th>
                    <td>{*what}</td>
                </tr>
            }
        })
        .collect_view();
    // The dialog's own Escape handling closes it; "cancel" (at once, on Escape) and
    // "close" keep the signal in step. "close" comes a task after the dialog closed, so
    // it may follow a reopening: it counts only if the dialog is still closed.
    view! {
        <dialog
            class="shortcuts"
            aria-labelledby="shortcuts-title"
            node_ref=dialog
            on:cancel=move |_: web_sys::Event| reader.help_open.set(false)
            on:close=move |_| {
                if dialog.get_untracked().is_none_or(|d| !d.open()) {
                    reader.help_open.set(false);
                }
            }
        >
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <table>
                <tbody>{rows}</tbody>
            </table>
            <p>"Shortcuts do nothing while you type in a field."</p>
            <button type="button" on:click=move |_| reader.help_open.set(false)>
                "Close"
            </button>
        </dialog>
    }
}

fn run(store: Store, action: Action) {
    let reader = store.reader;
    let current = reader.current.get_untracked();
    let data = store.data();
    let thread = &data.thread;
    match action {
        Action::NextComment => step(store, "li.comment", current, 1),
        Action::PreviousComment => step(store, "li.comment", current, -1),
        Action::NextTopLevel => step(
            store,
            "ol.thread > li.comment",
            top_level(store, current),
            1,
        ),
        Action::PreviousTopLevel => step(
            store,
            "ol.thread > li.comment",
            top_level(store, current),
            -1,
        ),
        Action::NextNew => store.next_new(),
        Action::Parent => {
            let parent = current
                .and_then(|id| thread.index_of(id))
                .and_then(|i| thread.parent(i));
            if let Some(p) = parent {
                store.go_to(store.id_of(p));
            }
        }
        Action::Toggle => {
            let has_replies = current
                .and_then(|id| thread.index_of(id))
                .is_some_and(|i| !thread.children(i).is_empty());
            if let (Some(id), true) = (current, has_replies) {
                store.toggle(id);
            }
        }
        Action::Help => reader.help_open.set(true),
        Action::Close => reader.current.set(None),
    }
}

/// The top-level comment that holds `current`, for Shift+J and Shift+K.
fn top_level(store: Store, current: Option<CommentId>) -> Option<CommentId> {
    let data = store.data();
    let thread = &data.thread;
    let i = thread.index_of(current?)?;
    let top = thread.ancestors(i).last().unwrap_or(i);
    Some(store.id_of(top))
}

/// Moves to the next or previous comment on screen among those `selector` finds: what is
/// folded is not on screen, so it is skipped, as the reader expects.
fn step(store: Store, selector: &str, from: Option<CommentId>, by: isize) {
    let Ok(list) = document().query_selector_all(selector) else {
        return;
    };
    let ids: Vec<CommentId> = (0..list.length())
        .filter_map(|n| list.item(n)?.dyn_into::<Element>().ok())
        .filter_map(|e| e.id().strip_prefix("comment-")?.parse().ok())
        .collect();
    let target = match from.and_then(|id| ids.iter().position(|&x| x == id)) {
        Some(at) => at.checked_add_signed(by).and_then(|n| ids.get(n)),
        None if by > 0 => ids.first(),
        None => ids.last(),
    };
    if let Some(&id) = target {
        store.go_to(id);
    }
}
