//! `--set PATH=VALUE` and path look-ups, in istioctl's path syntax.
//!
//! `.` separates keys and `\.` escapes one; `a.b[0].c` is `a.b.[0].c`; `[N]` indexes a list (the
//! index one past the end appends); `[key:value]` selects the first list element whose `key`
//! equals `value`. A path through a list edits the list as the profile and files made it
//! ([`super::merge_inputs`] lays the profile's list under the flags): `[name:istio-ingressgateway]`
//! finds the default profile's gateway, and `[1]` appends after it instead of replacing it. Values are typed as istioctl types them: integer, then float, then boolean, else string
//! (`\,` becomes `,`); tags, `compatibilityVersion` and proxy metadata are always strings.
//!
//! Deliberate differences from istioctl: a selector that matches nothing, or a path that runs
//! through a scalar, is an error naming the flag instead of a panic or a silent append; an index
//! past the end by more than one, or negative (`[-1]`), is an error where istioctl appends (the
//! index written is never the one the element gets); and a `[key:value]` look-up returns the
//! element that matched (istioctl's `GetPath` returns element 0).

use serde_json::{Map, Number, Value};

/// Paths whose values stay text even when they look like numbers (`tag=1.31`, `revision=131`:
/// a revision is a DNS label, and an all-digit one is valid; istioctl typed it as a number and
/// then refused it).
const ALWAYS_STRING: [&str; 8] = [
    "spec.revision",
    "spec.values.revision",
    "spec.values.compatibilityVersion",
    "spec.tag",
    "spec.values.global.tag",
    "spec.meshConfig.defaultConfig.proxyMetadata.",
    "spec.values.meshConfig.defaultConfig.proxyMetadata.",
    "spec.compatibilityVersion",
];

/// A `--set` flag that could not be parsed or applied; `flag` is the text the user wrote.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetPathError {
    #[error("--set {flag}: expected PATH=VALUE")]
    MissingValue { flag: String },
    #[error("--set {flag}: the path is empty")]
    EmptyPath { flag: String },
    #[error(
        "--set {flag}: the path has an empty segment (`..`, or a `.` at its start or end); \
         hint: write keys separated by single dots, such as `values.global.hub`"
    )]
    EmptySegment { flag: String },
    #[error(
        "--set {flag}: the path is {segments} segments deep; meshctl reads at most {} levels \
         of nesting, in files and in --set alike",
        crate::yaml::MAX_DEPTH
    )]
    TooDeep { flag: String, segments: usize },
    #[error("--set {flag}: `{segment}` is not a list index or a [key:value] selector")]
    BadSelector { flag: String, segment: String },
    #[error("--set {flag}: no element of `{list}` has {key}={value}")]
    NoMatch {
        flag: String,
        list: String,
        key: String,
        value: String,
    },
    #[error(
        "--set {flag}: `{list}` has {length} element(s), so there is no [{index}]; hint: [{length}] \
         appends an element"
    )]
    IndexOutOfRange {
        flag: String,
        list: String,
        index: i64,
        length: usize,
    },
    #[error("--set {flag}: `{at}` is a {found}, so `{segment}` cannot be set inside it")]
    NotAContainer {
        flag: String,
        at: String,
        found: &'static str,
        segment: String,
    },
}

/// One parsed `--set` flag: the full path (with the `spec.` prefix) and its typed value.
#[derive(Debug, Clone, PartialEq)]
pub struct SetFlag {
    /// What the user wrote, for messages.
    pub text: String,
    pub path: String,
    pub value: Value,
}

