//! The page, one component per file. They read the store (`crate::state`) and call its
//! methods; they hold no logic of their own beyond what to show.

mod app;
mod comment;
mod comment_list;
mod comment_nav;
mod discussion;
mod load_error;
mod missing_replies;
mod page;
mod rich_text;
mod shortcuts;
mod story;
mod toolbar;

pub mod overview;
pub mod participants;
pub mod theme;

pub use app::{App, Frame};
pub use page::{Page, Reading};
