//! `prerender INDEX DATA [INDEX DATA]...`: writes the page for each discussion file DATA
//! into its built INDEX (Trunk's `dist/index.html`, or an archive's page), so it shows
//! before and without the wasm. Run by `cargo xtask dist`, once for every page of an
//! archive; see `src/prerender.rs`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || !args.len().is_multiple_of(2) {
        eprintln!("usage: prerender INDEX.html DISCUSSION.json [INDEX.html DISCUSSION.json]...");
        return std::process::ExitCode::from(2);
    }
    for pair in args.chunks(2) {
        if let Err(message) = prerender(&pair[0], &pair[1]) {
            eprintln!("prerender: {message}");
            return std::process::ExitCode::FAILURE;
        }
    }
    std::process::ExitCode::SUCCESS
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
