//! Checks on `spec.values`, the Helm values passed through to the charts.
//!
//! istioctl decodes `spec.values` strictly into its `Values` protobuf message (with the legacy
//! `jsonpb` decoder), so a misspelt key or a wrong type stops the install before anything is
//! rendered. We check the same rules offline against a key tree generated from the release's own
//! `values_types.proto` (`testenv/gen-values-schema` writes `releases/<minor>/values_schema.json`:
//! an older istioctl refuses keys a newer one knows). The checker is
//! exactly as lenient as that decoder: numeric strings are fine for number fields, `null` is fine
//! anywhere, free-form `Struct`/`Value` fields take anything, and booleans must be real booleans.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde_json::Value;

use crate::release::{self, Release};

/// Each release's generated key tree, parsed once; see `testenv/gen-values-schema` for its shape.
static SCHEMAS: LazyLock<Vec<(String, Node)>> = LazyLock::new(|| {
    release::all()
        .iter()
        .map(|release| {
            let tree: Value = serde_json::from_str(release.values_schema())
                .expect("values_schema.json is generated JSON and embedded at build time");
            (release.minor.clone(), Node::parse(&tree["root"]))
        })
        .collect()
});

fn schema(release: &Release) -> &'static Node {
    let schemas: &'static [(String, Node)] = &SCHEMAS;
    schemas
        .iter()
        .find(|(minor, _)| *minor == release.minor)
        .map_or(&schemas[0].1, |(_, node)| node)
}

/// What one key of `spec.values` may hold.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Bool,
    Int {
        min: i64,
        max: i64,
        name: &'static str,
    },
    Float32,
    Float64,
    Str,
    Duration,
    IntOrString,
    /// `google.protobuf.Struct`: any JSON object.
    Object,
    /// `google.protobuf.Value`: anything at all.
    Any,
    /// `google.protobuf.ListValue`: any JSON array.
    Array,
    Enum(Vec<String>),
    List(Box<Node>),
    Map(Box<Node>),
    Message {
        fields: BTreeMap<String, Node>,
        /// Proto field names that differ from the JSON name; the decoder accepts both.
        aliases: BTreeMap<String, String>,
    },
}

impl Node {
    fn parse(tree: &Value) -> Node {
        match tree {
            Value::String(leaf) => Node::leaf(leaf),
            Value::Array(pair) => {
                let inner = Box::new(Node::parse(pair.get(1).unwrap_or(&Value::Null)));
                match pair.first().and_then(Value::as_str) {
                    Some("map") => Node::Map(inner),
                    _ => Node::List(inner),
                }
            }
            Value::Object(entries) => {
                let mut fields = BTreeMap::new();
                let mut aliases = BTreeMap::new();
                for (key, child) in entries {
                    match child.as_str().and_then(|s| s.strip_prefix('=')) {
                        Some(target) => {
                            aliases.insert(key.clone(), target.to_string());
                        }
                        None => {
                            fields.insert(key.clone(), Node::parse(child));
                        }
                    }
                }
                Node::Message { fields, aliases }
            }
            _ => Node::Any,
        }
    }

    fn leaf(name: &str) -> Node {
        match name {
            "bool" => Node::Bool,
            "int32" => Node::Int {
                min: i32::MIN.into(),
                max: i32::MAX.into(),
                name: "int32",
            },
            "uint32" => Node::Int {
                min: 0,
                max: u32::MAX.into(),
                name: "uint32",
            },
            "int64" => Node::Int {
                min: i64::MIN,
                max: i64::MAX,
                name: "int64",
            },
            "uint64" => Node::Int {
                min: 0,
                max: i64::MAX,
                name: "uint64",
            },
            "float" => Node::Float32,
            "double" => Node::Float64,
            "string" | "bytes" => Node::Str,
            "duration" => Node::Duration,
            "intOrString" => Node::IntOrString,
            "struct" => Node::Object,
            "listValue" => Node::Array,
            other => match other.strip_prefix("enum:") {
                Some(values) => Node::Enum(values.split('|').map(str::to_string).collect()),
                None => Node::Any,
            },
        }
    }

