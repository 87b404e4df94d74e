//! The page, one component per file. They read the model; they hold no logic of their own
//! beyond what to show.

mod app;
mod comment;
mod discussion;
mod load_error;
mod page;
mod story;

pub use app::App;
pub use page::Page;

use std::sync::Arc;

use crate::Loaded;
use crate::folds::Folds;
use crate::state::Reader;

/// What every part of the page shares: the loaded discussion, the fold store and what
/// the reader is doing.
#[derive(Clone)]
pub struct ThreadContext {
    pub data: Arc<Loaded>,
    pub folds: Folds,
    pub reader: Reader,
}
