//! `k8s.overlays[].patches[]`: path-addressed edits of a rendered object, with istioctl's `tpath`
//! semantics reproduced quirk for quirk, because users' overlays were written against them.
//!
//! A path is `.`-separated (`\.` escapes a dot; `name[sel]` is short for `name.[sel]`). Selectors:
//! - `[N]` picks element N of a list; `-1` or an index past the end appends;
//! - `[key:value]` picks the first map element whose `key`, printed, equals `value` (no regex);
//! - `[value]` or `[:value]` picks the first scalar element the regular expression `value` matches
//!   anywhere in (unanchored, as Go's `regexp.MatchString`).
//!
//! Missing map keys along the path are created. A `null` (or absent) value deletes the addressed
//! node. A string value with `": "` on one line, or `:` over several lines, that parses as a YAML
//! map (and is not JSON) is written as that map.
//!
//! Why a node arena instead of editing the `serde_json` tree directly: istioctl's outcome depends
//! on which Go type each node has. Maps read from the rendered YAML (`map[any]any`) take a value
//! by plain assignment, while maps that came from an earlier patch value or were created on the
//! way (`map[string]any`) append scalars to a list child and replace the key itself when given a
//! YAML-map string; a missing key followed by `[N]` becomes a list only under the latter. Nodes
//! created for a `null` or past-the-end element stay detached until a write attaches them, so a
//! delete through them changes nothing. The arena keeps each node's origin and that sharing.

use std::collections::BTreeMap;

use serde_json::Value;

/// Why an overlay does not apply: every failing patch, with what is wrong at its path.
#[derive(Debug, thiserror::Error)]
#[error("{}", describe(.failures))]
pub struct OverlayError {
    pub failures: Vec<PathFailure>,
}

/// One patch whose path does not resolve or cannot be written.
#[derive(Debug)]
pub struct PathFailure {
    pub path: String,
    pub problem: PathProblem,
}