    fn field(&self, key: &str) -> Option<&Node> {
        let Node::Message { fields, aliases } = self else {
            return None;
        };
        fields
            .get(key)
            .or_else(|| aliases.get(key).and_then(|name| fields.get(name)))
    }
}

/// Checks `spec.values` (the object under `values`) as istioctl's decoder would; one message per
/// problem, each naming the full path (`values.pilot.autoscaleEnabled`).
#[must_use]
pub fn check(release: &Release, values: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    check_node(schema(release), values, "values", &mut problems);
    problems
}

/// The JSON names `spec.values.<path>` accepts at a dotted path (for tests and suggestions).
#[must_use]
pub fn known_keys(release: &Release, path: &[&str]) -> Vec<String> {
    let mut node: &Node = schema(release);
    for key in path {
        match node.field(key) {
            Some(child) => node = child,
            None => return Vec::new(),
        }
    }
    match node {
        Node::Message { fields, .. } => fields.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// Whether `spec.values.<path>` is a boolean field (so `--set …=yes` can mean `true` there).
#[must_use]
pub fn is_boolean(release: &Release, path: &[&str]) -> bool {
    let mut node: &Node = schema(release);
    for key in path {
        match node.field(key) {
            Some(child) => node = child,
            None => return false,
        }
    }
    *node == Node::Bool
}

fn check_node(node: &Node, value: &Value, path: &str, problems: &mut Vec<String>) {
    // The decoder skips `null` everywhere: it means "unset".
    if value.is_null() {
        return;
    }
    let expected = match node {
        Node::Any => return,
        Node::Bool if value.is_boolean() => return,
        Node::Bool => "a boolean".to_string(),
        Node::Int { min, max, name } => match int_problem(value, *min, *max, name) {
            None => return,
            Some(expected) => expected,
        },
        Node::Float32 | Node::Float64 => {
            if float_ok(value, matches!(node, Node::Float32)) {
                return;
            }
            "a number".to_string()
        }
        Node::Str if value.is_string() => return,
        Node::Str => "a string".to_string(),
        Node::Duration => match value.as_str() {
            Some(text) if go_duration_ok(text) => return,
            _ => "a duration such as \"30s\" or \"1h30m\"".to_string(),
        },
        Node::IntOrString => match value {
            Value::String(_) => return,
            Value::Number(_) if int_in_range(value, i32::MIN.into(), i32::MAX.into()) => return,
            _ => "an integer or a string".to_string(),
        },
        Node::Object if value.is_object() => return,
        Node::Object => "an object".to_string(),
        Node::Array if value.is_array() => return,
        Node::Array => "a list".to_string(),
        Node::Enum(names) => match value {
            Value::String(text) if names.iter().any(|n| n == text) => return,
            // The decoder also takes an enum's number.
            Value::Number(_) if int_in_range(value, i32::MIN.into(), i32::MAX.into()) => return,
            _ => format!(
                "one of {}",
                names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
        Node::List(item) => {
            if let Value::Array(items) = value {
                for (index, element) in items.iter().enumerate() {
                    check_node(item, element, &format!("{path}[{index}]"), problems);
                }
                return;
            }
            "a list".to_string()
        }
        Node::Map(item) => {
            if let Value::Object(entries) = value {
                for (key, element) in entries {
                    check_node(item, element, &format!("{path}.{key}"), problems);
                }
                return;
            }
            "an object".to_string()
        }
        Node::Message { fields, aliases } => {
            if let Value::Object(entries) = value {
                for (key, element) in entries {
                    let child_path = format!("{path}.{key}");
                    match node.field(key) {
                        Some(child) => check_node(child, element, &child_path, problems),
                        None => problems.push(unknown_field(&child_path, key, fields, aliases)),
                    }
                }
                return;
            }
            "an object".to_string()
        }
    };
    let hint = match (node, value) {
        (Node::Bool, Value::String(_)) => "; hint: write true or false without quotes".to_string(),
        (Node::Message { .. } | Node::Map(_) | Node::Object, _) if !value.is_array() => {
            format!("; hint: `{path}` holds settings, set the keys below it (`{path}.<key>`)")
        }
        _ => String::new(),
    };
    problems.push(format!(
        "`{path}`: expected {expected}, got {}{hint}",
        describe(value)
    ));
}

fn unknown_field(
    path: &str,
    key: &str,
    fields: &BTreeMap<String, Node>,
    aliases: &BTreeMap<String, String>,
) -> String {
    let candidates = fields.keys().chain(aliases.keys());
    match suggest(key, candidates) {
        Some(best) => format!("`{path}`: unknown field; did you mean `{best}`?"),
        None => format!("`{path}`: unknown field"),
    }
}

/// The closest known name, if it is close enough to be a likely typo.
pub(crate) fn suggest<'a>(
    key: &str,
    candidates: impl Iterator<Item = &'a String>,
) -> Option<&'a String> {
    let lower = key.to_lowercase();
    let limit = (key.chars().count() / 4).clamp(1, 3);
    candidates
        .map(|c| {
            let distance = if c.to_lowercase() == lower {
                0
            } else {
                edit_distance(key, c)
            };
            (distance, c)
        })
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// "the string \"yes\"", "the number 1.5", "a list" …: what the user actually wrote.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {}", Value::String(s.clone())),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

/// An integer field: the decoder takes a JSON number, or a string holding a plain decimal integer
/// (it strips the quotes and reads what is left as JSON).
fn int_problem(value: &Value, min: i64, max: i64, name: &str) -> Option<String> {
    let ok = match value {
        Value::Number(_) => int_in_range(value, min, max),
        Value::String(text) => plain_integer(text).is_some_and(|n| n >= min && n <= max),
        _ => false,
    };
    if ok {
        return None;
    }
    Some(if min == 0 {
        format!("a whole number from 0 to {max} ({name})")
    } else {
        format!("a whole number ({name})")
    })
}

fn int_in_range(value: &Value, min: i64, max: i64) -> bool {
    let Value::Number(number) = value else {
        return false;
    };
    if let Some(n) = number.as_i64() {
        return n >= min && n <= max;
    }
    if number.as_u64().is_some() {
        // Above i64::MAX: only a uint64 field could hold it, and we cap those at i64::MAX.
        return false;
    }
    // YAML `3.0` or `1e3` reaches istioctl as a whole float and is printed back without a
    // fraction, so the decoder sees an integer.
    #[allow(clippy::cast_precision_loss)] // Range bounds; a rounding of i64::MAX is harmless here.
    let (min, max) = (min as f64, max as f64);
    number
        .as_f64()
        .is_some_and(|f| f.fract() == 0.0 && f.abs() < 1e21 && f >= min && f <= max)
}

/// `-?(0|[1-9][0-9]*)`, as Go's JSON reader accepts it for an integer target.
fn plain_integer(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let valid = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if valid { text.parse().ok() } else { None }
}

/// A float field: any number, a string holding a JSON number, or `"NaN"`/`"Infinity"`/`"-Infinity"`.
fn float_ok(value: &Value, single: bool) -> bool {
    let parsed = match value {
        Value::Number(number) => number.as_f64(),
        Value::String(text) if matches!(text.as_str(), "NaN" | "Infinity" | "-Infinity") => {
            return true;
        }
        Value::String(text) if json_number(text) => text.parse::<f64>().ok(),
        _ => None,
    };
    parsed.is_some_and(|f| !single || f.abs() <= f64::from(f32::MAX))
}

/// The JSON number grammar: `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`.
fn json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < bytes.len() && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let start = i;
    let integer = digits(&mut i);
    if integer == 0 || (integer > 1 && bytes[start] == b'0') {
        return false;
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == bytes.len()
}

/// Go's `time.ParseDuration`: `0`, or a sign and one or more `<decimal><unit>` pairs.
pub(crate) fn go_duration_ok(text: &str) -> bool {
    let rest = text.strip_prefix(['-', '+']).unwrap_or(text);
    if rest == "0" {
        return true;
    }
    if rest.is_empty() {
        return false;
    }
    let mut rest = rest;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number = &rest[..number_len];
        if number.is_empty() || number == "." || number.matches('.').count() > 1 {
            return false;
        }
        rest = &rest[number_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        if !matches!(
            &rest[..unit_len],
            "ns" | "us" | "µs" | "μs" | "ms" | "s" | "m" | "h"
        ) {
            return false;
        }
        rest = &rest[unit_len..];
    }
    true
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// Each release's istioctl knows its own keys: 1.29's refuses `global.enableReaderRBAC`,
    /// which 1.30 added.
    #[test]
    fn each_release_checks_against_its_own_keys() {
        let values = json!({"global": {"enableReaderRBAC": false}});
        let r29 = release::find("1.29").expect("supported");
        assert!(check(release::newest(), &values).is_empty());
        assert!(check(release::find("1.30").expect("supported"), &values).is_empty());
        let problems = check(r29, &values);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("values.global.enableReaderRBAC"),
            "{problems:?}"
        );
    }

    #[test]
    fn schema_knows_the_main_sections() {
        let top = known_keys(release::newest(), &[]);
        for key in [
            "global",
            "pilot",
            "gateways",
            "cni",
            "meshConfig",
            "sidecarInjectorWebhook",
        ] {
            assert!(top.contains(&key.to_string()), "missing {key}");
        }
        assert!(
            known_keys(release::newest(), &["pilot"]).contains(&"autoscaleEnabled".to_string())
        );
        assert!(
            known_keys(release::newest(), &["gateways", "istio_ingressgateway"])
                .contains(&"runAsRoot".to_string())
        );
    }

    #[test]
    fn unknown_field_names_path_and_suggests() {
        let problems = check(
            release::newest(),
            &json!({"pilot": {"autoscaleEnabeld": true}}),
        );
        assert_eq!(
            problems,
            vec![
                "`values.pilot.autoscaleEnabeld`: unknown field; did you mean `autoscaleEnabled`?"
            ]
        );
        let problems = check(release::newest(), &json!({"global": {"zzzzzzzz": 1}}));
        assert_eq!(problems, vec!["`values.global.zzzzzzzz`: unknown field"]);
        // snake_case is not the proto name of a camelCase field, so istioctl rejects it too.
        assert_eq!(
            check(
                release::newest(),
                &json!({"pilot": {"autoscale_enabled": true}})
            )
            .len(),
            1
        );
    }

    #[test]
    fn booleans_must_be_booleans() {
        let problems = check(
            release::newest(),
            &json!({"global": {"proxy": {"privileged": "yes"}}}),
        );
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("`values.global.proxy.privileged`: expected a boolean"),
            "{problems:?}"
        );
        assert!(
            problems[0].ends_with(
                "expected a boolean, got the string \"yes\"; hint: write true or false without quotes"
            ),
            "{problems:?}"
        );
        assert!(
            check(
                release::newest(),
                &json!({"pilot": {"autoscaleEnabled": "true"}})
            )
            .len()
                == 1
        );
        assert!(
            check(
                release::newest(),
                &json!({"pilot": {"autoscaleEnabled": null}})
            )
            .is_empty()
        );
    }

    #[test]
    fn integers_accept_numeric_strings_like_istioctl() {
        for ok in [json!(3), json!("3"), json!(3.0), json!(1000.0), json!(null)] {
            assert!(
                check(release::newest(), &json!({"pilot": {"autoscaleMin": ok}})).is_empty(),
                "{ok}"
            );
        }
        for bad in [
            json!(-1),
            json!(1.5),
            json!("1.5"),
            json!("007"),
            json!(""),
            json!(true),
            json!("x"),
        ] {
            assert_eq!(
                check(release::newest(), &json!({"pilot": {"autoscaleMin": bad}})).len(),
                1,
                "{bad}"
            );
        }
    }

    #[test]
    fn floats_strings_durations_enums() {
        assert!(
            check(
                release::newest(),
                &json!({"pilot": {"traceSampling": "1.5"}})
            )
            .is_empty()
        );
        assert!(
            check(
                release::newest(),
                &json!({"pilot": {"traceSampling": "NaN"}})
            )
            .is_empty()
        );
        assert_eq!(
            check(
                release::newest(),
                &json!({"pilot": {"traceSampling": "abc"}})
            )
            .len(),
            1
        );
        assert_eq!(
            check(release::newest(), &json!({"global": {"hub": 5}})).len(),
            1
        );
        assert!(
            check(
                release::newest(),
                &json!({"pilot": {"keepaliveMaxServerConnectionAge": "30m"}})
            )
            .is_empty()
        );
        assert!(
            check(
                release::newest(),
                &json!({"pilot": {"keepaliveMaxServerConnectionAge": "1h2m3.5s"}})
            )
            .is_empty()
        );
        assert_eq!(
            check(
                release::newest(),
                &json!({"pilot": {"keepaliveMaxServerConnectionAge": "5x"}})
            )
            .len(),
            1
        );
        assert!(
            check(
                release::newest(),
                &json!({"global": {"proxy": {"tracer": "zipkin"}}})
            )
            .is_empty()
        );
        assert!(
            check(
                release::newest(),
                &json!({"global": {"proxy": {"tracer": 1}}})
            )
            .is_empty()
        );
        let problems = check(
            release::newest(),
            &json!({"global": {"proxy": {"tracer": "foo"}}}),
        );
        assert!(problems[0].contains("one of `zipkin`"), "{problems:?}");
    }

    #[test]
    fn free_form_fields_take_anything() {
        let values = json!({
            "meshConfig": {"anything": {"goes": [1, "x"]}},
            "ztunnel": {"whatever": true},
            "pilot": {"env": {"A": 1}, "affinity": {"x": 1}, "tolerations": [{"y": 2}]},
            "gateways": {"istio-ingressgateway": {"labels": {"a": "b"}}},
        });
        assert!(
            check(release::newest(), &values).is_empty(),
            "{:?}",
            check(release::newest(), &values)
        );
        // map<string,string> values are still strings.
        assert_eq!(
            check(
                release::newest(),
                &json!({"pilot": {"resources": {"limits": {"cpu": 1}}}})
            )
            .len(),
            1
        );
        // A section that is not an object.
        let problems = check(release::newest(), &json!({"pilot": 1}));
        assert_eq!(
            problems,
            vec![
                "`values.pilot`: expected an object, got the number 1; hint: `values.pilot` holds \
                 settings, set the keys below it (`values.pilot.<key>`)"
            ]
        );
    }

    #[test]
    fn reports_every_problem_with_list_indexes() {
        let problems = check(
            release::newest(),
            &json!({
                "pilot": {"foo": 1, "bar": 2},
                "global": {"defaultTolerations": [{}, 3]},
                "revisionTags": ["a", 1],
            }),
        );
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("`values.global.defaultTolerations[1]`"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("`values.revisionTags[1]`"))
        );
    }

    #[test]
    fn go_duration_grammar() {
        for ok in ["0", "1s", "-1.5h", "300ms", "2h45m", "1µs", ".5s", "1.s"] {
            assert!(go_duration_ok(ok), "{ok}");
        }
        for bad in ["", "1", "s", "1x", "1s2", "--1s"] {
            assert!(!go_duration_ok(bad), "{bad}");
        }
    }
}
