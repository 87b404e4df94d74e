//! Fetching the discussion file. What each failure says to the reader is
//! `threadview_core::load_error`.

use gloo_net::http::Request;

use threadview_core::Loaded;
use threadview_core::data::{DataError, Parsing};
use threadview_core::limits::{COMMENTS_PER_SLICE, MAX_BYTES, TIMEOUT_MS};
use threadview_core::load_error::{LoadError, LoadErrorKind};
use threadview_core::thread::Thread;

/// Fetches, parses, validates and threads a discussion file.
pub async fn load(url: &str) -> Result<Loaded, LoadError> {
    let fail = |kind| LoadError {
        file: url.to_string(),
        kind,
    };
    mark("threadview:fetch-start");
    let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS);
    let response = Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|e| fail(network_error(&e, &signal)))?;
    if !response.ok() {
        return Err(fail(LoadErrorKind::Http {
            status: response.status(),
            status_text: response.status_text(),
        }));
    }
    let header = |name| response.headers().get(name).unwrap_or_default();
    if header("content-type").starts_with("text/html") {
        return Err(fail(LoadErrorKind::Html));
    }
    if let Ok(bytes) = header("content-length").parse::<u64>()
        && bytes > MAX_BYTES
    {
        return Err(fail(LoadErrorKind::TooLarge { bytes }));
    }
    // Bytes, not text: a JS string of 30 MB would be decoded by the browser and then
    // copied and re-encoded into wasm memory; bytes are copied once.
    let bytes = response
        .binary()
        .await
        .map_err(|e| fail(network_error(&e, &signal)))?;
    // Without a Content-Length the size is only known now; still refuse before parsing.
    if bytes.len() as u64 > MAX_BYTES {
        return Err(fail(LoadErrorKind::TooLarge {
            bytes: bytes.len() as u64,
        }));
    }
    measure("threadview:fetch", "threadview:fetch-start");
    mark("threadview:parse-start");
    // As the browser would read it: invalid UTF-8 becomes U+FFFD. Checking 30 MB takes a
    // task of its own.
    next_task().await;
    let text = String::from_utf8_lossy(&bytes);
    let loaded = read(&text).await.map_err(|e| fail(LoadErrorKind::Data(e)));
    measure("threadview:parse", "threadview:parse-start");
    loaded
}

async fn read(text: &str) -> Result<Loaded, DataError> {
    next_task().await;
    let mut parsing = Parsing::start(text)?;
    loop {
        next_task().await;
        if parsing.step(COMMENTS_PER_SLICE)? {
            break;
        }
    }
    let discussion = parsing.finish();
    next_task().await;
    let thread = Thread::build(&discussion.comments)?;
    // Drawing the page is a task of its own too.
    next_task().await;
    Ok(Loaded { discussion, thread })
}

/// Lets the browser draw and handle input before going on.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

// User Timing entries: the fetch and the parse show in the browser's performance panel,
// and the benchmark reads them.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

fn measure(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark(name, start);
    }
}

fn network_error(error: &gloo_net::Error, signal: &web_sys::AbortSignal) -> LoadErrorKind {
    if signal.aborted() {
        LoadErrorKind::TimedOut
    } else {
        LoadErrorKind::Network(error.to_string())
    }
}
