//! TODO(issue 12): being written.

use crate::output::Discussion;
use crate::{Format, ImportError};

pub fn import(_input: &str, _thread: Option<&str>) -> Result<Discussion, ImportError> {
    Err(ImportError::shape(
        "",
        Format::Disqus.expected(),
        "not yet read",
    ))
}
