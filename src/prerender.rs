//! The page for a discussion as static HTML, rendered at build time by the components the
//! app uses (Leptos's `ssr` renderer, in a native build): readable before the wasm
//! arrives, without JavaScript, and by link previews. `cargo xtask dist` writes it into
//! `dist/index.html` with the `prerender` binary.
//!
//! Leptos escapes every text and attribute it renders; the tags added to `<head>` here
//! escape theirs with [`escape`].

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use std::sync::Arc;

use crate::Loaded;
use crate::components::{Frame, PRERENDERED_ID, Reading, ThreadContext};
use crate::data::Block;
use crate::route::Route;
use crate::sort::SortOrder;

/// What a link preview shows of the article, at most.
const DESCRIPTION_CHARS: usize = 200;

/// The first view of the page, as the app would first draw it for a reader arriving
/// without a `#comment` link or saved folds.
pub fn body(data: Arc<Loaded>) -> String {
    // Effects are spawned as tasks; a page rendered once, synchronously, never runs them.
    let _ = any_spawner::Executor::init_custom_executor(NoTasks);
    let owner = Owner::new();
    owner.with(|| {
        provide_context(ThreadContext::new(data, Route::Full, SortOrder::default()));
        let view_root = Memo::new(|_| None);
        view! {
            <Frame>
                <Reading view_root />
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

/// `index` (Trunk's page) with the prerendered page in its body, and the article's title,
/// description and preview tags in its head.
pub fn into_index(index: &str, data: Arc<Loaded>) -> Result<String, String> {
    let article = &data.discussion.article;
    let title = escape(&article.headline);
    let description = escape(&description(&data));
    let head = format!(
        "<title>{title}</title>\n    \
         <meta name=\"description\" content=\"{description}\" />\n    \
         <meta property=\"og:type\" content=\"article\" />\n    \
         <meta property=\"og:title\" content=\"{title}\" />\n    \
         <meta property=\"og:description\" content=\"{description}\" />\n    \
         <meta name=\"twitter:card\" content=\"summary\" />\n    \
         <meta name=\"twitter:title\" content=\"{title}\" />\n    \
         <meta name=\"twitter:description\" content=\"{description}\" />"
    );
    let noscript = "<noscript><p class=\"noscript\">Folding replies and the reading tools \
                    need JavaScript; the discussion is all here to read.</p></noscript>";
    let page = format!(
        "<div id=\"{PRERENDERED_ID}\" class=\"prerendered\">{}</div>",
        body(data.clone())
    );
    let index = replace_once(index, "<title>threadview</title>", &head)?;
    let start = index
        .find("<noscript>")
        .ok_or("index.html has no <noscript> line to replace")?;
    let end = index[start..]
        .find("</noscript>")
        .map(|e| start + e + "</noscript>".len())
        .ok_or("index.html's <noscript> is not closed")?;
    Ok(format!(
        "{}{noscript}\n    {page}{}",
        &index[..start],
        &index[end..]
    ))
}

/// The article's first paragraph, cut at a word near [`DESCRIPTION_CHARS`].
fn description(data: &Loaded) -> String {
    let first = data
        .discussion
        .article
        .body
        .iter()
        .find_map(|block| match block {
            Block::Paragraph(text) => Some(text.as_str()),
            Block::Subheading(_) => None,
        });
    let text = first.unwrap_or(&data.discussion.article.headline);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text;
    }
    let cut: String = text.chars().take(DESCRIPTION_CHARS).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(words, _)| words);
    format!("{cut}…")
}

fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    if !text.contains(from) {
        return Err(format!("index.html has no {from}"));
    }
    Ok(text.replacen(from, to, 1))
}

/// Text for an HTML attribute value in double quotes, or for element content.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
