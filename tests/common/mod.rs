//! Object-by-object, field-by-field comparison of two rendered manifest streams, with the
//! deliberate differences of `testdata/parity/allow-list.yaml` ignored. The same rules as
//! `testenv/compare.py`, so that `cargo test` and the Python report agree on what "identical" means.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use meshctl::yaml::{self, Source};
use serde_json::Value;

/// An object's identity in a stream: kind, namespace (empty when cluster-scoped), name.
pub type Key = (String, String, String);

/// The allow-list: labels ignored everywhere, labels ignored where the expected object has none,
/// and field paths ignored per `Kind/name` (`*` = any; a name also matches `name-<suffix>`).
#[derive(Debug, Default)]
pub struct AllowList {
    pub labels: BTreeSet<String>,
    pub added_labels: BTreeSet<String>,
    pub fields: Vec<(String, String, BTreeSet<String>)>,
}

impl AllowList {
    pub fn load(path: &Path) -> Self {
        let text = std::fs::read_to_string(path).expect("read the allow-list");
        let tree = yaml::parse_value(&text, &Source(path.display().to_string()))
            .expect("the allow-list is valid YAML");
        let keys = |section: &str| -> BTreeSet<String> {
            tree.get(section)
                .and_then(Value::as_object)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        };
        let mut fields = Vec::new();
        if let Some(map) = tree.get("fields").and_then(Value::as_object) {
            for (key, paths) in map {
                let (kind, name) = key.split_once('/').unwrap_or((key.as_str(), ""));
                let paths = paths
                    .as_array()
                    .expect("allow-list fields are lists of paths")
                    .iter()
                    .map(|p| p.as_str().expect("a field path is text").to_string())
                    .collect();
                fields.push((kind.to_string(), name.to_string(), paths));
            }
        }
        Self {
            labels: keys("labels"),
            added_labels: keys("added_labels"),
            fields,
        }
    }

    fn ignored_fields(&self, (kind, _, name): &Key) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for (k, n, paths) in &self.fields {
            let kind_matches = k == "*" || k == kind;
            let name_matches = n == "*" || n == name || name.starts_with(&format!("{n}-"));
            if kind_matches && name_matches {
                out.extend(paths.iter().cloned());
            }
        }
        out
    }
}

/// Parses a stream into objects by key (a later duplicate replaces an earlier one, as in compare.py).
pub fn load(text: &str, source: &str) -> BTreeMap<Key, Value> {
    let documents = yaml::parse_documents(text, &Source(source.into()))
        .unwrap_or_else(|e| panic!("{source}: {e}"));
    documents
        .into_iter()
        .filter(Value::is_object)
        .map(|d| {
            let text =
                |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_string();
            let key = (
                text(d.get("kind")),
                text(d.pointer("/metadata/namespace")),
                text(d.pointer("/metadata/name")),
            );
            (key, d)
        })
        .collect()
}

const LABEL_HOLDERS: [&str; 2] = ["/metadata", "/spec/template/metadata"];

/// Drops the labels ignored everywhere.
fn strip(object: &mut Value, allow: &AllowList) {
    for holder in LABEL_HOLDERS {
        remove_labels(object, holder, |k| allow.labels.contains(k));
    }
}

/// Drops the labels meshctl adds where the expected object has none.
fn strip_added(expected: &Value, actual: &mut Value, allow: &AllowList) {
    for holder in LABEL_HOLDERS {
        let present: BTreeSet<String> = expected
            .pointer(&format!("{holder}/labels"))
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        remove_labels(actual, holder, |k| {
            allow.added_labels.contains(k) && !present.contains(k)
        });
    }
}

fn remove_labels(object: &mut Value, holder: &str, drop: impl Fn(&str) -> bool) {
    let Some(holder) = object.pointer_mut(holder).and_then(Value::as_object_mut) else {
        return;
    };
    if let Some(labels) = holder.get_mut("labels").and_then(Value::as_object_mut) {
        labels.retain(|k, _| !drop(k));
        if labels.is_empty() {
            holder.remove("labels");
        }
    }
}

