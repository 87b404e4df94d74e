//! The browser app: see `src/takeover.rs` for how it takes over the prerendered page.

#[cfg(target_arch = "wasm32")]
fn main() {
    threadview::takeover::start();
}

/// Built natively only for `cargo test`; the app is the wasm build.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
