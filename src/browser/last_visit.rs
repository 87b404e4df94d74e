//! "New since your last visit": when the reader last opened this page, kept in
//! localStorage per page and data file (`threadview_core::visits` decides what counts).

use leptos::prelude::*;

use threadview_core::visits::Visit;

fn key(page: &str) -> String {
    format!("threadview:visit:{page}")
}

/// Records this open, and returns the time comments count as new from: None on a first
/// visit, or where storage is disabled or holds something that is not a visit.
pub fn arrive(page: &str) -> Option<i64> {
    let storage = window().local_storage().ok().flatten()?;
    let key = key(page);
    let kept = storage
        .get_item(&key)
        .ok()
        .flatten()
        .and_then(|text| Visit::decode(&text));
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let visit = Visit::arrive(kept, now);
    // Storage can be full or disabled; the page works the same without it.
    let _ = storage.set_item(&key, &visit.encode());
    visit.since
}