impl SetFlag {
    /// Parses `PATH=VALUE` as the user wrote it (without the `spec.` prefix).
    pub fn parse(text: &str) -> Result<Self, SetPathError> {
        let Some((path, value)) = text.split_once('=') else {
            return Err(SetPathError::MissingValue { flag: text.into() });
        };
        let path = path.trim();
        if path.trim_matches('.').is_empty() {
            return Err(SetPathError::EmptyPath { flag: text.into() });
        }
        if has_empty_segment(path) {
            return Err(SetPathError::EmptySegment { flag: text.into() });
        }
        // `spec.` is one more level; the value is a scalar at the end of the path.
        let segments = split_path(path).len() + 1;
        if segments > crate::yaml::MAX_DEPTH {
            return Err(SetPathError::TooDeep {
                flag: abbreviate(text),
                segments,
            });
        }
        let flag = Self::from_parts(path, value.trim());
        let flag = Self {
            text: text.to_string(),
            ..flag
        };
        // Check the syntax of every selector now, so a typo is reported before any merging.
        for segment in split_path(&flag.path) {
            if segment.starts_with('[') && parse_selector(&segment).is_none() {
                return Err(SetPathError::BadSelector {
                    flag: text.into(),
                    segment,
                });
            }
        }
        Ok(flag)
    }

    /// Builds a flag from a path (without `spec.`) and the value's text.
    #[must_use]
    pub fn from_parts(path: &str, value: &str) -> Self {
        let path = format!("spec.{path}");
        let value = if ALWAYS_STRING.iter().any(|prefix| path.starts_with(prefix)) {
            Value::String(value.to_string())
        } else {
            parse_scalar(value)
        };
        Self {
            text: format!("{}={value}", path.trim_start_matches("spec.")),
            path,
            value,
        }
    }

    /// Sets the value in `tree`.
    pub fn apply(&self, tree: &mut Value) -> Result<(), SetPathError> {
        set_path(tree, &self.path, self.value.clone()).map_err(|error| error.with_flag(&self.text))
    }
}

impl SetPathError {
    fn with_flag(self, text: &str) -> Self {
        let flag = text.to_string();
        match self {
            Self::MissingValue { .. } => Self::MissingValue { flag },
            Self::EmptyPath { .. } => Self::EmptyPath { flag },
            Self::EmptySegment { .. } => Self::EmptySegment { flag },
            Self::TooDeep { segments, .. } => Self::TooDeep { flag, segments },
            Self::BadSelector { segment, .. } => Self::BadSelector { flag, segment },
            Self::NoMatch {
                list, key, value, ..
            } => Self::NoMatch {
                flag,
                list,
                key,
                value,
            },
            Self::IndexOutOfRange {
                list,
                index,
                length,
                ..
            } => Self::IndexOutOfRange {
                flag,
                list,
                index,
                length,
            },
            Self::NotAContainer {
                at, found, segment, ..
            } => Self::NotAContainer {
                flag,
                at,
                found,
                segment,
            },
        }
    }
}

/// Whether a path written by the user has an empty key between dots (`a..b`, `.a`, `a.`); an
/// escaped dot (`\\.`) is part of a key.
fn has_empty_segment(path: &str) -> bool {
    let mut previous_was_separator = true;
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'.') => {
                chars.next();
                previous_was_separator = false;
            }
            '.' if previous_was_separator => return true,
            '.' => previous_was_separator = true,
            _ => previous_was_separator = false,
        }
    }
    previous_was_separator
}

/// A flag as long as a terminal line at most: the start and the end, with the middle elided.
fn abbreviate(text: &str) -> String {
    const KEEP: usize = 40;
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 2 * KEEP + 5 {
        return text.to_string();
    }
    let head: String = chars[..KEEP].iter().collect();
    let tail: String = chars[chars.len() - KEEP..].iter().collect();
    format!("{head} … {tail}")
}

