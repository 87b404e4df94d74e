//! Fetching the discussion file, and every way that can fail, in words a reader can act on.

use gloo_net::http::Request;
use std::fmt;

use crate::Loaded;
use crate::data::{DataError, Parsing};
use crate::thread::Thread;

/// The bundled file, relative to the page so that the site works under any path.
pub const DATA_URL: &str = "discussion.json";

/// Larger files are refused before parsing: parsing them would freeze the tab.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// After this long without a complete answer the request is abandoned.
pub const TIMEOUT_MS: u32 = 20_000;

#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    /// The file, as the page asked for it.
    pub file: String,
    pub kind: LoadErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadErrorKind {
    /// No answer at all: offline, refused, dropped.
    Network(String),
    TimedOut,
    Http {
        status: u16,
        status_text: String,
    },
    /// A static host's fallback page instead of the file, usually because the file is missing.
    Html,
    TooLarge {
        bytes: u64,
    },
    Data(DataError),
    /// `?data=` named something other than a JSON file on this site.
    Refused,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = &self.file;
        match &self.kind {
            LoadErrorKind::Network(detail) => {
                write!(
                    f,
                    "{file} could not be fetched: the network request failed ({detail})."
                )
            }
            LoadErrorKind::TimedOut => write!(
                f,
                "{file} did not arrive within {} seconds.",
                TIMEOUT_MS / 1000
            ),
            LoadErrorKind::Http {
                status,
                status_text,
            } => write!(f, "{file}: the server answered {status} {status_text}."),
            LoadErrorKind::Html => write!(
                f,
                "{file}: the server sent a web page instead of the data file; is the file missing?"
            ),
            LoadErrorKind::TooLarge { bytes } => write!(
                f,
                "{file} is {:.1} MB, over the {} MB limit.",
                *bytes as f64 / 1_048_576.0,
                MAX_BYTES / 1_048_576
            ),
            LoadErrorKind::Data(e) => write!(f, "{file}, {e}."),
            LoadErrorKind::Refused => write!(
                f,
                "\"{file}\" was not loaded: ?data= accepts only a relative path to a .json file in this site's folder, such as ?data=other.json."
            ),
        }
    }
}

/// The data file the page address asks for: `?data=other.json`, else the bundled file.
///
/// Only a relative path to a `.json` file is accepted, so a link can never make the page
/// fetch (and vouch for) a discussion from another site.
pub fn data_url(query: &str) -> Result<String, LoadError> {
    let Some(raw) = query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("data="))
    else {
        return Ok(DATA_URL.to_string());
    };
    let path = percent_decode(raw).unwrap_or_default();
    let relative_json = !path.is_empty()
        && path.ends_with(".json")
        && !path.starts_with('/')
        && !path.contains(['\\', ':', '?', '#'])
        && !path.contains("//")
        // Not out of the page's folder, and no second layer of escapes that fetch would
        // decode again (%252e%252e is %2e%2e, which is "..").
        && !path.split('/').any(|segment| segment == "..")
        && !path.contains('%')
        && !path.chars().any(char::is_control);
    if relative_json {
        Ok(path)
    } else {
        Err(LoadError {
            file: path,
            kind: LoadErrorKind::Refused,
        })
    }
}

/// Decodes `%XX` escapes and `+`; `None` for malformed escapes or invalid UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        match b {
            b'%' => {
                let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
                bytes.push(u8::from_str_radix(hex, 16).ok()?);
                rest = &tail[2..];
            }
            b'+' => {
                bytes.push(b' ');
                rest = tail;
            }
            _ => {
                bytes.push(b);
                rest = tail;
            }
        }
    }
    String::from_utf8(bytes).ok()
}

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

/// Comments read between two breaks: each slice takes a few tens of milliseconds, so the
/// page keeps drawing and answering while a file of 100,000 comments is read.
const COMMENTS_PER_SLICE: usize = 4_000;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_file_unless_the_address_names_another() {
        assert_eq!(data_url("").unwrap(), "discussion.json");
        assert_eq!(data_url("?sort=newest").unwrap(), "discussion.json");
        assert_eq!(data_url("?data=other.json").unwrap(), "other.json");
        assert_eq!(
            data_url("?x=1&data=threads%2Fbig.json").unwrap(),
            "threads/big.json"
        );
    }

    #[test]
    fn refuses_anything_but_a_relative_json_path() {
        for bad in [
            "?data=https://evil.example/x.json",
            "?data=//evil.example/x.json",
            "?data=%2F%2Fevil.example%2Fx.json",
            "?data=/etc/x.json",
            "?data=javascript:alert(1)//.json",
            "?data=data:application/json,{}",
            "?data=other.txt",
            "?data=",
            "?data=a%0a.json",
            "?data=%zz.json",
            "?data=..%5C..%5Cx.json",
            "?data=../x.json",
            "?data=a/../../x.json",
            "?data=%2e%2e/%2e%2e/other/x.json",
            "?data=%252e%252e/x.json",
        ] {
            let error = data_url(bad).expect_err(bad);
            assert_eq!(error.kind, LoadErrorKind::Refused, "{bad}");
            assert!(
                error.to_string().contains("accepts only a relative path"),
                "{bad}"
            );
        }
    }
}
