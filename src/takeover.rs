//! The handover from the page the build prerendered to the app, in one place.
//!
//! The build renders the same components natively ([`RenderMode::Prerender`], see
//! `src/prerender.rs`) into `#prerendered`. In the browser ([`RenderMode::Browser`]) the
//! app mounts beside it, hidden, in `#app` ([`start`]), and once it has something to show
//! (the page or an error) [`take_over`] swaps the two in one step, so nothing moves. The
//! head's title and preview tags come from `threadview_core::head::Head` in both modes.

use leptos::prelude::*;
use threadview_core::head::{Head, escape};

/// The id of the prerendered page in `index.html`, and of the element the app is mounted
/// in beside it.
pub const PRERENDERED_ID: &str = "prerendered";
pub const APP_ID: &str = "app";

/// How the components are being drawn: provided as context by whoever renders them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RenderMode {
    /// In the native build, to static HTML at build time: a control only the app can work
    /// is drawn disabled, and controls that need the app are hidden by `style/main.css`
    /// until it takes over.
    Prerender,
    /// In the browser, by the app.
    #[default]
    Browser,
}

/// The mode the components around are drawn in: the browser unless said otherwise.
pub fn render_mode() -> RenderMode {
    use_context().unwrap_or_default()
}

pub fn is_prerendering() -> bool {
    render_mode() == RenderMode::Prerender
}

/// Mounts the app: beside a prerendered page, hidden, or alone in the body.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use crate::components::{App, theme};
    use wasm_bindgen::JsCast;

    // Before the first paint, so a reader who chose Dark never sees a light flash.
    theme::apply_saved_theme();
    let document = document();
    let prerendered = document.get_element_by_id(PRERENDERED_ID).is_some();
    let app = || {
        provide_context(RenderMode::Browser);
        view! { <App /> }
    };
    match (prerendered, document.body(), document.create_element("div")) {
        (true, Some(body), Ok(mount)) => {
            mount.set_id(APP_ID);
            let _ = mount.set_attribute("hidden", "");
            let _ = body.append_child(&mount);
            leptos::mount::mount_to(mount.unchecked_into(), app).forget();
        }
        _ => leptos::mount::mount_to_body(app),
    }
}

/// Shows the app in place of the prerendered page, in one step: the next frame paints
/// the app where the static page was, at the same scroll position. Does nothing where
/// there is no prerendered page.
pub fn take_over() {
    let document = document();
    if let Some(prerendered) = document.get_element_by_id(PRERENDERED_ID) {
        if let Some(app) = document.get_element_by_id(APP_ID) {
            let _ = app.remove_attribute("hidden");
        }
        prerendered.remove();
    }
}

/// Sets the page's title and preview tags in the browser, for a discussion the build did
/// not prerender (`?data=`): the same tags [`head_html`] writes at build time.
pub fn set_head(head: &Head) {
    let document = document();
    document.set_title(&head.title);
    let Some(head_element) = document.head() else {
        return;
    };
    for (attribute, name, content) in head.meta() {
        let selector = format!("meta[{attribute}=\"{name}\"]");
        let meta = match document.query_selector(&selector) {
            Ok(Some(meta)) => meta,
            _ => match document.create_element("meta") {
                Ok(meta) => {
                    let _ = meta.set_attribute(attribute, name);
                    let _ = head_element.append_child(&meta);
                    meta
                }
                Err(_) => continue,
            },
        };
        let _ = meta.set_attribute("content", &content);
    }
}

/// The title and preview tags as HTML, for the build to put in the prerendered page's
/// head. Every value is escaped.
pub fn head_html(head: &Head) -> String {
    let mut html = format!("<title>{}</title>", escape(&head.title));
    for (attribute, name, content) in head.meta() {
        html.push_str(&format!(
            "\n    <meta {attribute}=\"{name}\" content=\"{}\" />",
            escape(&content)
        ));
    }
    html
}
