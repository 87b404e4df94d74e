//! Fetching the discussion file, and every way that can fail, in words a reader can act on.

use gloo_net::http::Request;
use std::fmt;

use crate::Loaded;
use crate::data::DataError;

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
        }
    }
}

/// Fetches, parses, validates and threads a discussion file.
pub async fn load(url: &str) -> Result<Loaded, LoadError> {
    let fail = |kind| LoadError {
        file: url.to_string(),
        kind,
    };
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
    let text = response
        .text()
        .await
        .map_err(|e| fail(network_error(&e, &signal)))?;
    // Without a Content-Length the size is only known now; still refuse before parsing.
    if text.len() as u64 > MAX_BYTES {
        return Err(fail(LoadErrorKind::TooLarge {
            bytes: text.len() as u64,
        }));
    }
    Loaded::from_json(&text).map_err(|e| fail(LoadErrorKind::Data(e)))
}

fn network_error(error: &gloo_net::Error, signal: &web_sys::AbortSignal) -> LoadErrorKind {
    if signal.aborted() {
        LoadErrorKind::TimedOut
    } else {
        LoadErrorKind::Network(error.to_string())
    }
}
