use leptos::prelude::*;
use threadview_core::words;

use super::rich_text::LINK_REL;

/// Replies the original site has and the file does not: said, and linked to where known.
#[component]
pub fn MissingReplies(count: u64, link: Option<String>) -> impl IntoView {
    (count > 0).then(|| {
        let link = link.map(|href| {
            view! {
                ": "
                <a href=href rel=LINK_REL>
                    "read them on the original site"
                </a>
            }
        });
        view! { <p class="missing-replies">{words::missing(count)} {link}</p> }
    })
}
