use leptos::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::ThreadContext;
use super::discussion::Discussion;
use super::overview::Overview;
use super::participants::Participants;
use super::shortcuts::Shortcuts;
use super::story::Story;
use crate::Loaded;
use crate::api;
use crate::folds;
use crate::route::{Route, branch_root_depth, comment_anchor};
use crate::sort::SortOrder;

/// A loaded discussion in the browser: [`Reading`], following the URL fragment, with
/// folds remembered and the keyboard, search and print wired up.
#[component]
pub fn Page(data: Arc<Loaded>) -> impl IntoView {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let ctx = ThreadContext::new(
        data.clone(),
        current_route(),
        SortOrder::from_query(&search),
    );
    let reader = ctx.reader;
    provide_context(ctx.clone());
    document().set_title(&data.discussion.article.headline);

    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        reader.route.set(current_route())
    });
    // A link to the fragment the address already has fires no hashchange (the keyboard
    // and search keep the address on the current comment): go there all the same.
    let same_hash = window_event_listener(leptos::ev::click, {
        let ctx = ctx.clone();
        move |ev| {
            let link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("a[href^='#comment-']").ok().flatten());
            let href = link.and_then(|a| a.get_attribute("href"));
            let here = window().location().hash().unwrap_or_default();
            if let Some(Route::Comment(id)) =
                href.filter(|h| *h == here).map(|h| Route::from_hash(&h))
            {
                ev.prevent_default();
                ctx.go_to(id);
            }
        }
    });
    on_cleanup(move || {
        listener.remove();
        same_hash.remove();
    });

    let data_url = api::data_url(&search).unwrap_or_default();
    remember_folds(
        &ctx,
        &format!("{}{data_url}", location.pathname().unwrap_or_default()),
    );
    unfold_search_matches(&ctx);
    unfold_for_printing(&ctx);
    follow_links(&ctx);

    // The comment a view starts from: None for the whole discussion, or the root of a
    // branch, for "continue this thread" and for links to comments deeper than it reaches.
    let view_root = Memo::new(move |_| {
        let thread = &data.thread;
        match reader.route.get() {
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
    });

    // First of the effects, so that links and focus act on the page the reader sees.
    Effect::new(|_| super::take_over_prerendered());
    view! { <Reading view_root /> }
}

/// What the page shows for a loaded discussion, without the browser glue of [`Page`]
/// (address, storage, listeners): the app draws it, and the build prerenders it.
#[component]
pub fn Reading(view_root: Memo<Option<usize>>) -> impl IntoView {
    let article = expect_context::<ThreadContext>()
        .data
        .discussion
        .article
        .clone();
    view! {
        <Story article />
        <Participants />
        <Overview />
        <Discussion view_root />
        <Shortcuts />
    }
}

fn current_route() -> Route {
    Route::from_hash(&window().location().hash().unwrap_or_default())
}

/// A link to a comment unfolds whatever hides it, marks it as the reader's place, then
/// scrolls to it and focuses it once it is drawn.
fn follow_links(ctx: &ThreadContext) {
    let ctx = ctx.clone();
    Effect::new(move |before: Option<()>| {
        // On arrival the browser has already scrolled a prerendered page to the comment.
        let arriving = before.is_none();
        let id = match ctx.reader.route.get() {
            Route::Comment(id) => id,
            // A branch replaces the list the reader was in: start them at its top.
            Route::Branch(_) => {
                request_animation_frame(focus_branch_start);
                return;
            }
            Route::Full => return,
        };
        let Some(i) = ctx.data.thread.index_of(id) else {
            return;
        };
        let (comments, thread) = (&ctx.data.discussion.comments, &ctx.data.thread);
        ctx.folds
            .open_all(thread.ancestors(i).map(|a| comments[a].id));
        // In a long list of siblings the comment, or one of its ancestors, may be on a
        // page not drawn yet.
        let arrangement = ctx.arrangement.get_untracked();
        for c in std::iter::once(i).chain(thread.ancestors(i)) {
            let parent = thread.parent(c).map(|p| comments[p].id);
            ctx.reader.reveal(parent, arrangement.position(c));
        }
        ctx.reader.current.set(Some(id));
        // Links and the keyboard move focus to the comment; only `show` leaves it alone.
        let focus = ctx.reader.focus_on_arrival.get_value();
        ctx.reader.focus_on_arrival.set_value(true);
        request_animation_frame(move || scroll_to_comment(id, focus, arriving));
    });
}

