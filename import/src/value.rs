//! Reading a source's JSON by hand, so that every wrong value is reported with its place,
//! what belongs there and what is there instead.

use serde_json::{Map, Value};

use crate::ImportError;

/// A value in words: "an object with keys a, b, c", "an array of 2 items", "null".
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let more = if short.len() < s.len() { "…" } else { "" };
            format!("the string \"{short}{more}\"")
        }
        Value::Array(items) => match items.len() {
            0 => "an empty array".to_string(),
            1 => "an array of 1 item".to_string(),
            n => format!("an array of {n} items"),
        },
        Value::Object(map) if map.is_empty() => "an empty object".to_string(),
        Value::Object(map) => {
            const SHOWN: usize = 8;
            let keys: Vec<&str> = map.keys().take(SHOWN).map(String::as_str).collect();
            let more = map.len().saturating_sub(SHOWN);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("an object with keys {}{more}", keys.join(", "))
        }
    }
}

/// An object of a source, and where it is.
pub struct Obj<'a> {
    pub map: &'a Map<String, Value>,
    pub place: String,
}

impl<'a> Obj<'a> {
    /// `value` as an object, or an error saying that `expected` belongs at `place`.
    pub fn new(
        value: &'a Value,
        place: impl Into<String>,
        expected: &str,
    ) -> Result<Self, ImportError> {
        let place = place.into();
        match value {
            Value::Object(map) => Ok(Self { map, place }),
            other => Err(ImportError::shape(place, expected, describe(other))),
        }
    }

    /// The field, unless it is missing or null.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub fn wrong(&self, key: &str, expected: &str) -> ImportError {
        let found = self
            .map
            .get(key)
            .map_or_else(|| format!("missing (no \"{key}\")"), describe);
        ImportError::shape(
            self.place.clone(),
            format!("\"{key}\" is {expected}"),
            found,
        )
    }

    /// A string field; None when missing or null.
    pub fn str(&self, key: &str) -> Result<Option<&'a str>, ImportError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(self.wrong(key, "a string")),
        }
    }

    pub fn required_str(&self, key: &str) -> Result<&'a str, ImportError> {
        self.str(key)?.ok_or_else(|| self.wrong(key, "a string"))
    }

    /// A whole number field; None when missing or null.
    pub fn int(&self, key: &str) -> Result<Option<i64>, ImportError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) => match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => Ok(Some(i)),
                // Reddit writes seconds as 1439797480.0.
                (None, Some(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => Ok(Some(f as i64)),
                _ => Err(self.wrong(key, "a whole number")),
            },
            Some(_) => Err(self.wrong(key, "a number")),
        }
    }

    pub fn bool(&self, key: &str) -> Result<Option<bool>, ImportError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(self.wrong(key, "true or false")),
        }
    }

    /// An array field; empty when missing or null.
    pub fn array(&self, key: &str) -> Result<&'a [Value], ImportError> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(self.wrong(key, "an array")),
        }
    }
}
