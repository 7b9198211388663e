//! A small Kubernetes strategic-merge patch, enough for the `k8s` settings istioctl turns into
//! patches (pod template, main container, Service, HPA and PDB specs).
//!
//! istioctl applies those settings with apimachinery's `StrategicMergePatch`, so the result depends
//! on its rules, including the less obvious ones this module reproduces on purpose:
//! - maps merge deeply, a `null` in the patch deletes the key (and nulls inside a brand-new value
//!   are dropped);
//! - a list whose field declares a merge key (`containers` by `name`, `volumeMounts` by
//!   `mountPath`, Service `ports` by `port`, …) merges element by element; every other list is
//!   replaced by the patch as written;
//! - after a keyed merge the elements are re-ordered as apimachinery does: patch elements keep the
//!   patch's order, the object's other elements keep theirs, interleaved by the object's order — so
//!   an element only present in the patch lands *before* the remaining original ones;
//! - `$patch: replace` / `$patch: delete` on a map or on a keyed list element.
//!
//! The schema is not the full `OpenAPI` one: it knows the keyed lists of pod templates, object
//! metadata and Service specs, which is all these patches reach. The parallel-list directives
//! (`$setElementOrder/…`, `$deleteFromPrimitiveList/…`, `$retainKeys`) are only produced by tools
//! diffing two objects, never by hand-written settings, and are dropped.

use serde_json::{Map, Value};

/// Why a strategic-merge patch does not apply.
#[derive(Debug, thiserror::Error)]
pub enum PatchError {
    #[error("a strategic-merge patch must be a map")]
    NotAMap,
    #[error("{field}: unknown patch type {directive} in map")]
    UnknownMapDirective { field: String, directive: Value },
    /// A list field cannot be merged; `field` is its dotted path.
    #[error("{field}: {problem}")]
    List { field: String, problem: ListProblem },
}

/// What is wrong with a list a patch merges into.
#[derive(Debug, thiserror::Error)]
pub enum ListProblem {
    #[error("cannot merge lists of maps without a merge key")]
    NoMergeKey,
    #[error("list elements must be maps")]
    NotMaps,
    #[error("an element does not contain the merge key `{0}`")]
    MissingMergeKey(&'static str),
    #[error("lists of lists are not supported")]
    ListsOfLists,
    #[error("list element types are not identical")]
    MixedTypes,
    #[error("no elements in any of the given lists")]
    Empty,
    #[error("a delete directive lacks the merge key `{0}`")]
    DeleteWithoutKey(&'static str),
    #[error("merging lists cannot yet be specified in the patch")]
    MergeDirective,
    #[error("unknown patch type {0:?} in list")]
    UnknownDirective(Option<String>),
    #[error("value for key {0} is not a map")]
    ElementNotMap(usize),
}

/// How a list field merges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListMerge {
    /// Element by element, matching on this field.
    ByKey(&'static str),
    /// A set of scalars (`finalizers`).
    Scalars,
}

/// Applies `patch` to `original` (an object of `kind`) as a strategic-merge patch.
pub fn strategic_merge(original: &mut Value, patch: Value, kind: &str) -> Result<(), PatchError> {
    let Value::Object(patch) = patch else {
        return Err(PatchError::NotAMap);
    };
    let base = match original {
        Value::Object(map) => map.clone(),
        _ => Map::new(),
    };
    let schema = Schema { kind };
    *original = Value::Object(merge_map(base, patch, &schema, &mut Vec::new())?);
    Ok(())
}

/// Which lists of `kind` merge by key; `path` is the chain of field names from the object root.
struct Schema<'a> {
    kind: &'a str,
}

impl Schema<'_> {
    fn list_merge(&self, path: &[String]) -> Option<ListMerge> {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        // Object metadata and pod-template metadata share the same keyed lists.
        if let Some(field) = metadata_field(&path) {
            return match field {
                "finalizers" => Some(ListMerge::Scalars),
                "ownerReferences" => Some(ListMerge::ByKey("uid")),
                _ => None,
            };
        }
        if self.kind == "Service" {
            return (path == ["spec", "ports"]).then_some(ListMerge::ByKey("port"));
        }
        let pod_spec_prefix: &[&str] = match self.kind {
            "Deployment" | "DaemonSet" | "StatefulSet" | "ReplicaSet" | "Job" => {
                &["spec", "template", "spec"]
            }
            "CronJob" => &["spec", "jobTemplate", "spec", "template", "spec"],
            "Pod" => &["spec"],
            _ => return None,
        };
        let rest = path.strip_prefix(pod_spec_prefix)?;
        match rest {
            [
                "containers"
                | "initContainers"
                | "ephemeralContainers"
                | "volumes"
                | "imagePullSecrets"
                | "schedulingGates"
                | "resourceClaims",
            ] => Some(ListMerge::ByKey("name")),
            ["hostAliases"] => Some(ListMerge::ByKey("ip")),
            ["topologySpreadConstraints"] => Some(ListMerge::ByKey("topologyKey")),
            [
                "containers" | "initContainers" | "ephemeralContainers",
                field,
            ] => match *field {
                "env" => Some(ListMerge::ByKey("name")),
                "volumeMounts" => Some(ListMerge::ByKey("mountPath")),
                "ports" => Some(ListMerge::ByKey("containerPort")),
                "volumeDevices" => Some(ListMerge::ByKey("devicePath")),
                _ => None,
            },
            _ => None,
        }
    }
}

