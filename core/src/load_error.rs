//! Every way loading the discussion can fail, in words a reader can act on. The fetch
//! itself is the app's (`src/api.rs`); what each failure says is decided here.

use std::fmt;

use crate::data::DataError;
use crate::limits::{MAX_BYTES, TIMEOUT_MS};
use crate::url::RefusedDataUrl;

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

impl From<RefusedDataUrl> for LoadError {
    fn from(RefusedDataUrl(file): RefusedDataUrl) -> Self {
        Self {
            file,
            kind: LoadErrorKind::Refused,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_address_says_what_is_accepted() {
        let error = LoadError::from(crate::url::data_url("?data=../x.json").unwrap_err());
        assert_eq!(error.kind, LoadErrorKind::Refused);
        assert_eq!(
            error.to_string(),
            "\"../x.json\" was not loaded: ?data= accepts only a relative path to a .json file in this site's folder, such as ?data=other.json."
        );
    }

    #[test]
    fn the_limits_are_named_in_what_the_reader_reads() {
        let at = |kind| {
            LoadError {
                file: "d.json".into(),
                kind,
            }
            .to_string()
        };
        assert_eq!(
            at(LoadErrorKind::TimedOut),
            "d.json did not arrive within 20 seconds."
        );
        assert_eq!(
            at(LoadErrorKind::TooLarge {
                bytes: 60 * 1024 * 1024
            }),
            "d.json is 60.0 MB, over the 50 MB limit."
        );
    }
}