fn describe(failures: &[PathFailure]) -> String {
    failures
        .iter()
        .map(|failure| format!("path `{}`: {}", failure.path, failure.problem))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What is wrong at a patch's path.
#[derive(Debug, thiserror::Error)]
pub enum PathProblem {
    #[error("`{node}` is a {kind}, it has no `{rest}`")]
    NotAContainer {
        node: String,
        kind: &'static str,
        rest: String,
    },
    #[error("`{0}` is not a valid [key:value] selector for a list of maps")]
    NotAKeyValueSelector(String),
    #[error("`{0}` is not a valid [value] selector")]
    NotAValueSelector(String),
    #[error("no list element matches `{0}`")]
    NoMatch(String),
    #[error("cannot delete the root element")]
    DeleteRoot,
    #[error("cannot delete an element of a list nested in a list")]
    DeleteInNestedList,
    #[error("cannot delete element {0}: it does not exist")]
    DeleteMissing(usize),
    #[error("cannot delete: unsupported parent of the list")]
    DeleteUnsupportedListParent,
    #[error("cannot delete: unsupported parent type {0}")]
    DeleteUnsupportedParent(&'static str),
    #[error("expected a list")]
    ExpectedList,
    #[error("cannot write into a {0}")]
    CannotWriteInto(&'static str),
}

/// Applies one overlay's patches to `object`; on failure every failing patch is reported, and
/// then the object must not be used.
pub fn apply_patches(object: &mut Value, patches: &[(String, Value)]) -> Result<(), OverlayError> {
    let mut tree = Tree::default();
    let root = tree.import(object, Origin::Rendered);
    let mut failures = Vec::new();
    for (path, value) in patches {
        if let Err(problem) = tree.apply(root, path, value) {
            failures.push(PathFailure {
                path: path.clone(),
                problem,
            });
        }
    }
    if !failures.is_empty() {
        return Err(OverlayError { failures });
    }
    *object = tree.export(root);
    Ok(())
}

type Id = usize;

/// Where a map came from, which decides how writes into it behave (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// Read from the rendered object (Go `map[any]any`).
    Rendered,
    /// From a patch value, a parsed YAML string or created while walking (Go `map[string]any`).
    Patch,
}

#[derive(Debug, Clone)]
enum Node {
    Null,
    Scalar(Value),
    Map(Origin, BTreeMap<String, Id>),
    List(Vec<Id>),
}

#[derive(Debug, Default)]
struct Tree {
    nodes: Vec<Node>,
}

/// One step of a resolved path: Go's `PathContext`.
#[derive(Debug, Clone)]
struct Frame {
    node: Id,
    /// A list reached through a map key: Go holds it as `*any`, and only such lists can grow or
    /// lose elements.
    by_ref: bool,
    parent: Option<usize>,
    /// How the child frame was reached from this one.
    key: Option<Step>,
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

impl Tree {
    fn push(&mut self, node: Node) -> Id {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    fn import(&mut self, value: &Value, origin: Origin) -> Id {
        let node = match value {
            Value::Null => Node::Null,
            Value::Array(items) => {
                Node::List(items.iter().map(|v| self.import(v, origin)).collect())
            }
            Value::Object(map) => Node::Map(
                origin,
                map.iter()
                    .map(|(k, v)| (k.clone(), self.import(v, origin)))
                    .collect(),
            ),
            scalar => Node::Scalar(scalar.clone()),
        };
        self.push(node)
    }

    fn export(&self, id: Id) -> Value {
        match &self.nodes[id] {
            Node::Null => Value::Null,
            Node::Scalar(value) => value.clone(),
            Node::Map(_, map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), self.export(*v)))
                    .collect(),
            ),
            Node::List(items) => Value::Array(items.iter().map(|v| self.export(*v)).collect()),
        }
    }

    fn is_list(&self, id: Id) -> bool {
        matches!(self.nodes[id], Node::List(_))
    }

    /// Go's `fmt.Sprint` of a node, which `[key:value]` and `[value]` compare against.
    fn sprint(&self, id: Id) -> String {
        match &self.nodes[id] {
            Node::Null => "<nil>".into(),
            Node::Scalar(Value::String(text)) => text.clone(),
            Node::Scalar(Value::Number(number)) => crate::render::helm::decoded_number(number),
            Node::Scalar(other) => other.to_string(),
            Node::Map(_, map) => {
                let entries: Vec<String> = map
                    .iter()
                    .map(|(k, v)| format!("{k}:{}", self.sprint(*v)))
                    .collect();
                format!("map[{}]", entries.join(" "))
            }
            Node::List(items) => {
                let items: Vec<String> = items.iter().map(|v| self.sprint(*v)).collect();
                format!("[{}]", items.join(" "))
            }
        }
    }

    /// Go's name for a node's type, for messages that mirror istioctl's.
    fn go_type(&self, id: Id, by_ref: bool) -> &'static str {
        match &self.nodes[id] {
            Node::Null => "<nil>",
            Node::Scalar(Value::String(_)) => "string",
            Node::Scalar(Value::Bool(_)) => "bool",
            Node::Scalar(Value::Number(n)) if n.is_f64() => "float64",
            Node::Scalar(_) => "int",
            Node::Map(Origin::Rendered, _) => "map[interface {}]interface {}",
            Node::Map(Origin::Patch, _) => "map[string]interface {}",
            Node::List(_) if by_ref => "*interface {}",
            Node::List(_) => "[]interface {}",
        }
    }

    fn apply(&mut self, root: Id, path: &str, value: &Value) -> Result<(), PathProblem> {
        let path = parse_path(path);
        let mut frames = vec![Frame {
            node: root,
            by_ref: false,
            parent: None,
            key: None,
        }];
        let target = self.resolve(&mut frames, &path)?;
        if value.is_null() {
            self.delete(&mut frames, target)
        } else {
            self.set(&mut frames, target, value)
        }
    }

    /// Go's `getPathContext` with `createMissing`: walks `path`, creating missing map keys.
    fn resolve(&mut self, frames: &mut Vec<Frame>, path: &[String]) -> Result<usize, PathProblem> {
        let mut current = 0;
        for (position, element) in path.iter().enumerate() {
            if matches!(self.nodes[frames[current].node], Node::Null) {
                // The fresh node is not attached to the parent until a write propagates up.
                let fresh = if is_index(element) || key_value(element).is_some() {
                    Node::List(Vec::new())
                } else {
                    Node::Map(Origin::Patch, BTreeMap::new())
                };
                frames[current].node = self.push(fresh);
                frames[current].by_ref = false;
            }
            let node = frames[current].node;
            let (step, child, by_ref) = match self.nodes[node].clone() {
                Node::List(items) => {
                    let (index, child) = self.select(&items, element)?;
                    (Step::Index(index), child, false)
                }
                Node::Map(origin, map) => {
                    let child = if let Some(&child) = map.get(element) {
                        child
                    } else {
                        let next_is_index = path.get(position + 1).is_some_and(|n| is_index(n));
                        let fresh = match origin {
                            Origin::Rendered => Node::Map(Origin::Rendered, BTreeMap::new()),
                            Origin::Patch if next_is_index => Node::List(Vec::new()),
                            Origin::Patch => Node::Map(Origin::Patch, BTreeMap::new()),
                        };
                        let child = self.push(fresh);
                        if let Node::Map(_, map) = &mut self.nodes[node] {
                            map.insert(element.clone(), child);
                        }
                        child
                    };
                    (Step::Key(element.clone()), child, self.is_list(child))
                }
                Node::Scalar(_) | Node::Null => {
                    return Err(PathProblem::NotAContainer {
                        node: self.sprint(node),
                        kind: self.go_type(node, false),
                        rest: path[position..].join("."),
                    });
                }
            };
            frames[current].key = Some(step);
            frames.push(Frame {
                node: child,
                by_ref,
                parent: Some(current),
                key: None,
            });
            current = frames.len() - 1;
        }
        Ok(current)
    }

    /// Picks a list element by `[N]`, `[key:value]` or `[value]`.
    fn select(&mut self, items: &[Id], element: &str) -> Result<(usize, Id), PathProblem> {
        if let Some(index) = parse_index(element) {
            return Ok(match usize::try_from(index) {
                Ok(index) if index < items.len() => (index, items[index]),
                // Appending: the new element stays detached until written.
                _ => (
                    items.len(),
                    self.push(Node::Map(Origin::Patch, BTreeMap::new())),
                ),
            });
        }
        for (index, &item) in items.iter().enumerate() {
            if let Node::Map(_, map) = &self.nodes[item] {
                let Some((key, wanted)) = key_value(element) else {
                    return Err(PathProblem::NotAKeyValueSelector(element.to_string()));
                };
                let actual = map
                    .get(key)
                    .map_or_else(|| "<nil>".into(), |v| self.sprint(*v));
                if actual == wanted {
                    return Ok((index, item));
                }
                continue;
            }
            let pattern = leaf_value(element)
                .ok_or_else(|| PathProblem::NotAValueSelector(element.to_string()))?;
            // Go logs a bad expression and treats it as no match.
            let matched =
                regex::Regex::new(pattern).is_ok_and(|regex| regex.is_match(&self.sprint(item)));
            if matched {
                return Ok((index, item));
            }
        }
        Err(PathProblem::NoMatch(element.to_string()))
    }

    /// Go's `WritePathContext` with a nil value.
    fn delete(&mut self, frames: &mut [Frame], target: usize) -> Result<(), PathProblem> {
        let Some(parent) = frames[target].parent else {
            return Err(PathProblem::DeleteRoot);
        };
        let parent_node = frames[parent].node;
        match (&mut self.nodes[parent_node], frames[parent].key.clone()) {
            (Node::List(items), Some(Step::Index(index))) => {
                if !frames[parent].by_ref {
                    return Err(PathProblem::DeleteInNestedList);
                }
                if index >= items.len() {
                    return Err(PathProblem::DeleteMissing(index));
                }
                items.remove(index);
                let grandparent = frames[parent]
                    .parent
                    .expect("a list reached by reference hangs off a map");
                match (
                    &mut self.nodes[frames[grandparent].node],
                    frames[grandparent].key.clone(),
                ) {
                    (Node::Map(_, map), Some(Step::Key(key))) => {
                        map.insert(key, parent_node);
                        Ok(())
                    }
                    _ => Err(PathProblem::DeleteUnsupportedListParent),
                }
            }
            (Node::Map(_, map), Some(Step::Key(key))) => {
                map.remove(&key);
                Ok(())
            }
            _ => Err(PathProblem::DeleteUnsupportedParent(
                self.go_type(parent_node, frames[parent].by_ref),
            )),
        }
    }

    /// Go's `setPathContext`: writes the value into the target's parent, then each node into its
    /// own parent up to the root, which attaches nodes created on the way.
    fn set(
        &mut self,
        frames: &mut [Frame],
        target: usize,
        value: &Value,
    ) -> Result<(), PathProblem> {
        let (mut value_id, mut value_by_ref, mut map_from_string) = self.leaf_value_node(value);
        let mut current = target;
        loop {
            let Some(parent) = frames[current].parent else {
                return Ok(());
            };
            let parent_node = frames[parent].node;
            let parent_key = frames[parent].key.clone();
            match (self.nodes[parent_node].clone(), parent_key) {
                (Node::List(mut items), Some(Step::Index(index))) if frames[parent].by_ref => {
                    while items.len() <= index {
                        let filler = self.push(Node::Null);
                        items.push(filler);
                    }
                    items[index] = value_id;
                    self.nodes[parent_node] = Node::List(items);
                    frames[current].node = value_id;
                }
                (Node::Map(Origin::Patch, mut map), Some(Step::Key(key))) => {
                    if map_from_string {
                        // The parsed map's first key replaces the addressed key, and nothing
                        // above is written back.
                        map.remove(&key);
                        let root = match &self.nodes[value_id] {
                            Node::Map(_, parsed) => {
                                parsed.iter().next().map(|(k, v)| (k.clone(), *v))
                            }
                            _ => None,
                        };
                        let (root_key, root_value) = match root {
                            Some(root) => root,
                            None => (String::new(), self.push(Node::Null)),
                        };
                        map.insert(root_key, root_value);
                        self.nodes[parent_node] = Node::Map(Origin::Patch, map);
                        return Ok(());
                    }
                    if frames[current].by_ref && !value_by_ref {
                        // Writing onto a list under such a map appends to it.
                        let Node::List(mut items) = self.nodes[frames[current].node].clone() else {
                            return Err(PathProblem::ExpectedList);
                        };
                        items.push(value_id);
                        let grown = self.push(Node::List(items));
                        map.insert(key, grown);
                        if !matches!(self.nodes[value_id], Node::Map(Origin::Patch, _)) {
                            frames[current].node = grown;
                            frames[current].by_ref = false;
                        }
                    } else {
                        map.insert(key, value_id);
                        frames[current].node = value_id;
                    }
                    self.nodes[parent_node] = Node::Map(Origin::Patch, map);
                }
                (Node::Map(Origin::Rendered, mut map), Some(Step::Key(key))) => {
                    map.insert(key, value_id);
                    self.nodes[parent_node] = Node::Map(Origin::Rendered, map);
                    frames[current].node = value_id;
                }
                _ => {
                    return Err(PathProblem::CannotWriteInto(
                        self.go_type(parent_node, frames[parent].by_ref),
                    ));
                }
            }
            if frames[parent].parent.is_none() {
                return Ok(());
            }
            current = parent;
            value_id = frames[parent].node;
            value_by_ref = frames[parent].by_ref;
            map_from_string = false;
        }
    }

    /// The node a patch value is written as: a YAML-map string becomes that map.
    fn leaf_value_node(&mut self, value: &Value) -> (Id, bool, bool) {
        if let Value::String(text) = value
            && let Some(map) = yaml_map_in_string(text)
        {
            return (self.import(&map, Origin::Patch), false, true);
        }
        (self.import(value, Origin::Patch), false, false)
    }
}