/// The field name when `path` is `metadata.<field>` or a pod template's `metadata.<field>`.
fn metadata_field<'p>(path: &[&'p str]) -> Option<&'p str> {
    match path {
        ["metadata", field]
        | ["spec", "template", "metadata", field]
        | ["spec", "jobTemplate", "spec", "template", "metadata", field] => Some(field),
        _ => None,
    }
}

const DIRECTIVE: &str = "$patch";

fn merge_map(
    mut original: Map<String, Value>,
    mut patch: Map<String, Value>,
    schema: &Schema<'_>,
    fields: &mut Vec<String>,
) -> Result<Map<String, Value>, PatchError> {
    if let Some(directive) = patch.get(DIRECTIVE) {
        return match directive.as_str() {
            Some("replace") => {
                patch.remove(DIRECTIVE);
                Ok(patch)
            }
            Some("delete") => Ok(Map::new()),
            _ => Err(PatchError::UnknownMapDirective {
                field: fields.join("."),
                directive: directive.clone(),
            }),
        };
    }
    for (key, patch_value) in patch {
        if key.starts_with("$setElementOrder/")
            || key.starts_with("$deleteFromPrimitiveList/")
            || key == "$retainKeys"
        {
            continue;
        }
        if patch_value.is_null() {
            original.remove(&key);
            continue;
        }
        let Some(current) = original.remove(&key) else {
            insert_new(&mut original, key, patch_value);
            continue;
        };
        if go_type(&current) != go_type(&patch_value) {
            insert_new(&mut original, key, patch_value);
            continue;
        }
        fields.push(key.clone());
        let merged = match (current, patch_value) {
            (Value::Object(current), Value::Object(patch_map)) => {
                merge_map(current, patch_map, schema, fields).map(Value::Object)
            }
            (Value::Array(current), Value::Array(patch_list)) => match schema.list_merge(fields) {
                Some(strategy) => {
                    merge_list(current, patch_list, strategy, schema, fields).map(Value::Array)
                }
                // Lists without a merge strategy are replaced by the patch exactly as written.
                None => Ok(Value::Array(patch_list)),
            },
            (_, scalar) => Ok(scalar),
        };
        fields.pop();
        original.insert(key, merged?);
    }
    Ok(original)
}

/// A key the original lacks (or holds with another type) takes the patch value, nulls and
/// directives removed.
fn insert_new(original: &mut Map<String, Value>, key: String, mut value: Value) {
    discard_nulls(&mut value);
    if let Some(value) = remove_directives(value) {
        original.insert(key, value);
    }
}

fn discard_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(discard_nulls);
        }
        Value::Array(list) => list.iter_mut().for_each(discard_nulls),
        _ => {}
    }
}

/// `None` when the value itself is a directive and must not be kept.
fn remove_directives(value: Value) -> Option<Value> {
    match value {
        Value::Object(map) => {
            if map.contains_key(DIRECTIVE) {
                return None;
            }
            Some(Value::Object(
                map.into_iter()
                    .filter_map(|(k, v)| remove_directives(v).map(|v| (k, v)))
                    .collect(),
            ))
        }
        Value::Array(list) => Some(Value::Array(
            list.into_iter().filter_map(remove_directives).collect(),
        )),
        other => Some(other),
    }
}

