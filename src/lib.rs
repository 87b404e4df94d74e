//! threadview's browser app: the components, the one store they share, the browser glue
//! and the handover from the prerendered page. The logic they draw on is the
//! `threadview_core` crate (`core/`), which has no browser in it.
//!
//! - [`components`]: one component per file; they read the store and call its methods;
//! - [`state`]: the store (the folds, what the reader is doing, derived memos, the
//!   controller methods);
//! - [`browser`]: the address, focus and scrolling, saved folds, listeners;
//! - [`takeover`]: the render mode, the hidden mount, the swap and the head tags;
//! - [`api`]: fetching the discussion file;
//! - `prerender` (native only): the page as HTML at build time.

// A comment's view is a deep type even with its parts erased (`.into_any()`); a fresh
// native build of the whole workspace overflowed the default query depth once.
#![recursion_limit = "256"]

pub mod api;
pub mod browser;
pub mod components;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod state;
pub mod takeover;