/// istioctl's `tryToUnmarshalStringToYAML`: only strings that look like `key: value` and parse as
/// a YAML map (JSON objects excepted, they stay strings).
fn yaml_map_in_string(text: &str) -> Option<Value> {
    let lines = text.split('\n').count();
    let looks_like_map = (lines == 1 && text.contains(": ")) || (lines > 1 && text.contains(':'));
    if !looks_like_map {
        return None;
    }
    if matches!(serde_json::from_str::<Value>(text), Ok(Value::Object(_))) {
        return None;
    }
    let source = crate::yaml::Source("overlay value".into());
    match crate::yaml::parse_value(text, &source) {
        Ok(Value::Object(map)) => Some(Value::Object(map)),
        Ok(Value::Null) => Some(Value::Object(serde_json::Map::new())),
        _ => None,
    }
}

/// istioctl's `PathFromString`.
fn parse_path(path: &str) -> Vec<String> {
    let cleaned = clean(path);
    let trimmed = cleaned.strip_prefix('.').unwrap_or(&cleaned);
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed);
    let mut out = Vec::new();
    for part in split_escaped(trimmed, '.') {
        if part.is_empty() {
            continue;
        }
        let part = part.replace("\\.", ".");
        match part.find('[') {
            Some(bracket) if bracket > 0 => {
                out.push(part[..bracket].to_string());
                out.push(part[bracket..].to_string());
            }
            _ => out.push(part),
        }
    }
    out
}