/// Go's dynamic type of a decoded JSON value: all numbers are `float64`.
fn go_type(value: &Value) -> u8 {
    match value {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Array(_) => 4,
        Value::Object(_) => 5,
    }
}

/// Go's `==` on decoded JSON scalars (numbers compare as `float64`).
fn go_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// Merges two lists of a field with a merge strategy; errors name the field's path.
fn merge_list(
    original: Vec<Value>,
    patch: Vec<Value>,
    strategy: ListMerge,
    schema: &Schema<'_>,
    fields: &mut Vec<String>,
) -> Result<Vec<Value>, PatchError> {
    let location = fields.join(".");
    let at = |problem: ListProblem| PatchError::List {
        field: location.clone(),
        problem,
    };
    if original.is_empty() && patch.is_empty() {
        return Ok(original);
    }
    let element_type = element_type(&original, &patch).map_err(at)?;
    if element_type != go_type(&Value::Object(Map::new())) {
        let mut both = original.clone();
        both.extend(patch.iter().cloned());
        let merged = deduplicate_scalars(both);
        let (in_patch, server_only): (Vec<Value>, Vec<Value>) = merged
            .into_iter()
            .partition(|v| patch.iter().any(|p| go_equal(p, v)));
        return Ok(normalize_order(
            in_patch,
            server_only,
            &patch,
            &original,
            None,
        ));
    }
    let ListMerge::ByKey(key) = strategy else {
        return Err(at(ListProblem::NoMergeKey));
    };
    let (original, patch) = apply_list_directives(original, patch, key).map_err(at)?;
    let mut merged = original.clone();
    for item in &patch {
        let Value::Object(item_map) = item else {
            return Err(at(ListProblem::NotMaps));
        };
        let Some(wanted) = item_map.get(key) else {
            return Err(at(ListProblem::MissingMergeKey(key)));
        };
        match find_by_key(&merged, key, wanted).map_err(at)? {
            Some(index) => {
                let Value::Object(current) = std::mem::take(&mut merged[index]) else {
                    return Err(at(ListProblem::NotMaps));
                };
                merged[index] =
                    Value::Object(merge_map(current, item_map.clone(), schema, fields)?);
            }
            None => merged.push(item.clone()),
        }
    }
    let mut in_patch = Vec::new();
    let mut server_only = Vec::new();
    for item in merged {
        let Some(value) = item.get(key) else {
            return Err(at(ListProblem::MissingMergeKey(key)));
        };
        if find_by_key(&patch, key, value).map_err(at)?.is_some() {
            in_patch.push(item);
        } else {
            server_only.push(item);
        }
    }
    Ok(normalize_order(
        in_patch,
        server_only,
        &patch,
        &original,
        Some(key),
    ))
}

/// All elements of both lists must have one type, and lists of lists are not supported.
fn element_type(original: &[Value], patch: &[Value]) -> Result<u8, ListProblem> {
    let mut found = None;
    for value in original.iter().chain(patch) {
        let kind = go_type(value);
        if kind == go_type(&Value::Array(Vec::new())) {
            return Err(ListProblem::ListsOfLists);
        }
        match found {
            None => found = Some(kind),
            Some(previous) if previous != kind => {
                return Err(ListProblem::MixedTypes);
            }
            Some(_) => {}
        }
    }
    found.ok_or(ListProblem::Empty)
}

/// Handles `$patch: delete` (drop matching elements) and `$patch: replace` (the patch list, minus
/// its directives, becomes the list) elements.
fn apply_list_directives(
    mut original: Vec<Value>,
    patch: Vec<Value>,
    key: &'static str,
) -> Result<(Vec<Value>, Vec<Value>), ListProblem> {
    let mut plain = Vec::new();
    let mut replace = false;
    for item in patch {
        match item.get(DIRECTIVE).map(|d| d.as_str()) {
            None => plain.push(item),
            Some(Some("delete")) => {
                let Some(wanted) = item.get(key) else {
                    return Err(ListProblem::DeleteWithoutKey(key));
                };
                original.retain(|v| !v.get(key).is_some_and(|have| go_equal(have, wanted)));
            }
            Some(Some("replace")) => replace = true,
            Some(Some("merge")) => {
                return Err(ListProblem::MergeDirective);
            }
            Some(other) => return Err(ListProblem::UnknownDirective(other.map(String::from))),
        }
    }
    if replace {
        return Ok((plain, Vec::new()));
    }
    Ok((original, plain))
}

