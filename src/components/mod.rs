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

/// What every comment needs: the loaded discussion and the fold store.
#[derive(Clone)]
pub struct ThreadContext {
    pub data: Arc<Loaded>,
    pub folds: Folds,
}
