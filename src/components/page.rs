use leptos::prelude::*;
use std::sync::Arc;
use web_sys::{ScrollIntoViewOptions, ScrollLogicalPosition};

use super::ThreadContext;
use super::discussion::Discussion;
use super::story::Story;
use crate::Loaded;
use crate::folds::Folds;
use crate::route::{Route, branch_root_depth, comment_anchor};
use crate::sort::SortOrder;
use crate::state::Reader;

/// A loaded discussion: the article, then the thread, following the URL fragment.
#[component]
pub fn Page(data: Arc<Loaded>) -> impl IntoView {
    let folds = Folds::new();
    let reader = Reader::new(SortOrder::from_query(
        &window().location().search().unwrap_or_default(),
    ));
    provide_context(ThreadContext {
        data: data.clone(),
        folds,
        reader,
    });
    document().set_title(&data.discussion.article.headline);

    let route = RwSignal::new(current_route());
    let listener =
        window_event_listener(leptos::ev::hashchange, move |_| route.set(current_route()));
    on_cleanup(move || listener.remove());

    // The comment a view starts from: None for the whole discussion, or the root of a
    // branch, for "continue this thread" and for links to comments deeper than it reaches.
    let view_root = Memo::new({
        let data = data.clone();
        move |_| {
            let thread = &data.thread;
            match route.get() {
                Route::Full => None,
                Route::Branch(id) => thread.index_of(id),
                Route::Comment(id) => {
                    let i = thread.index_of(id)?;
                    let root_depth = branch_root_depth(thread.depth(i))?;
                    std::iter::once(i)
                        .chain(thread.ancestors(i))
                        .find(|&a| thread.depth(a) == root_depth)
                }
            }
        }
    });

    // A link to a comment unfolds whatever hides it, then brings it into view once drawn.
    Effect::new({
        let data = data.clone();
        move |_| {
            let Route::Comment(id) = route.get() else {
                return;
            };
            let Some(i) = data.thread.index_of(id) else {
                return;
            };
            let comments = &data.discussion.comments;
            folds.open_all(data.thread.ancestors(i).map(|a| comments[a].id));
            request_animation_frame(move || scroll_to_comment(id));
        }
    });

    let article = data.discussion.article.clone();
    view! {
        <Story article />
        <Discussion view_root />
    }
}

fn current_route() -> Route {
    Route::from_hash(&window().location().hash().unwrap_or_default())
}

fn scroll_to_comment(id: u64) {
    if let Some(element) = document().get_element_by_id(&comment_anchor(id)) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Start);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