/// Every leaf as `a.b[0].c` → value; an empty map or list is a leaf of its own.
fn leaves(value: &Value, path: &str, out: &mut BTreeMap<String, Value>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                let next = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                leaves(v, &next, out);
            }
        }
        Value::Array(list) if !list.is_empty() => {
            for (i, v) in list.iter().enumerate() {
                leaves(v, &format!("{path}[{i}]"), out);
            }
        }
        other => {
            out.insert(path.to_string(), other.clone());
        }
    }
}

fn flatten(value: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    leaves(value, "", &mut out);
    out
}

/// The outcome of comparing one expected stream with one actual stream.
#[derive(Debug, Default)]
pub struct Comparison {
    pub objects_ok: usize,
    pub objects_total: usize,
    pub fields_ok: usize,
    pub fields_total: usize,
    pub missing: Vec<Key>,
    pub extra: Vec<Key>,
    /// Per differing object: `path: expected X got Y` or `path: unexpected X` lines.
    pub diffs: BTreeMap<Key, Vec<String>>,
}

impl Comparison {
    pub fn identical(&self) -> bool {
        self.missing.is_empty() && self.extra.is_empty() && self.diffs.is_empty()
    }

    /// A readable account of every missing and extra object and the first `limit` field
    /// differences of each differing object.
    pub fn describe(&self, limit: usize) -> String {
        let mut out = String::new();
        for key in &self.missing {
            let _ = writeln!(out, "  MISSING {key:?}");
        }
        for key in &self.extra {
            let _ = writeln!(out, "  EXTRA {key:?}");
        }
        for (key, lines) in &self.diffs {
            let _ = writeln!(out, "  DIFF {key:?}");
            for line in lines.iter().take(limit) {
                let _ = writeln!(out, "    {line}");
            }
            if lines.len() > limit {
                let _ = writeln!(out, "    ... {} more", lines.len() - limit);
            }
        }
        out
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 200 {
        format!("{}…", text.chars().take(200).collect::<String>())
    } else {
        text
    }
}

/// Compares `actual` with `expected` under the allow-list.
pub fn compare(
    expected: &BTreeMap<Key, Value>,
    actual: &BTreeMap<Key, Value>,
    allow: &AllowList,
) -> Comparison {
    let mut result = Comparison {
        objects_total: expected.len(),
        extra: actual
            .keys()
            .filter(|k| !expected.contains_key(*k))
            .cloned()
            .collect(),
        ..Comparison::default()
    };
    for (key, expected_object) in expected {
        let mut expected_object = expected_object.clone();
        strip(&mut expected_object, allow);
        let skip = allow.ignored_fields(key);
        let mut e = flatten(&expected_object);
        e.retain(|p, _| !skip.contains(p));
        result.fields_total += e.len();
        let Some(actual_object) = actual.get(key) else {
            result.missing.push(key.clone());
            continue;
        };
        result.objects_ok += 1;
        let mut actual_object = actual_object.clone();
        strip_added(&expected_object, &mut actual_object, allow);
        strip(&mut actual_object, allow);
        let mut a = flatten(&actual_object);
        a.retain(|p, _| !skip.contains(p));
        let mut lines = Vec::new();
        for (path, value) in &e {
            match a.get(path) {
                Some(got) if got == value => result.fields_ok += 1,
                Some(got) => lines.push(format!(
                    "{path}: expected {} got {}",
                    short(value),
                    short(got)
                )),
                None => lines.push(format!("{path}: expected {} got <absent>", short(value))),
            }
        }
        for (path, value) in &a {
            if !e.contains_key(path) {
                lines.push(format!("{path}: unexpected {}", short(value)));
            }
        }
        if !lines.is_empty() {
            result.diffs.insert(key.clone(), lines);
        }
    }
    result
}
