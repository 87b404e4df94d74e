//! The page for a discussion as static HTML, rendered at build time by the components the
//! app uses (Leptos's `ssr` renderer, in a native build): readable before the wasm
//! arrives, without JavaScript, and by link previews. `cargo xtask dist` writes it into
//! `dist/index.html` with the `prerender` binary. The handover to the app is
//! `src/takeover.rs`.
//!
//! Leptos escapes every text and attribute it renders; the head tags are escaped by
//! [`takeover::head_html`], and Trunk's page is rewritten with `lol_html`, not by string
//! search.

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};
use std::cell::Cell;
use std::sync::Arc;

use threadview_core::Loaded;
use threadview_core::head::Head;
use threadview_core::sort::SortOrder;
use threadview_core::url::Route;

use crate::components::{Frame, Reading};
use crate::state::Store;
use crate::takeover::{self, PRERENDERED_ID, RenderMode};

pub use threadview_core::head::escape;

/// The first view of the page, as the app would first draw it for a reader arriving
/// without a `#comment` link or saved folds.
pub fn body(data: Arc<Loaded>) -> String {
    // Effects are spawned as tasks; a page rendered once, synchronously, never runs them.
    let _ = any_spawner::Executor::init_custom_executor(NoTasks);
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RenderMode::Prerender);
        provide_context(Store::new(data, Route::Full, SortOrder::default(), None));
        view! {
            <Frame>
                <Reading />
            </Frame>
        }
        .to_html()
    })
}

struct NoTasks;

impl any_spawner::CustomExecutor for NoTasks {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

const NOSCRIPT: &str = "<noscript><p class=\"noscript\">Folding replies and the reading tools \
                        need JavaScript; the discussion is all here to read.</p></noscript>";

/// `index` (Trunk's page) with the prerendered page in its body, in place of its
/// `<noscript>` line, and the article's title, description and preview tags in its head.
pub fn into_index(index: &str, data: Arc<Loaded>) -> Result<String, String> {
    let head = takeover::head_html(&Head::of(&data.discussion.article));
    let page = format!(
        "{NOSCRIPT}\n    <div id=\"{PRERENDERED_ID}\" class=\"prerendered\">{}</div>",
        body(data)
    );
    let (titled, placed) = (Cell::new(false), Cell::new(false));
    let html = rewrite_str(
        index,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("head > title", |title| {
                title.replace(&head, ContentType::Html);
                titled.set(true);
                Ok(())
            }))
            .append_element_content_handler(element!("body > noscript", |noscript| {
                if !placed.replace(true) {
                    noscript.replace(&page, ContentType::Html);
                }
                Ok(())
            })),
    )
    .map_err(|e| format!("index.html could not be rewritten: {e}"))?;
    match (titled.get(), placed.get()) {
        (true, true) => Ok(html),
        (false, _) => Err("index.html has no <title> in its <head> to replace".to_string()),
        (_, false) => Err("index.html has no <noscript> line in its <body> to replace".to_string()),
    }
}
