use leptos::prelude::*;
use std::sync::Arc;

use threadview_core::Loaded;
use threadview_core::head::Head;

use super::discussion::Discussion;
use super::overview::Overview;
use super::participants::Participants;
use super::shortcuts::Shortcuts;
use super::story::Story;
use crate::browser::{self, address, last_visit, saved_folds};
use crate::state::{Store, use_store};
use crate::takeover;

/// A loaded discussion in the browser: [`Reading`], with the store set up from the
/// address, the saved folds and the last visit, and the browser glue wired to it.
#[component]
pub fn Page(data: Arc<Loaded>) -> impl IntoView {
    let page = address::page_key();
    let saved = saved_folds::load(&page, &data);
    takeover::set_head(&Head::of(&data.discussion.article));
    let since = last_visit::arrive(&page);
    let store =
        Store::new(data, address::route(), address::sort_order(), saved).with_last_visit(since);
    provide_context(store);
    browser::wire(store, &page);
    view! { <Reading /> }
}

/// What the page shows for a loaded discussion, without the browser glue of [`Page`]:
/// the app draws it, and the build prerenders it.
#[component]
pub fn Reading() -> impl IntoView {
    let article = use_store().data().discussion.article.clone();
    view! {
        <Story article />
        <Participants />
        <Overview />
        <Discussion />
        <Shortcuts />
    }
}
