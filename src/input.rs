//! The one reader and parser of an input file: the CLI's `-f` files and standard input, the
//! operator's `IstioOperator` resources and the tests' cases all come through here, so they
//! accept and refuse exactly the same documents.
//!
//! Reading is bounded ([`Limits`]): a device that never ends (`/dev/zero`) or a wrong file stops
//! at the limit with a message that names it, instead of taking all memory. Parsing checks the
//! document's identity (`kind`, `apiVersion`) first, then decodes it strictly into the typed API
//! so that an unknown field or a wrong type is reported at the file, line and column where it
//! was written. Nothing here prints.

use std::io::{self, Read};
use std::path::Path;

use serde_json::Value;

pub mod banzai;
pub mod helm;

use crate::api::{self, IstioOperator, validation::Warning};
use crate::merge::InputFile;
use crate::yaml::{self, Limits, Source, YamlError};

/// Where an input comes from.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// `-f -`.
    Stdin,
    /// `-f PATH`.
    Path(&'a Path),
}

impl Origin<'_> {
    /// The name messages use: the path as written, or `<stdin>`.
    #[must_use]
    pub fn source(&self) -> Source {
        match self {
            Self::Stdin => Source("<stdin>".into()),
            Self::Path(path) => Source(path.display().to_string()),
        }
    }
}

/// Why an input could not be read or is not an `IstioOperator`.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("reading `{source_name}`")]
    Read {
        source_name: Source,
        #[source]
        error: io::Error,
    },
    #[error(
        "`{source_name}` {what} {} MiB, the most meshctl reads from one file",
        limits.in_mib()
    )]
    TooLarge {
        source_name: Source,
        /// `is larger than`, or `is a character device that did not end within`.
        what: String,
        limits: Limits,
        /// Whether it is a regular file (then raising the limit may help).
        regular: bool,
    },
    #[error(
        "{source_name}:{line}:{column}: byte 0x{byte:02x} is not UTF-8 text; YAML files must be \
         UTF-8"
    )]
    NotUtf8 {
        source_name: Source,
        line: usize,
        column: usize,
        byte: u8,
    },
    #[error(transparent)]
    Yaml(#[from] YamlError),
    #[error(transparent)]
    Banzai(#[from] banzai::BanzaiError),
    #[error("{source_name}: kind is `{kind}`, expected `{}`", api::KIND)]
    WrongKind { source_name: Source, kind: String },
    #[error("{source_name}: {error}")]
    Switch {
        source_name: Source,
        error: crate::switches::SwitchError,
    },
    #[error(
        "{source_name}: apiVersion is `{version}`, expected `{}`",
        api::API_VERSION
    )]
    WrongApiVersion {
        source_name: Source,
        version: String,
    },
}

impl InputError {
    /// The fix, when it is knowable.
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::TooLarge { regular: true, .. } => Some(format!(
                "check that this is the file you meant; if it really is this large, raise the \
                 limit with {}=N (in MiB)",
                Limits::VARIABLE
            )),
            Self::TooLarge { regular: false, .. } => {
                Some("`-f` takes a file, or `-` for standard input".into())
            }
            Self::NotUtf8 { .. } => {
                Some("save the file as UTF-8 (for example `iconv -t UTF-8`)".into())
            }
            _ => None,
        }
    }
}

/// What a path is when it is not a regular file, in words; `None` for a regular file, a
/// directory, or a path that cannot be examined (opening it will say why).
#[must_use]
pub fn special_file_kind(path: &Path) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let file_type = std::fs::metadata(path).ok()?.file_type();
    if file_type.is_fifo() {
        Some("a FIFO")
    } else if file_type.is_char_device() {
        Some("a character device")
    } else if file_type.is_block_device() {
        Some("a block device")
    } else if file_type.is_socket() {
        Some("a socket")
    } else {
        None
    }
}

/// Whether reading `path` waits for a writer that may never come: a named FIFO. Anonymous pipes
/// (`<(command)`, `/dev/stdin`) already have their writer.
#[must_use]
pub fn waits_for_writer(path: &Path) -> bool {
    let anonymous = ["/dev/fd/", "/proc/", "/dev/stdin"]
        .iter()
        .any(|prefix| path.starts_with(prefix));
    !anonymous && special_file_kind(path) == Some("a FIFO")
}

