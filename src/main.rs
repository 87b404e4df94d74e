//! The browser app. A page prerendered by the build (`src/prerender.rs`) stays on screen
//! while the app loads beside it, hidden; the app then takes its place in one step.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use threadview::components::{APP_ID, App, PRERENDERED_ID, theme};

    // Before the first paint, so a reader who chose Dark never sees a light flash.
    theme::apply_saved_theme();
    let document = document();
    let prerendered = document.get_element_by_id(PRERENDERED_ID).is_some();
    match (prerendered, document.body(), document.create_element("div")) {
        (true, Some(body), Ok(app)) => {
            app.set_id(APP_ID);
            let _ = app.set_attribute("hidden", "");
            let _ = body.append_child(&app);
            leptos::mount::mount_to(wasm_bindgen::JsCast::unchecked_into(app), App).forget();
        }
        _ => leptos::mount::mount_to_body(App),
    }
}

/// Built natively only for `cargo test`; the app is the wasm build.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