/// Types a `--set` value: integer, then float, then boolean, else string.
#[must_use]
pub fn parse_scalar(text: &str) -> Value {
    if let Ok(integer) = text.parse::<i64>() {
        return Value::Number(integer.into());
    }
    if let Some(number) = parse_go_float(text) {
        return Value::Number(number);
    }
    match text {
        // Go's strconv.ParseBool accepts exactly these spellings.
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Value::Bool(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Value::Bool(false),
        _ => Value::String(text.replace("\\,", ",")),
    }
}

/// Go's `ParseFloat` accepts forms Rust's does not need here; keep to plain decimal forms and
/// reject `inf`/`nan`, which cannot be represented in JSON anyway.
fn parse_go_float(text: &str) -> Option<Number> {
    let plain = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    if !plain || !text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse::<f64>().ok().and_then(Number::from_f64)
}

/// Splits a path into segments: keys, `[N]` and `[key:value]`.
pub(crate) fn split_path(path: &str) -> Vec<String> {
    let path = path.trim_matches('.');
    let mut segments = Vec::new();
    let mut current = String::new();
    let mut chars = path.chars().peekable();
    let push = |current: &mut String, segments: &mut Vec<String>| {
        if current.is_empty() {
            return;
        }
        let text = std::mem::take(current);
        // `node[expr]` is two segments, `node` and `[expr]`.
        match text.find('[') {
            Some(index) if index > 0 => {
                segments.push(text[..index].to_string());
                segments.push(text[index..].to_string());
            }
            _ => segments.push(text),
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'.') => {
                current.push('.');
                chars.next();
            }
            '.' => push(&mut current, &mut segments),
            _ => current.push(c),
        }
    }
    push(&mut current, &mut segments);
    segments
}

/// A list selector.
#[derive(Debug, Clone, PartialEq)]
enum Selector {
    Index(i64),
    KeyValue(String, String),
}

fn parse_selector(segment: &str) -> Option<Selector> {
    let inner = segment.strip_prefix('[')?.strip_suffix(']')?;
    if let Ok(index) = inner.parse::<i64>() {
        return Some(Selector::Index(index));
    }
    let (key, value) = inner.split_once(':')?;
    Some(Selector::KeyValue(key.to_string(), value.to_string()))
}

fn element_matches(element: &Value, key: &str, value: &str) -> bool {
    element
        .get(key)
        .is_some_and(|found| found.as_str() == Some(value))
}

/// The path of the first list a path goes through (`spec.components.ingressGateways` for
/// `spec.components.ingressGateways.[name:x].enabled`), if it goes through one.
#[must_use]
pub fn first_list(path: &str) -> Option<String> {
    let segments = split_path(path);
    let at = segments.iter().position(|s| s.starts_with('['))?;
    (at > 0).then(|| {
        segments[..at]
            .iter()
            .map(|s| s.replace('.', "\\."))
            .collect::<Vec<_>>()
            .join(".")
    })
}

/// Looks a path up; `None` when any segment is missing.
#[must_use]
pub fn get_path<'a>(tree: &'a Value, path: &str) -> Option<&'a Value> {
    let mut current = tree;
    for segment in split_path(path) {
        current = match parse_selector(&segment) {
            Some(Selector::Index(index)) => {
                current.as_array()?.get(usize::try_from(index).ok()?)?
            }
            Some(Selector::KeyValue(key, value)) => current
                .as_array()?
                .iter()
                .find(|element| element_matches(element, &key, &value))?,
            None => current.as_object()?.get(&segment)?,
        };
    }
    Some(current)
}

/// Sets a path, creating maps (and lists before a selector) on the way.
pub fn set_path(tree: &mut Value, path: &str, value: Value) -> Result<(), SetPathError> {
    let segments = split_path(path);
    if segments.is_empty() {
        return Err(SetPathError::EmptyPath { flag: path.into() });
    }
    set_recursive(tree, &segments, 0, value)
}