fn focus_branch_start() {
    if let Ok(Some(nav)) = document().query_selector(".branch-nav a") {
        nav.scroll_into_view();
        let _ = nav.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

fn scroll_to_comment(id: u64, focus: bool, arriving: bool) {
    let Some(element) = document().get_element_by_id(&comment_anchor(id)) else {
        return;
    };
    let top = element.get_bounding_client_rect().top();
    let screen = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    // A page that arrives with the comment on screen stays as the reader sees it.
    if !(arriving && (0.0..screen).contains(&top)) {
        // Cards off screen may have an estimated height (`content-visibility: auto`), so
        // a smooth scroll would aim at a place that moves as it goes. The comment is
        // reached at once, then set straight.
        scroll_to_top_of_screen(&element);
        set_straight(id, 3);
    }
    if focus {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element
            .unchecked_into::<web_sys::HtmlElement>()
            .focus_with_options(&options);
    }
}

fn scroll_to_top_of_screen(element: &web_sys::Element) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    options.set_behavior(ScrollBehavior::Instant);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// After a jump, the cards now on screen take their real height and the comment moves:
/// scroll to it again in each of the next few frames, too few to fight a reader's scroll.
fn set_straight(id: u64, frames: u32) {
    if frames == 0 {
        return;
    }
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&comment_anchor(id))
            && element.get_bounding_client_rect().top().abs() > 1.0
        {
            scroll_to_top_of_screen(&element);
        }
        set_straight(id, frames - 1);
    });
}

/// Folds survive a reload: kept in localStorage per page and data file. A saved state
/// that no longer fits the data is ignored. Temporary unfolds made by a search are not
/// saved.
fn remember_folds(ctx: &ThreadContext, discussion: &str) {
    let key = format!("threadview:folds:{discussion}");
    let storage = window().local_storage().ok().flatten();
    let Some(storage) = storage else {
        return;
    };
    if let Ok(Some(saved)) = storage.get_item(&key) {
        let thread = &ctx.data.thread;
        ctx.folds
            .restore(folds::decode(&saved, |id| thread.index_of(id).is_some()));
    }
    let (folds, reader) = (ctx.folds, ctx.reader);
    Effect::new(move |_| {
        let folded = folds.tracked();
        if reader.is_searching() {
            return;
        }
        // Storage can be full or disabled; the page works the same without it.
        let _ = if folded.is_empty() {
            storage.remove_item(&key)
        } else {
            storage.set_item(&key, &folds::encode(&folded))
        };
    });
}

/// Searching unfolds the ancestors of every match; clearing the search gives back the
/// folds the reader had before.
fn unfold_search_matches(ctx: &ThreadContext) {
    let ctx = ctx.clone();
    let before_search = StoredValue::new(None::<HashSet<u64>>);
    Effect::new(move |_| {
        let (comments, thread) = (&ctx.data.discussion.comments, &ctx.data.thread);
        if !ctx.reader.is_searching() {
            if let Some(folds) = before_search.write_value().take() {
                ctx.folds.restore(folds);
            }
            return;
        }
        if before_search.with_value(Option::is_none) {
            before_search.set_value(Some(ctx.folds.snapshot()));
        }
        let mut folded = before_search.with_value(|f| f.clone().unwrap_or_default());
        ctx.matches.with(|matches| {
            for &i in matches {
                for a in thread.ancestors(i) {
                    folded.remove(&comments[a].id);
                }
            }
        });
        ctx.folds.restore(folded);
    });
}

/// Folded replies are not in the page, so printing unfolds everything and folds it back.
fn unfold_for_printing(ctx: &ThreadContext) {
    let folds = ctx.folds;
    let before_print = StoredValue::new(None::<HashSet<u64>>);
    let before = window_event_listener(leptos::ev::beforeprint, move |_| {
        before_print.set_value(Some(folds.snapshot()));
        folds.restore(HashSet::new());
    });
    let after = window_event_listener(leptos::ev::afterprint, move |_| {
        if let Some(folded) = before_print.write_value().take() {
            folds.restore(folded);
        }
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}
