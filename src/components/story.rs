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
    // Format 2: who, when, and where the discussion comes from.
    let author = article
        .author
        .map(|author| view! { <span class="story-author">{format!("By {author}")}</span> " " });
    let time = article
        .time
        .map(|time| view! { <time datetime=time.rfc3339()>{time.display()}</time> " " });
    let source = article.url.map(|url| {
        let site = article
            .site
            .clone()
            .unwrap_or_else(|| "the original site".to_string());
        view! {
            <a class="story-source" href=url rel=super::rich_text::LINK_REL>
                {format!("The discussion on {site}")}
            </a>
        }
    });
    let byline = (author.is_some() || time.is_some() || source.is_some())
        .then(|| view! { <p class="story-byline">{author} {time} {source}</p> });
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
            {byline}
            {blocks}
            {notice}
        </article>
    }
}