fn set_recursive(
    current: &mut Value,
    segments: &[String],
    position: usize,
    value: Value,
) -> Result<(), SetPathError> {
    let segment = &segments[position];
    let is_last = position + 1 == segments.len();
    let at = || segments[..position].join(".");
    if segment.starts_with('[') {
        let selector = parse_selector(segment).ok_or_else(|| SetPathError::BadSelector {
            flag: String::new(),
            segment: segment.clone(),
        })?;
        if current.is_null() {
            *current = Value::Array(Vec::new());
        }
        let found = super::type_name(current);
        let Some(list) = current.as_array_mut() else {
            return Err(SetPathError::NotAContainer {
                flag: String::new(),
                at: at(),
                found,
                segment: segment.clone(),
            });
        };
        let index = match selector {
            Selector::Index(index) => {
                let length = list.len();
                match usize::try_from(index) {
                    Ok(i) if i < length => Some(i),
                    Ok(i) if i == length => None,
                    _ => {
                        return Err(SetPathError::IndexOutOfRange {
                            flag: String::new(),
                            list: at(),
                            index,
                            length,
                        });
                    }
                }
            }
            Selector::KeyValue(key, wanted) => Some(
                list.iter()
                    .position(|element| element_matches(element, &key, &wanted))
                    .ok_or_else(|| SetPathError::NoMatch {
                        flag: String::new(),
                        list: at(),
                        key: key.clone(),
                        value: wanted.clone(),
                    })?,
            ),
        };
        match (index, is_last) {
            (Some(index), true) => list[index] = value,
            (Some(index), false) => set_recursive(&mut list[index], segments, position + 1, value)?,
            (None, true) => list.push(value),
            (None, false) => {
                let mut element = Value::Object(Map::new());
                set_recursive(&mut element, segments, position + 1, value)?;
                list.push(element);
            }
        }
        return Ok(());
    }
    if current.is_null() {
        *current = Value::Object(Map::new());
    }
    let found = super::type_name(current);
    let Some(map) = current.as_object_mut() else {
        return Err(SetPathError::NotAContainer {
            flag: String::new(),
            at: at(),
            found,
            segment: segment.clone(),
        });
    };
    if is_last {
        map.insert(segment.clone(), value);
        return Ok(());
    }
    let child = map.entry(segment.clone()).or_insert(Value::Null);
    set_recursive(child, segments, position + 1, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn apply(tree: &mut Value, text: &str) -> Result<(), SetPathError> {
        SetFlag::parse(text)?.apply(tree)
    }

    #[test]
    fn values_are_typed_like_istioctl() {
        assert_eq!(parse_scalar("3"), json!(3));
        assert_eq!(parse_scalar("1.5"), json!(1.5));
        assert_eq!(parse_scalar("true"), json!(true));
        assert_eq!(parse_scalar("a\\,b"), json!("a,b"));
        assert_eq!(parse_scalar("docker.io/istio"), json!("docker.io/istio"));
    }

    #[test]
    fn tags_stay_text() {
        let flag = SetFlag::parse("tag=1.30").unwrap();
        assert_eq!(flag.value, json!("1.30"));
        let flag = SetFlag::parse("values.global.tag=1").unwrap();
        assert_eq!(flag.value, json!("1"));
        let flag = SetFlag::parse("meshConfig.defaultConfig.proxyMetadata.X=1").unwrap();
        assert_eq!(flag.value, json!("1"));
    }

    #[test]
    fn escaped_dots_are_part_of_a_key() {
        let mut tree = json!({});
        apply(
            &mut tree,
            r"values.gateways.istio-ingressgateway.podAnnotations.a\.b/c=x",
        )
        .unwrap();
        assert_eq!(
            tree,
            json!({"spec": {"values": {"gateways": {"istio-ingressgateway": {"podAnnotations": {"a.b/c": "x"}}}}}})
        );
    }

    #[test]
    fn indexes_set_and_append() {
        let mut tree = json!({"spec": {"list": [{"a": 1}]}});
        apply(&mut tree, "list[0].a=2").unwrap();
        apply(&mut tree, "list[1].a=3").unwrap();
        assert_eq!(tree, json!({"spec": {"list": [{"a": 2}, {"a": 3}]}}));
        // Issue 24: past the end by more than one, or negative, is refused (istioctl appends).
        for flag in ["list[5].a=4", "list[-1].a=4"] {
            assert!(
                matches!(
                    apply(&mut tree, flag),
                    Err(SetPathError::IndexOutOfRange { length: 2, .. })
                ),
                "{flag}"
            );
        }
    }

    #[test]
    fn key_value_selector_picks_the_matching_element() {
        let mut tree = json!({"spec": {"components": {"ingressGateways": [
            {"name": "a", "enabled": false}, {"name": "b", "enabled": false}
        ]}}});
        apply(&mut tree, "components.ingressGateways[name:b].enabled=true").unwrap();
        assert_eq!(
            get_path(&tree, "spec.components.ingressGateways.[name:b].enabled"),
            Some(&json!(true))
        );
        assert_eq!(
            get_path(&tree, "spec.components.ingressGateways.[name:a].enabled"),
            Some(&json!(false))
        );
    }

    #[test]
    fn a_selector_that_matches_nothing_is_an_error() {
        let mut tree = json!({"spec": {"components": {"ingressGateways": [{"name": "a"}]}}});
        let error = apply(
            &mut tree,
            "components.ingressGateways[name:zz].enabled=true",
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "--set components.ingressGateways[name:zz].enabled=true: no element of `spec.components.ingressGateways` has name=zz"
        );
    }

    #[test]
    fn setting_inside_a_scalar_is_an_error() {
        let mut tree = json!({"spec": {"hub": "x"}});
        let error = apply(&mut tree, "hub.inner=1").unwrap_err();
        assert_eq!(
            error.to_string(),
            "--set hub.inner=1: `spec.hub` is a string, so `inner` cannot be set inside it"
        );
    }

    #[test]
    fn malformed_flags_are_errors() {
        assert!(matches!(
            SetFlag::parse("novalue"),
            Err(SetPathError::MissingValue { .. })
        ));
        assert!(matches!(
            SetFlag::parse("=1"),
            Err(SetPathError::EmptyPath { .. })
        ));
        assert!(matches!(
            SetFlag::parse("a[x].b=1"),
            Err(SetPathError::BadSelector { .. })
        ));
    }

    /// Issue 16: `values..global.hub`, `.hub` and `values.global.hub.` created keys with empty names.
    #[test]
    fn empty_segments_are_errors_and_escaped_dots_are_not() {
        for text in [
            "values..global.hub=x",
            ".hub=x",
            "values.global.hub.=x",
            "a...b=1",
        ] {
            assert!(
                matches!(SetFlag::parse(text), Err(SetPathError::EmptySegment { .. })),
                "{text}"
            );
        }
        for text in ["a\\.b.c=1", "values.global.hub=x", "a.b[0].c=1", "a.[0]=1"] {
            assert!(SetFlag::parse(text).is_ok(), "{text}");
        }
    }

    /// Issue 16: a path of ~8,300 segments overflowed the stack; files stop at the same depth.
    #[test]
    fn a_path_deeper_than_files_may_nest_is_refused() {
        let deepest = vec!["a"; crate::yaml::MAX_DEPTH - 1].join(".");
        let mut tree = json!({});
        apply(&mut tree, &format!("{deepest}=1")).expect("as deep as a file may nest");
        let too_deep = vec!["a"; crate::yaml::MAX_DEPTH].join(".");
        let error = SetFlag::parse(&format!("{too_deep}=1")).unwrap_err();
        assert!(
            matches!(error, SetPathError::TooDeep { segments: 65, .. }),
            "{error}"
        );
        let error = SetFlag::parse(&format!("{}=1", vec!["a"; 100_000].join("."))).unwrap_err();
        assert!(
            error.to_string().contains(" … "),
            "long flags are abbreviated: {error}"
        );
    }

    proptest::proptest! {
        /// Issue 24: `[N]` edits element N, appends at N when N is the length, and is refused
        /// otherwise; it never lands anywhere else (an index past the end became element 0).
        #[test]
        fn a_list_index_lands_where_it_says_or_is_refused(length in 0usize..5, index in -3i64..9) {
            let list: Vec<Value> = (0..length).map(|i| json!({"n": i})).collect();
            let mut tree = json!({"spec": {"list": list}});
            let result = apply(&mut tree, &format!("list[{index}].n=99"));
            let after = tree["spec"]["list"].as_array().cloned().unwrap_or_default();
            match usize::try_from(index) {
                Ok(i) if i <= length => {
                    proptest::prop_assert!(result.is_ok());
                    proptest::prop_assert_eq!(after.len(), length.max(i + 1));
                    proptest::prop_assert_eq!(&after[i], &json!({"n": 99}));
                    for (j, element) in after.iter().enumerate().filter(|(j, _)| *j != i) {
                        proptest::prop_assert_eq!(element, &json!({"n": j}));
                    }
                }
                _ => {
                    let refused = matches!(result, Err(SetPathError::IndexOutOfRange { .. }));
                    proptest::prop_assert!(refused);
                    proptest::prop_assert_eq!(after.len(), length);
                }
            }
        }
    }
}
