//! The one place YAML is parsed and written.
//!
//! Parsing goes through serde-saphyr (safe, YAML 1.1 booleans as istioctl reads them, duplicate keys
//! rejected) and, for typed targets, through `serde_path_to_error` so that an error names both the
//! line and column *and* the field path (`spec.components.pilot.k8s.replicaCount`). Writing produces
//! block-style YAML with keys in the order the object holds them; strings that Kubernetes would read
//! as something else (`on`, `yes`, `0777`) are quoted.

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Where a piece of YAML came from, for messages: a file path, `<stdin>`, or `profile demo`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source(pub String);

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A YAML document that could not be read, with the place it went wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}{location}: {message}")]
pub struct YamlError {
    pub source_name: Source,
    pub location: Location,
    pub message: String,
}

/// `:line:column` and/or ` at path`, whichever are known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub path: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(path) = &self.path {
            write!(f, " (at `{path}`)")?;
        }
        Ok(())
    }
}

fn options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    options.with_snippet = false;
    options
}

fn convert(source: &Source, error: &serde_saphyr::Error, path: Option<String>) -> YamlError {
    let location = error.location();
    let rendered = error.to_string();
    // serde-saphyr prefixes "error: line L column C: "; we print the location our own way.
    let message = rendered
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .to_string();
    let message = match message.split_once(": ") {
        Some((prefix, rest)) if prefix.starts_with("line ") => rest.to_string(),
        _ => message,
    };
    let message = message
        .replace(", set DuplicateKeyPolicy in Options if acceptable", "")
        .replace(
            "multiple YAML documents detected; use from_str_multiple or from_str_multiple_with_options",
            "more than one YAML document, where one is expected",
        );
    // Without a snippet serde-saphyr appends " at line L, column C"; we print the location once.
    let message = match message.rfind(" at line ") {
        Some(index) if message[index..].contains(", column ") => message[..index].to_string(),
        _ => message,
    };
    let message = humanise(&message);
    // serde_path_to_error writes `?` for a key it could not name (a duplicate key, say).
    let path = path
        .map(|p| p.trim_end_matches(".?").to_string())
        .filter(|p| !p.is_empty() && p != "." && p != "?");
    YamlError {
        source_name: source.clone(),
        location: Location {
            line: location.map(|l| l.line()).filter(|l| *l > 0),
            column: location.map(|l| l.column()).filter(|c| *c > 0),
            path,
        },
        message,
    }
}

/// Rewrites the parser's terse type complaints in the words a user of the format would use.
fn humanise(message: &str) -> String {
    const WORDS: [(&str, &str); 8] = [
        (
            "expected mapping start",
            "expected a mapping (`key: value` lines)",
        ),
        (
            "expected sequence start",
            "expected a list (`- item` lines)",
        ),
        ("invalid boolean", "expected true or false"),
        ("invalid u32", "expected a whole number of 0 or more"),
        ("invalid i32", "expected a whole number"),
        ("invalid i64", "expected a whole number"),
        ("invalid u64", "expected a whole number of 0 or more"),
        ("expected string scalar", "expected a string"),
    ];
    WORDS
        .iter()
        .find(|(terse, _)| message == *terse)
        .map_or_else(|| message.to_string(), |(_, plain)| (*plain).to_string())
}

/// Parses one YAML document into `T`, strictly: the error names line, column and field path.
pub fn parse_typed<T: DeserializeOwned>(text: &str, source: &Source) -> Result<T, YamlError> {
    let mut failed_path = None;
    let result = serde_saphyr::with_deserializer_from_str_with_options(text, options(), |de| {
        serde_path_to_error::deserialize(de).map_err(|error| {
            failed_path = Some(error.path().to_string());
            error.into_inner()
        })
    });
    result.map_err(|error| convert(source, &error, failed_path))
}

/// Parses one YAML document into an untyped tree (an empty document is `null`).
pub fn parse_value(text: &str, source: &Source) -> Result<serde_json::Value, YamlError> {
    if text.trim().is_empty() {
        return Ok(serde_json::Value::Null);
    }
    parse_typed(text, source)
}

/// Parses every document of a multi-document stream; empty documents are dropped.
pub fn parse_documents(text: &str, source: &Source) -> Result<Vec<serde_json::Value>, YamlError> {
    let documents: Vec<serde_json::Value> =
        serde_saphyr::from_multiple_with_options(text, options())
            .map_err(|error| convert(source, &error, None))?;
    Ok(documents.into_iter().filter(|d| !d.is_null()).collect())
}

/// Converts an untyped tree to a typed value, naming the field path on failure.
pub fn from_value<T: DeserializeOwned>(
    value: &serde_json::Value,
    source: &Source,
) -> Result<T, YamlError> {
    serde_path_to_error::deserialize(value).map_err(|error| YamlError {
        source_name: source.clone(),
        location: Location {
            line: None,
            column: None,
            path: Some(error.path().to_string()).filter(|p| p != "."),
        },
        message: error.into_inner().to_string(),
    })
}

/// Writes one value as a YAML document (no leading `---`, ends with a newline).
#[must_use]
pub fn to_string<T: Serialize>(value: &T) -> String {
    // Serialising an in-memory JSON tree cannot fail: every key is a string.
    serde_saphyr::to_string(value).unwrap_or_else(|error| format!("# unserialisable: {error}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> Source {
        Source("in.yaml".into())
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        inner: Inner,
    }
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        count: u32,
    }

    #[test]
    fn typed_error_names_line_column_and_path() {
        let error = parse_typed::<Outer>("inner:\n  count: many\n", &source()).unwrap_err();
        assert_eq!(error.location.line, Some(2));
        assert_eq!(error.location.path.as_deref(), Some("inner.count"));
        assert!(
            error
                .to_string()
                .starts_with("in.yaml:2:10 (at `inner.count`): ")
        );
    }

    #[test]
    fn duplicate_keys_are_rejected() {
        let error = parse_value("a: 1\na: 2\n", &source()).unwrap_err();
        assert_eq!(error.to_string(), "in.yaml:2:1: duplicate mapping key: a");
    }

    #[test]
    fn two_documents_where_one_is_expected() {
        let error = parse_value("a: 1\n---\nb: 2\n", &source()).unwrap_err();
        assert!(
            error.message.contains("more than one YAML document"),
            "{error}"
        );
    }

    #[test]
    fn strings_kubernetes_would_misread_are_quoted() {
        let text = to_string(&serde_json::json!({"a": "on", "b": "0777", "c": "true"}));
        assert_eq!(text, "a: \"on\"\nb: \"0777\"\nc: \"true\"\n");
    }
}
