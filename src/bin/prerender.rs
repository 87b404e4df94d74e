//! `prerender INDEX DATA`: writes the page for the discussion file DATA into the built
//! INDEX (Trunk's `dist/index.html`), so it shows before and without the wasm. Run by
//! `cargo xtask dist`; see `src/prerender.rs`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [index, data] = args.as_slice() else {
        eprintln!("usage: prerender INDEX.html DISCUSSION.json");
        return std::process::ExitCode::from(2);
    };
    match prerender(index, data) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn prerender(index: &str, data: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(data).map_err(|e| format!("{data}: {e}"))?;
    let loaded = threadview_core::Loaded::from_json(&text).map_err(|e| format!("{data}, {e}."))?;
    let html = std::fs::read_to_string(index).map_err(|e| format!("{index}: {e}"))?;
    let page = threadview::prerender::into_index(&html, std::sync::Arc::new(loaded))?;
    std::fs::write(index, page).map_err(|e| format!("{index}: {e}"))
}

/// The prerender runs at build time, natively.
#[cfg(target_arch = "wasm32")]
fn main() {}