/// Reads one input as text, at most `limits.max_bytes`.
pub fn read(origin: Origin<'_>, limits: Limits) -> Result<String, InputError> {
    let source_name = origin.source();
    let bytes = read_bytes(origin, limits)?;
    String::from_utf8(bytes).map_err(|error| {
        let bytes = error.as_bytes();
        let at = error.utf8_error().valid_up_to();
        let before = &bytes[..at];
        let line = before.split(|b| *b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |index| index + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        InputError::NotUtf8 {
            source_name: source_name.clone(),
            line,
            column,
            byte: bytes[at],
        }
    })
}

/// Reads one input as bytes, at most `limits.max_bytes`: the one bounded reader of every file
/// meshctl is pointed at (`-f` files, and a kubeconfig and the token and certificate files it
/// names), so that a device that never ends (`/dev/zero`) stops at the limit with a message
/// naming it instead of taking all memory.
pub fn read_bytes(origin: Origin<'_>, limits: Limits) -> Result<Vec<u8>, InputError> {
    let source_name = origin.source();
    let read_error = |error| InputError::Read {
        source_name: source_name.clone(),
        error,
    };
    let special = match origin {
        Origin::Stdin => None,
        Origin::Path(path) => special_file_kind(path),
    };
    let too_large = || InputError::TooLarge {
        source_name: source_name.clone(),
        what: special.map_or_else(
            || "is larger than".to_string(),
            |kind| format!("is {kind} that did not end within"),
        ),
        limits,
        regular: special.is_none(),
    };
    let reader: Box<dyn Read> = match origin {
        Origin::Stdin => Box::new(io::stdin().lock()),
        Origin::Path(path) => {
            let file = std::fs::File::open(path).map_err(read_error)?;
            let length = file.metadata().map_err(read_error)?.len();
            if special.is_none() && usize::try_from(length).map_or(true, |l| l > limits.max_bytes) {
                return Err(too_large());
            }
            Box::new(file)
        }
    };
    let mut bytes = Vec::new();
    let most = u64::try_from(limits.max_bytes).unwrap_or(u64::MAX);
    reader
        .take(most.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() > limits.max_bytes {
        return Err(too_large());
    }
    Ok(bytes)
}

/// One input, parsed and checked, with what was said about it on the way (a Banzai `Istio`
/// document's fields that have no Istio 1.31 equivalent).
#[derive(Debug, Clone)]
pub struct Parsed {
    pub file: InputFile,
    pub warnings: Vec<Warning>,
    /// A translated document's fields and where they came from ([`crate::pipeline::Origin`]).
    pub origins: Vec<crate::pipeline::Origin>,
}

impl From<InputFile> for Parsed {
    fn from(file: InputFile) -> Self {
        Self {
            file,
            warnings: Vec::new(),
            origins: Vec::new(),
        }
    }
}

/// Where a translation's fields came from, each placed at its line in `text` when there is one.
#[must_use]
pub fn origins(
    source: &Source,
    fields: &[(String, String)],
    text: Option<&str>,
) -> Vec<crate::pipeline::Origin> {
    fields
        .iter()
        .map(|(path, written)| {
            let at = text
                .and_then(|text| yaml::locate(text, written))
                .map_or_else(String::new, |(line, column)| format!(":{line}:{column}"));
            crate::pipeline::Origin {
                source: Source(format!("{source}{at}")),
                path: path.clone(),
                written: written.clone(),
            }
        })
        .collect()
}

/// A translated document; `text`, where it came from text, places each field at its line.
fn translated(source: Source, translation: banzai::Translation, text: Option<&str>) -> Parsed {
    let origins = origins(&source, &translation.origins, text);
    Parsed {
        file: InputFile {
            source,
            tree: translation.operator,
        },
        warnings: translation.warnings,
        origins,
    }
}

/// Parses and checks one input document.
///
/// `strict` (the default; off with `--force`) decodes the text into the typed API so that an
/// unknown field or a wrong type is reported where it was written. A Banzai `Istio` document
/// ([`banzai`]) is translated into the equivalent `IstioOperator`; it is always checked strictly,
/// since its translation reads the fields by their declared types.
pub fn parse(
    text: &str,
    source: Source,
    limits: Limits,
    strict: bool,
) -> Result<Parsed, InputError> {
    let tree = yaml::parse_value_within(text, &source, limits)?;
    if tree.is_null() {
        return Ok(InputFile { source, tree }.into());
    }
    if banzai::is_banzai(&tree) {
        let translation = banzai::translate_text(text, &source, limits)?;
        return Ok(translated(source, translation, Some(text)));
    }
    check_identity(&tree, &source)?;
    if strict {
        yaml::parse_typed_within::<IstioOperator>(text, &source, limits)?;
    }
    Ok(InputFile { source, tree }.into())
}

/// Checks a tree that did not come from text (the operator's resource) the way [`parse`] checks
/// a file.
pub fn from_tree(tree: Value, source: Source, strict: bool) -> Result<Parsed, InputError> {
    if tree.is_null() {
        return Ok(InputFile { source, tree }.into());
    }
    if banzai::is_banzai(&tree) {
        let translation = banzai::translate_value(&tree, &source)?;
        return Ok(translated(source, translation, None));
    }
    check_identity(&tree, &source)?;
    if strict {
        yaml::from_value::<IstioOperator>(&tree, &source)?;
    }
    Ok(InputFile { source, tree }.into())
}

/// Reads and parses one input: [`read`], then [`parse`].
pub fn load(origin: Origin<'_>, limits: Limits, strict: bool) -> Result<Parsed, InputError> {
    let text = read(origin, limits)?;
    parse(&text, origin.source(), limits, strict)
}

/// The document's identity first: a `ConfigMap` passed by mistake should be called that, not
/// reported field by field.
fn check_identity(tree: &Value, source: &Source) -> Result<(), InputError> {
    if let Some(kind) = tree
        .get("kind")
        .and_then(Value::as_str)
        .filter(|k| *k != api::KIND)
    {
        return Err(InputError::WrongKind {
            source_name: source.clone(),
            kind: kind.into(),
        });
    }
    if let Some(version) = tree
        .get("apiVersion")
        .and_then(Value::as_str)
        .filter(|v| *v != api::API_VERSION)
    {
        return Err(InputError::WrongApiVersion {
            source_name: source.clone(),
            version: version.into(),
        });
    }
    // The annotations are meshctl's own: checked even with `--force`, since nothing sensible
    // can be rendered from a mode or namespace name that is not one.
    crate::switches::Switches::of(tree).map_err(|error| InputError::Switch {
        source_name: source.clone(),
        error,
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let directory = tempfile::tempdir().expect("temporary directory");
        let path = directory.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        (directory, path)
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let (_directory, path) = write("big.yaml", &vec![b'#'; 2 * 1024 * 1024 + 1]);
        let error = read(Origin::Path(&path), Limits::mib(2)).unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("big.yaml` is larger than 2 MiB, the most meshctl reads from one file"),
            "{error}"
        );
        assert!(error.hint().is_some_and(|h| h.contains(Limits::VARIABLE)));
        assert!(read(Origin::Path(&path), Limits::mib(3)).is_ok());
    }

    #[test]
    fn a_device_that_does_not_end_stops_at_the_limit() {
        let error = read(Origin::Path(Path::new("/dev/zero")), Limits::mib(1)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "`/dev/zero` is a character device that did not end within 1 MiB, the most meshctl \
             reads from one file"
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_placed() {
        let (_directory, path) = write("latin1.yaml", b"spec:\n  hub: caf\xe9\n");
        let error = read(Origin::Path(&path), Limits::default()).unwrap_err();
        assert!(
            error.to_string().ends_with(
                "latin1.yaml:2:11: byte 0xe9 is not UTF-8 text; YAML files must be UTF-8"
            ),
            "{error}"
        );
    }

    #[test]
    fn only_named_fifos_wait_for_a_writer() {
        assert!(!waits_for_writer(Path::new("/dev/stdin")));
        assert!(!waits_for_writer(Path::new("/dev/null")));
        let (_directory, path) = write("plain.yaml", b"");
        assert!(!waits_for_writer(&path));
    }

    #[test]
    fn identity_is_checked_before_fields() {
        let error = parse(
            "apiVersion: v1\nkind: ConfigMap\ndata: {}\n",
            Source("cm.yaml".into()),
            Limits::default(),
            true,
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "cm.yaml: kind is `ConfigMap`, expected `IstioOperator`"
        );
        let error = from_tree(
            serde_json::json!({"kind": "IstioOperator", "spec": {"bogus": 1}}),
            Source("resource".into()),
            true,
        )
        .unwrap_err();
        assert!(error.to_string().contains("bogus"), "{error}");
    }
}
