//! The page address in the browser: read from `location`, written with `history` so that
//! moving around adds no history entries. What the address means is decided in
//! `threadview_core::url`; this is only where it is read and written.

use leptos::prelude::*;
use threadview_core::sort::SortOrder;
use threadview_core::url::{self, RefusedDataUrl, Route};

fn query() -> String {
    window().location().search().unwrap_or_default()
}

/// What the fragment asks for.
pub fn route() -> Route {
    Route::from_hash(&window().location().hash().unwrap_or_default())
}

pub fn sort_order() -> SortOrder {
    url::sort_order(&query())
}

/// The data file `?data=` names, or the bundled one.
pub fn data_url() -> Result<String, RefusedDataUrl> {
    url::data_url(&query())
}

/// This page and its data file: what the reader's folds are saved under.
pub fn page_key() -> String {
    let path = window().location().pathname().unwrap_or_default();
    format!("{path}{}", data_url().unwrap_or_default())
}

/// Sets the fragment, such as `#comment-5`. Nothing outside the browser.
pub fn replace_hash(hash: &str) {
    replace(hash);
}

/// Rewrites the query with `change`, keeping the path and the fragment.
pub fn replace_query(change: impl FnOnce(&str) -> String) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    let location = window().location();
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        change(&query()),
        location.hash().unwrap_or_default()
    );
    replace(&url);
}

fn replace(url: &str) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}
