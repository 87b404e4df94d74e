//! TODO(issue 12): being written.

use serde_json::Value;

use crate::output::Discussion;
use crate::{Format, ImportError};

pub fn import(_value: &Value, _thread: Option<&str>) -> Result<Discussion, ImportError> {
    Err(ImportError::shape(
        "",
        Format::Discourse.expected(),
        "not yet read",
    ))
}
