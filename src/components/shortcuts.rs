//! Keyboard shortcuts (see `crate::keys`) and the dialog that lists them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, KeyboardEvent};

use super::ThreadContext;
use crate::keys::{self, Action};

#[component]
pub fn Shortcuts() -> impl IntoView {
    let ctx = expect_context::<ThreadContext>();
    let reader = ctx.reader;
    let dialog = NodeRef::<leptos::html::Dialog>::new();

    // Keys belong to the browser; a page prerendered at build time has none.
    if cfg!(target_arch = "wasm32") {
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
            let modifier = ev.ctrl_key() || ev.alt_key() || ev.meta_key();
            if typing || reader.help_open.get_untracked() {
                return;
            }
            let Some(action) = keys::action(&ev.key(), modifier, on_comment) else {
                return;
            };
            ev.prevent_default();
            run(&ctx, action);
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
    // "close" keep the signal in step.
    view! {
        <dialog
            class="shortcuts"
            aria-labelledby="shortcuts-title"
            node_ref=dialog
            on:cancel=move |_: web_sys::Event| reader.help_open.set(false)
            on:close=move |_| reader.help_open.set(false)
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

fn run(ctx: &ThreadContext, action: Action) {
    let reader = ctx.reader;
    let current = reader.current.get_untracked();
    let thread = &ctx.data.thread;
    let comments = &ctx.data.discussion.comments;
    match action {
        Action::NextComment => step(ctx, "li.comment", current, 1),
        Action::PreviousComment => step(ctx, "li.comment", current, -1),
        Action::NextTopLevel => step(ctx, "ol.thread > li.comment", top_level(ctx, current), 1),
        Action::PreviousTopLevel => {
            step(ctx, "ol.thread > li.comment", top_level(ctx, current), -1)
        }
        Action::Parent => {
            let parent = current
                .and_then(|id| thread.index_of(id))
                .and_then(|i| thread.parent(i));
            if let Some(p) = parent {
                ctx.go_to(comments[p].id);
            }
        }
        Action::Toggle => {
            let has_replies = current
                .and_then(|id| thread.index_of(id))
                .is_some_and(|i| !thread.children(i).is_empty());
            if let (Some(id), true) = (current, has_replies) {
                ctx.toggle(id);
            }
        }
        Action::Help => reader.help_open.set(true),
        Action::Close => reader.current.set(None),
    }
}

/// The top-level comment that holds `current`, for Shift+J and Shift+K.
fn top_level(ctx: &ThreadContext, current: Option<u64>) -> Option<u64> {
    let thread = &ctx.data.thread;
    let i = thread.index_of(current?)?;
    let top = thread.ancestors(i).last().unwrap_or(i);
    Some(ctx.data.discussion.comments[top].id)
}

/// Moves to the next or previous comment on screen among those `selector` finds: what is
/// folded is not on screen, so it is skipped, as the reader expects.
fn step(ctx: &ThreadContext, selector: &str, from: Option<u64>, by: isize) {
    let Ok(list) = document().query_selector_all(selector) else {
        return;
    };
    let ids: Vec<u64> = (0..list.length())
        .filter_map(|n| list.item(n)?.dyn_into::<Element>().ok())
        .filter_map(|e| e.id().strip_prefix("comment-")?.parse().ok())
        .collect();
    let target = match from.and_then(|id| ids.iter().position(|&x| x == id)) {
        Some(at) => at.checked_add_signed(by).and_then(|n| ids.get(n)),
        None if by > 0 => ids.first(),
        None => ids.last(),
    };
    if let Some(&id) = target {
        ctx.go_to(id);
    }
}
