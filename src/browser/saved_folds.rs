//! Folds survive a reload: kept in localStorage per page and data file. A saved state
//! that no longer fits the data is ignored.

use leptos::prelude::*;
use std::collections::HashSet;

use threadview_core::{CommentId, Loaded, folds};

use crate::state::Folds;

fn key(page: &str) -> String {
    format!("threadview:folds:{page}")
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The folds saved for `page` that still name comments of `data`.
pub fn load(page: &str, data: &Loaded) -> Option<HashSet<CommentId>> {
    let saved = storage()?.get_item(&key(page)).ok().flatten()?;
    Some(folds::decode(&saved, |id| {
        data.thread.index_of(id).is_some()
    }))
}

/// Saves the reader's folds whenever they change. What search, printing and links hold
/// open is not a fold, so it is never saved.
pub fn keep(page: &str, folds: Folds) {
    let (key, Some(storage)) = (key(page), storage()) else {
        return;
    };
    Effect::new(move |_| {
        let folded = folds.tracked();
        // Storage can be full or disabled; the page works the same without it.
        let _ = if folded.is_empty() {
            storage.remove_item(&key)
        } else {
            storage.set_item(&key, &folds::encode(&folded))
        };
    });
}
