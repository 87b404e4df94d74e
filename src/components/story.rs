use leptos::prelude::*;

use threadview_core::data::{Article, Block};

/// The news article the discussion is about.
#[component]
pub fn Story(article: Article) -> impl IntoView {
    let blocks = article
        .body
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(text) => view! { <p>{text}</p> }.into_any(),
            Block::Subheading(text) => view! { <h2 class="subheading">{text}</h2> }.into_any(),
        })
        .collect_view();
    let notice = article.notice.map(|notice| {
        view! {
            <footer class="story-notice">
                <p>{notice}</p>
            </footer>
        }
    });
    view! {
        <article class="story">
            <h1>{article.headline}</h1>
            {blocks}
            {notice}
        </article>
    }
}