/// Go's `filepath.Clean`, which istioctl runs over overlay paths (it matters only for `/`).
fn clean(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// Splits on `separator` unless it follows a backslash.
fn split_escaped(text: &str, separator: char) -> Vec<&str> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut previous = None;
    for (index, c) in text.char_indices() {
        if c == separator && previous != Some('\\') {
            out.push(&text[start..index]);
            start = index + c.len_utf8();
        }
        previous = Some(c);
    }
    out.push(&text[start..]);
    out
}

fn brackets(element: &str) -> Option<&str> {
    element.strip_prefix('[')?.strip_suffix(']')
}

/// `[N]` with N ≥ -1.
fn parse_index(element: &str) -> Option<i64> {
    brackets(element)?.parse().ok().filter(|n| *n >= -1)
}

fn is_index(element: &str) -> bool {
    parse_index(element).is_some()
}

/// `[key:value]`: key made of `[a-zA-Z0-9_-]`, both parts non-empty.
fn key_value(element: &str) -> Option<(&str, &str)> {
    let parts = split_escaped(brackets(element)?, ':');
    match parts.as_slice() {
        [key, value]
            if !key.is_empty()
                && !value.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') =>
        {
            Some((key, value))
        }
        _ => None,
    }
}

/// `[:value]` or `[value]`: the pattern a scalar element must match.
fn leaf_value(element: &str) -> Option<&str> {
    let inner = brackets(element)?;
    match inner.strip_prefix(':') {
        Some(value) if !value.is_empty() => Some(value),
        _ if !inner.is_empty() => Some(inner),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn patch(object: &Value, patches: &[(&str, Value)]) -> Result<Value, Vec<(String, String)>> {
        let mut object = object.clone();
        let patches: Vec<(String, Value)> = patches
            .iter()
            .map(|(p, v)| ((*p).to_string(), v.clone()))
            .collect();
        apply_patches(&mut object, &patches).map_err(|error| {
            error
                .failures
                .into_iter()
                .map(|failure| (failure.path, failure.problem.to_string()))
                .collect::<Vec<_>>()
        })?;
        Ok(object)
    }

    fn deployment() -> Value {
        json!({
            "kind": "Deployment",
            "metadata": {"name": "istiod", "labels": {"app": "istiod"}},
            "spec": {"template": {"spec": {
                "containers": [{
                    "name": "discovery",
                    "args": ["discovery", "--keepaliveMaxServerConnectionAge", "30m"],
                    "ports": [{"containerPort": 8080, "name": "http-debug"},
                              {"containerPort": 15010, "name": "grpc-xds"}],
                    "env": [{"name": "REVISION", "value": "default"},
                            {"name": "POD_NAMESPACE",
                             "valueFrom": {"fieldRef": {"apiVersion": "v1",
                                                        "fieldPath": "metadata.namespace"}}}],
                    "securityContext": {"runAsNonRoot": true}
                }],
                "tolerations": [{"key": "a", "operator": "Exists"}]
            }}}
        })
    }

    const CONTAINER: &str = "spec.template.spec.containers.[name:discovery]";

    #[test]
    fn path_parsing() {
        assert_eq!(
            parse_path("spec.containers[name:discovery].args.[30m]"),
            ["spec", "containers", "[name:discovery]", "args", "[30m]"]
        );
        assert_eq!(
            parse_path(".webhooks.[name:a\\.b\\.io].x."),
            ["webhooks", "[name:a.b.io]", "x"]
        );
        assert_eq!(
            parse_path("metadata.annotations.a\\.io/b"),
            ["metadata", "annotations", "a.io/b"]
        );
        assert!(is_index("[-1]") && is_index("[3]") && !is_index("[-2]") && !is_index("[a]"));
        assert_eq!(key_value("[name:x]"), Some(("name", "x")));
        assert_eq!(key_value("[:x]"), None);
        assert_eq!(leaf_value("[:x]"), Some("x"));
        assert_eq!(leaf_value("[x:y]"), Some("x:y"));
    }

    #[test]
    fn selects_by_key_value_and_by_leaf_regex() {
        let out = patch(
            &deployment(),
            &[
                (&format!("{CONTAINER}.args.[30m]"), json!("60m")),
                (
                    &format!("{CONTAINER}.ports.[containerPort:8080].containerPort"),
                    json!(1234),
                ),
                // A regex, matched anywhere in the element.
                (
                    &format!("{CONTAINER}.args.[^--keepalive]"),
                    json!("--other"),
                ),
            ],
        )
        .expect("applies");
        let container = &out["spec"]["template"]["spec"]["containers"][0];
        assert_eq!(container["args"], json!(["discovery", "--other", "60m"]));
        assert_eq!(container["ports"][0]["containerPort"], 1234);
        assert_eq!(container["ports"][1]["containerPort"], 15010);
    }

    #[test]
    fn index_selector_replaces_and_appends() {
        let out = patch(
            &deployment(),
            &[
                ("spec.template.spec.tolerations.[0].key", json!("replaced")),
                (
                    "spec.template.spec.tolerations.[-1]",
                    json!({"key": "b", "operator": "Exists"}),
                ),
                ("spec.template.spec.tolerations.[9].key", json!("c")),
            ],
        )
        .expect("applies");
        assert_eq!(
            out["spec"]["template"]["spec"]["tolerations"],
            json!([{"key": "replaced", "operator": "Exists"},
                   {"key": "b", "operator": "Exists"},
                   {"key": "c"}])
        );
    }

    #[test]
    fn null_deletes_list_elements_and_map_keys() {
        let out = patch(
            &deployment(),
            &[
                (&format!("{CONTAINER}.env.[name:REVISION]"), Value::Null),
                (&format!("{CONTAINER}.securityContext"), Value::Null),
                ("spec.template.spec.tolerations.[0]", Value::Null),
                // Deleting something absent changes nothing but the created parents.
                ("metadata.labels.missing", Value::Null),
            ],
        )
        .expect("applies");
        let container = &out["spec"]["template"]["spec"]["containers"][0];
        assert_eq!(container["env"].as_array().map(Vec::len), Some(1));
        assert_eq!(container["env"][0]["name"], "POD_NAMESPACE");
        assert!(container.get("securityContext").is_none());
        assert_eq!(out["spec"]["template"]["spec"]["tolerations"], json!([]));
        assert_eq!(out["metadata"]["labels"], json!({"app": "istiod"}));
    }

    #[test]
    fn yaml_strings_become_maps() {
        let out = patch(
            &deployment(),
            &[
                (
                    &format!("{CONTAINER}.env.[name:POD_NAMESPACE].valueFrom"),
                    json!("fieldRef:\n  apiVersion: v2\n  fieldPath: metadata.myPath\n"),
                ),
                ("metadata.labels.single", json!("a: b")),
                // Looks like a map but is JSON: stays a string.
                ("metadata.labels.json", json!("{\"a\": \"b\"}")),
                // No ": " on a single line: a plain string.
                ("metadata.labels.url", json!("http://x")),
            ],
        )
        .expect("applies");
        let env = &out["spec"]["template"]["spec"]["containers"][0]["env"][1];
        assert_eq!(
            env["valueFrom"],
            json!({"fieldRef": {"apiVersion": "v2", "fieldPath": "metadata.myPath"}})
        );
        assert_eq!(out["metadata"]["labels"]["single"], json!({"a": "b"}));
        assert_eq!(out["metadata"]["labels"]["json"], json!("{\"a\": \"b\"}"));
        assert_eq!(out["metadata"]["labels"]["url"], json!("http://x"));
    }

    #[test]
    fn missing_keys_are_created() {
        let out = patch(
            &deployment(),
            &[("spec.template.metadata.annotations.a\\.io/b", json!("x"))],
        )
        .expect("applies");
        assert_eq!(
            out["spec"]["template"]["metadata"],
            json!({"annotations": {"a.io/b": "x"}})
        );
    }

    #[test]
    fn go_node_type_quirks_are_kept() {
        // Under a rendered map a missing key followed by [N] becomes a map keyed "[0]" …
        let out = patch(&deployment(), &[("spec.newList.[0]", json!("x"))]).expect("applies");
        assert_eq!(out["spec"]["newList"], json!({"[0]": "x"}));
        // Deleting below missing keys leaves the maps created on the way (istioctl does too).
        let out = patch(&deployment(), &[("spec.deep.a.b", Value::Null)]).expect("applies");
        assert_eq!(out["spec"]["deep"], json!({"a": {}}));
        // … while under a map from a patch value it becomes a list, and scalars written onto a
        // list there are appended.
        let out = patch(
            &deployment(),
            &[
                ("metadata.extra", json!({"list": ["a"]})),
                ("metadata.extra.list", json!("b")),
                ("metadata.extra.fresh.[0]", json!("c")),
                // A YAML-map string replaces the key itself under such a map.
                ("metadata.extra.replaced", json!("other: 1")),
            ],
        )
        .expect("applies");
        assert_eq!(
            out["metadata"]["extra"],
            json!({"list": ["a", "b"], "fresh": ["c"], "other": 1})
        );
    }

    #[test]
    fn unresolvable_paths_are_errors_naming_the_path() {
        let errors = patch(
            &deployment(),
            &[
                (&format!("{CONTAINER}.env.[name:NOPE].value"), json!("x")),
                ("spec.template.spec.containers.[nomatch]", json!("x")),
                ("metadata.name.deeper", json!("x")),
                ("spec.template.spec.tolerations.[0]", json!("fine")),
            ],
        )
        .expect_err("fails");
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert_eq!(errors[0].0, format!("{CONTAINER}.env.[name:NOPE].value"));
        assert_eq!(errors[0].1, "no list element matches `[name:NOPE]`");
        assert!(
            errors[1].1.contains("not a valid [key:value]"),
            "{errors:?}"
        );
        assert!(errors[2].1.contains("`istiod` is a string"), "{errors:?}");
    }

    #[test]
    fn deleting_the_root_or_inside_nested_lists_fails() {
        let errors = patch(
            &json!({"a": [[1]]}),
            &[("", Value::Null), ("a.[0].[0]", Value::Null)],
        )
        .expect_err("fails");
        assert_eq!(errors.len(), 2);
        assert!(errors[0].1.contains("root"));
    }
}
