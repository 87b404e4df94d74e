//! What the reader is doing, beyond folds: shared by the comments, the toolbar, the
//! overview and the keyboard. One `Copy` bundle of signals, provided as context.

use leptos::prelude::*;

use crate::route::Route;
use crate::sort::SortOrder;

#[derive(Clone, Copy)]
pub struct Reader {
    /// What the URL fragment asks for: the whole thread, a comment, or a branch.
    pub route: RwSignal<Route>,
    /// The comment the reader is on: reached by a link, the keyboard or the overview.
    pub current: RwSignal<Option<u64>>,
    /// An author whose comments are highlighted.
    pub author: RwSignal<Option<String>>,
    /// The search text; empty when not searching.
    pub query: RwSignal<String>,
    pub sort: RwSignal<SortOrder>,
    pub help_open: RwSignal<bool>,
}

impl Reader {
    pub fn new(route: Route, sort: SortOrder) -> Self {
        Self {
            route: RwSignal::new(route),
            current: RwSignal::new(None),
            author: RwSignal::new(None),
            query: RwSignal::new(String::new()),
            sort: RwSignal::new(sort),
            help_open: RwSignal::new(false),
        }
    }

    pub fn is_searching(self) -> bool {
        self.query.with(|q| !q.trim().is_empty())
    }
}
