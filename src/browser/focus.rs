//! Scrolling to a comment and moving focus: where the reader's place meets the page.

use leptos::prelude::*;
use threadview_core::CommentId;
use threadview_core::url::comment_anchor;
use wasm_bindgen::JsCast;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// Runs `fold` (folding or unfolding comment `id`); if focus was inside the replies that
/// fold away, it moves to the comment's own toggle rather than being lost to the page.
pub fn kept_out_of_folded_replies(id: CommentId, fold: impl FnOnce()) {
    if !cfg!(target_arch = "wasm32") {
        return fold();
    }
    let replies = document().get_element_by_id(&format!("replies-{id}"));
    let focus_inside = document()
        .active_element()
        .zip(replies)
        .is_some_and(|(active, replies)| replies.contains(Some(&active)));
    fold();
    if focus_inside {
        let selector = format!("#{} > .comment-card .toggle", comment_anchor(id));
        if let Ok(Some(toggle)) = document().query_selector(&selector) {
            let _ = toggle.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }
}

/// A branch replaces the list the reader was in: start them at its top.
pub fn branch_start() {
    if let Ok(Some(nav)) = document().query_selector(".branch-nav a") {
        nav.scroll_into_view();
        let _ = nav.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// Scrolls comment `id` to the top of the screen, and focuses it if asked. A page that
/// arrives with the comment on screen (`arriving`) stays as the reader sees it.
pub fn comment(id: CommentId, focus: bool, arriving: bool) {
    let Some(element) = document().get_element_by_id(&comment_anchor(id)) else {
        return;
    };
    let top = element.get_bounding_client_rect().top();
    let screen = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if !(arriving && (0.0..screen).contains(&top)) {
        // Cards off screen may have an estimated height (`content-visibility: auto`), so
        // a smooth scroll would aim at a place that moves as it goes. The comment is
        // reached at once, then set straight.
        scroll_to_top_of_screen(&element);
        set_straight(id, 3);
    }
    if focus {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element
            .unchecked_into::<web_sys::HtmlElement>()
            .focus_with_options(&options);
    }
}

fn scroll_to_top_of_screen(element: &web_sys::Element) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    options.set_behavior(ScrollBehavior::Instant);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// After a jump, the cards now on screen take their real height and the comment moves:
/// scroll to it again in each of the next few frames, too few to fight a reader's scroll.
fn set_straight(id: CommentId, frames: u32) {
    if frames == 0 {
        return;
    }
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&comment_anchor(id))
            && element.get_bounding_client_rect().top().abs() > 1.0
        {
            scroll_to_top_of_screen(&element);
        }
        set_straight(id, frames - 1);
    });
}