fn find_by_key(list: &[Value], key: &str, wanted: &Value) -> Result<Option<usize>, ListProblem> {
    for (index, item) in list.iter().enumerate() {
        let Value::Object(map) = item else {
            return Err(ListProblem::ElementNotMap(index));
        };
        if map.get(key).is_some_and(|have| go_equal(have, wanted)) {
            return Ok(Some(index));
        }
    }
    Ok(None)
}

/// apimachinery's in-place de-duplication (it moves the last element into each hole).
fn deduplicate_scalars(mut list: Vec<Value>) -> Vec<Value> {
    let mut length = list.len().saturating_sub(1);
    let mut i = 0;
    while i < length {
        let mut j = i + 1;
        while j <= length {
            if go_equal(&list[i], &list[j]) {
                list[j] = list[length].clone();
                list.truncate(length);
                length -= 1;
            } else {
                j += 1;
            }
        }
        i += 1;
    }
    list
}

/// apimachinery's `normalizeElementOrder`: patch elements in patch order, the rest in the
/// original's order, then interleaved by their places in the original.
fn normalize_order(
    mut in_patch: Vec<Value>,
    mut server_only: Vec<Value>,
    patch_order: &[Value],
    server_order: &[Value],
    key: Option<&str>,
) -> Vec<Value> {
    let position = |order: &[Value], item: &Value| -> Option<usize> {
        let probe = |v: &Value| match key {
            Some(key) => v.get(key).cloned().unwrap_or(Value::Null),
            None => v.clone(),
        };
        let wanted = probe(item);
        order.iter().position(|v| go_equal(&probe(v), &wanted))
    };
    in_patch.sort_by_key(|item| position(patch_order, item).unwrap_or(usize::MAX));
    server_only.sort_by_key(|item| position(server_order, item).unwrap_or(usize::MAX));

    let mut out = Vec::with_capacity(in_patch.len() + server_only.len());
    let mut left = server_only.into_iter().peekable();
    let mut right = in_patch.into_iter().peekable();
    loop {
        match (left.peek(), right.peek()) {
            (None, None) => break,
            (Some(_), None) => out.extend(left.next()),
            (None, Some(_)) => out.extend(right.next()),
            (Some(l), Some(r)) => {
                let before = match (position(server_order, l), position(server_order, r)) {
                    (Some(li), Some(ri)) => li < ri,
                    _ => false,
                };
                if before {
                    out.extend(left.next());
                } else {
                    out.extend(right.next());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn patched(kind: &str, mut original: Value, patch: Value) -> Value {
        strategic_merge(&mut original, patch, kind).expect("patch applies");
        original
    }

    #[test]
    fn maps_merge_deeply_and_null_deletes() {
        let out = patched(
            "Deployment",
            json!({"spec": {"replicas": 1, "selector": {"a": "b"}, "paused": false}}),
            json!({"spec": {"replicas": 3, "selector": {"c": "d"}, "paused": null,
                            "new": {"x": 1, "gone": null}}}),
        );
        assert_eq!(
            out,
            json!({"spec": {"replicas": 3, "selector": {"a": "b", "c": "d"}, "new": {"x": 1}}})
        );
    }

    #[test]
    fn env_merges_by_name_in_apimachinery_order() {
        let original = json!({"spec": {"template": {"spec": {"containers": [{
            "name": "discovery",
            "env": [{"name": "REVISION"}, {"name": "CERT"}, {"name": "POD_NAME", "value": "a"},
                    {"name": "POD_NAMESPACE"}]
        }]}}}});
        let patch = json!({"spec": {"template": {"spec": {"containers": [{
            "name": "discovery",
            "env": [{"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "x"}}},
                    {"name": "GODEBUG", "value": "g"}, {"name": "NEW", "value": "n"}]
        }]}}}});
        let out = patched("Deployment", original, patch);
        let env = &out["spec"]["template"]["spec"]["containers"][0]["env"];
        let names: Vec<&str> = env
            .as_array()
            .expect("list")
            .iter()
            .map(|e| e["name"].as_str().expect("name"))
            .collect();
        assert_eq!(
            names,
            [
                "REVISION",
                "CERT",
                "POD_NAME",
                "GODEBUG",
                "NEW",
                "POD_NAMESPACE"
            ]
        );
        // Merged, not replaced: the old `value` stays next to the new `valueFrom`.
        assert_eq!(
            env[2],
            json!({"name": "POD_NAME", "value": "a", "valueFrom": {"fieldRef": {"fieldPath": "x"}}})
        );
    }

    #[test]
    fn new_keyed_elements_go_first_unkeyed_lists_replace() {
        let original = json!({"spec": {"template": {"spec": {
            "volumes": [{"name": "a"}, {"name": "b"}],
            "tolerations": [{"key": "x", "operator": "Exists"}]
        }}}});
        let patch = json!({"spec": {"template": {"spec": {
            "volumes": [{"name": "c", "emptyDir": {}}],
            "tolerations": [{"key": "y", "operator": "Exists"}]
        }}}});
        let out = patched("DaemonSet", original, patch);
        assert_eq!(
            out["spec"]["template"]["spec"]["volumes"],
            json!([{"name": "c", "emptyDir": {}}, {"name": "a"}, {"name": "b"}])
        );
        assert_eq!(
            out["spec"]["template"]["spec"]["tolerations"],
            json!([{"key": "y", "operator": "Exists"}])
        );
    }

    #[test]
    fn service_ports_merge_by_port_and_empty_patch_list_keeps_them() {
        let original = json!({"spec": {"ports": [{"port": 80, "name": "http"}, {"port": 443}]}});
        let out = patched(
            "Service",
            original.clone(),
            json!({"spec": {"ports": [{"port": 443, "name": "https"}]}}),
        );
        assert_eq!(
            out["spec"]["ports"],
            json!([{"port": 80, "name": "http"}, {"port": 443, "name": "https"}])
        );
        let out = patched(
            "Service",
            original.clone(),
            json!({"spec": {"ports": [], "externalTrafficPolicy": "Local"}}),
        );
        assert_eq!(out["spec"]["ports"], original["spec"]["ports"]);
        assert_eq!(out["spec"]["externalTrafficPolicy"], "Local");
    }

    #[test]
    fn hpa_metrics_replace() {
        let out = patched(
            "HorizontalPodAutoscaler",
            json!({"spec": {"maxReplicas": 5, "metrics": [{"type": "Resource", "a": 1}],
                            "scaleTargetRef": {"kind": "Deployment", "name": "istiod"}}}),
            json!({"spec": {"metrics": [{"type": "Pods"}], "scaleTargetRef": {"name": "x"}}}),
        );
        assert_eq!(out["spec"]["metrics"], json!([{"type": "Pods"}]));
        assert_eq!(
            out["spec"]["scaleTargetRef"],
            json!({"kind": "Deployment", "name": "x"})
        );
    }

    #[test]
    fn patch_directives() {
        let original = json!({"spec": {"template": {"spec": {
            "affinity": {"nodeAffinity": {"a": 1}, "podAffinity": {"b": 2}},
            "volumes": [{"name": "a"}, {"name": "b"}]
        }}}});
        let out = patched(
            "Deployment",
            original.clone(),
            json!({"spec": {"template": {"spec": {
                "affinity": {"$patch": "replace", "podAntiAffinity": {"c": 3}},
                "volumes": [{"name": "a", "$patch": "delete"}]
            }}}}),
        );
        let pod = &out["spec"]["template"]["spec"];
        assert_eq!(pod["affinity"], json!({"podAntiAffinity": {"c": 3}}));
        assert_eq!(pod["volumes"], json!([{"name": "b"}]));

        let out = patched(
            "Deployment",
            original,
            json!({"spec": {"template": {"spec": {
                "volumes": [{"$patch": "replace"}, {"name": "z"}]
            }}}}),
        );
        assert_eq!(
            out["spec"]["template"]["spec"]["volumes"],
            json!([{"name": "z"}])
        );
    }

    #[test]
    fn keyed_element_without_key_is_an_error() {
        let mut original = json!({"spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}});
        let error = strategic_merge(
            &mut original,
            json!({"spec": {"template": {"spec": {"containers": [{"image": "x"}]}}}}),
            "Deployment",
        )
        .expect_err("no merge key")
        .to_string();
        assert_eq!(
            error,
            "spec.template.spec.containers: an element does not contain the merge key `name`"
        );
    }

    #[test]
    fn finalizers_merge_as_a_set() {
        let out = patched(
            "Deployment",
            json!({"metadata": {"finalizers": ["a", "b"]}}),
            json!({"metadata": {"finalizers": ["b", "c"]}}),
        );
        assert_eq!(out["metadata"]["finalizers"], json!(["a", "b", "c"]));
    }
}
