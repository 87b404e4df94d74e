//! What the reader is doing, beyond folds: one `Copy` bundle of signals.

use leptos::prelude::*;
use std::collections::HashMap;

use threadview_core::CommentId;
use threadview_core::limits::PAGE;
use threadview_core::sort::SortOrder;
use threadview_core::url::Route;

#[derive(Clone, Copy)]
pub struct Reader {
    /// What the URL fragment asks for: the whole thread, a comment, or a branch.
    pub route: RwSignal<Route>,
    /// The comment the reader is on: reached by a link, the keyboard or the overview.
    pub current: RwSignal<Option<CommentId>>,
    /// An author whose comments are highlighted.
    pub author: RwSignal<Option<String>>,
    /// The search text; empty when not searching.
    pub query: RwSignal<String>,
    pub sort: RwSignal<SortOrder>,
    pub help_open: RwSignal<bool>,
    /// Between the browser's `beforeprint` and `afterprint`.
    pub printing: RwSignal<bool>,
    /// Whether going to a comment also moves focus there. Search steps through matches
    /// without taking focus out of the search field.
    pub focus_on_arrival: StoredValue<bool>,
    /// How many siblings each long list shows, by parent id (None: the top level), when
    /// more than the first page has been asked for.
    shown: RwSignal<HashMap<Option<CommentId>, usize>>,
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
            printing: RwSignal::new(false),
            focus_on_arrival: StoredValue::new(true),
            shown: RwSignal::new(HashMap::new()),
        }
    }

    pub fn shown_of(self, parent: Option<CommentId>) -> usize {
        self.shown.with(|s| s.get(&parent).copied()).unwrap_or(PAGE)
    }

    pub fn show_more(self, parent: Option<CommentId>, more: usize) {
        let now = self.shown_of_untracked(parent);
        self.shown.update(|s| {
            s.insert(parent, now + more);
        });
    }

    /// Makes sure the sibling at `position` under `parent` is drawn.
    pub fn reveal(self, parent: Option<CommentId>, position: usize) {
        let now = self.shown_of_untracked(parent);
        if position >= now {
            self.show_more(parent, position + 1 - now);
        }
    }

    pub fn shown_of_untracked(self, parent: Option<CommentId>) -> usize {
        self.shown
            .with_untracked(|s| s.get(&parent).copied())
            .unwrap_or(PAGE)
    }

    pub fn is_searching(self) -> bool {
        self.query.with(|q| !q.trim().is_empty())
    }
}
