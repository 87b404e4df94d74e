//! The browser glue: what talks to the page outside the reactive system. The address,
//! focus and scrolling, saved folds, the last visit, and the listeners and effects of a loaded page
//! ([`wire`]). In the native build (the prerender and native tests) the functions the
//! store calls do nothing, or run at once.

pub mod address;
pub mod focus;
pub mod last_visit;
pub mod saved_folds;

use leptos::prelude::*;
use threadview_core::url::Route;
use wasm_bindgen::JsCast;

use crate::state::Store;

/// Runs `f` in the next frame in the browser; at once in the native build.
pub fn next_frame(f: impl FnOnce() + 'static) {
    if cfg!(target_arch = "wasm32") {
        request_animation_frame(f);
    } else {
        f();
    }
}

/// What a loaded page listens to and does in the browser: the address, printing, saving
/// folds, and scrolling to the comment the reader goes to.
pub fn wire(store: Store, page: &str) {
    let reader = store.reader;
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| {
        store.visit(address::route())
    });
    // A link to the fragment the address already has fires no hashchange (the keyboard
    // and search keep the address on the current comment): go there all the same.
    let same_hash = window_event_listener(leptos::ev::click, move |ev| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a[href^='#comment-']").ok().flatten());
        let href = link.and_then(|a| a.get_attribute("href"));
        let here = window().location().hash().unwrap_or_default();
        if let Some(Route::Comment(id)) = href.filter(|h| *h == here).map(|h| Route::from_hash(&h))
        {
            ev.prevent_default();
            store.go_to(id);
        }
    });
    // Folded replies are not in the page: while printing, everything is held open.
    let before_print =
        window_event_listener(leptos::ev::beforeprint, move |_| reader.printing.set(true));
    let after_print =
        window_event_listener(leptos::ev::afterprint, move |_| reader.printing.set(false));
    on_cleanup(move || {
        hashchange.remove();
        same_hash.remove();
        before_print.remove();
        after_print.remove();
    });

    saved_folds::keep(page, store.folds);

    // A link to a comment scrolls to it and focuses it once it is drawn.
    Effect::new(move |before: Option<()>| {
        // On arrival the browser has already scrolled a prerendered page to the comment.
        let arriving = before.is_none();
        match reader.route.get() {
            Route::Comment(id) => {
                // Links and the keyboard move focus to the comment; only `show` leaves it.
                let focus = reader.focus_on_arrival.get_value();
                reader.focus_on_arrival.set_value(true);
                request_animation_frame(move || focus::comment(id, focus, arriving));
            }
            Route::Branch(_) => request_animation_frame(focus::branch_start),
            Route::Full => {}
        }
    });
}
