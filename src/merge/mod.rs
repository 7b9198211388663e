//! Overlay semantics: how profiles, `-f` files and `--set` flags combine into one `IstioOperator`.
//!
//! Everything here works on untyped trees (`serde_json::Value`) exactly as istioctl's `values.Map`
//! does: maps deep-merge, lists and scalars replace, an explicit `null` replaces (clears) what was
//! there. The order is: `default` profile < named profile < files in order < `--set` in order, then
//! the `IstioOperator` top-level fields are translated into chart values (`hub` → `global.hub`, …) and
//! the user's own `spec.values` are laid over once more so that they win over the translation.
//!
//! Nothing here reads files or prints; [`crate::commands`] reads the inputs, [`crate::api`] validates
//! the result.

mod set_path;

pub use set_path::{SetFlag, SetPathError, get_path, parse_scalar, set_path};

use serde_json::{Map, Value, json};

use crate::api;
use crate::profile::{self, ProfileError};
use crate::release::{self, ReleaseError};
use crate::yaml::Source;

/// One user input, already parsed: a `-f` file's tree and where it came from.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub source: Source,
    pub tree: Value,
}

/// Why the inputs could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error(transparent)]
    SetPath(#[from] SetPathError),
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(transparent)]
    Release(#[from] ReleaseError),
    #[error("{source_name}: the document is a {found}, but an IstioOperator is a mapping")]
    NotAMapping {
        source_name: Source,
        found: &'static str,
    },
}

/// Deep-merges `overlay` into `base` with istioctl's rules (see the module docs).
pub fn overlay(base: &mut Value, overlay: Value) {
    match (base, overlay) {
        (Value::Object(base_map), Value::Object(overlay_map)) => {
            for (key, value) in overlay_map {
                match base_map.get_mut(&key) {
                    Some(existing @ Value::Object(_)) if value.is_object() => {
                        self::overlay(existing, value);
                    }
                    _ => {
                        base_map.insert(key, value);
                    }
                }
            }
        }
        (base, overlay) => *base = overlay,
    }
}

/// Merges the user's inputs over the built-in profiles and translates the result to chart values.
///
/// The returned tree is a complete `IstioOperator` (`apiVersion`, `kind`, `metadata`, `spec`).
pub fn merge_inputs(files: &[InputFile], set_flags: &[SetFlag]) -> Result<Value, MergeError> {
    let mut user = json!({
        "apiVersion": api::API_VERSION,
        "kind": api::KIND,
        "metadata": {},
        "spec": {},
    });
    for file in files {
        let mut tree = file.tree.clone();
        match &mut tree {
            Value::Null => continue,
            Value::Object(map) => {
                // istioctl drops `spec: null` so that it does not erase the skeleton's `spec: {}`.
                if map.get("spec").is_some_and(Value::is_null) {
                    map.remove("spec");
                }
            }
            other => {
                return Err(MergeError::NotAMapping {
                    source_name: file.source.clone(),
                    found: type_name(other),
                });
            }
        }
        overlay(&mut user, tree);
    }
    // The profile and release come from what the user wrote, flags included; a flag through a
    // list cannot choose them, so they are read with those left out.
    let mut chosen = user.clone();
    for flag in set_flags
        .iter()
        .filter(|f| set_path::first_list(&f.path).is_none())
    {
        flag.apply(&mut chosen)?;
    }
    let profile_name = get_path(&chosen, "spec.profile")
        .and_then(Value::as_str)
        .unwrap_or(profile::DEFAULT)
        .to_string();
    // The release decides the profile's default image tag, so it is read from what the user
    // wrote (the annotation or their tag) before the profile is laid under it.
    let release = release::resolve(&chosen)?.release;
    let mut merged = profile::load_merged(&profile_name, release)?;
    for flag in set_flags {
        // A flag through a list the files did not write edits the profile's list (lists replace
        // on merge: without this, `[name:istio-ingressgateway]` found nothing, and `[0]` replaced
        // the profile's gateways with one nameless element).
        if let Some(list) = set_path::first_list(&flag.path)
            && get_path(&user, &list).is_none_or(Value::is_null)
            && let Some(from_profile) = get_path(&merged, &list).filter(|v| v.is_array())
        {
            set_path::set_path(&mut user, &list, from_profile.clone())?;
        }
        flag.apply(&mut user)?;
    }
    read_yaml11_booleans(&mut user, set_flags, &merged, release);
    let user_values = get_path(&user, "spec.values").cloned();
    overlay(&mut merged, user);
    translate_to_values(&mut merged);
    if let Some(values) = user_values.filter(|v| !v.is_null()) {
        overlay(&mut merged, json!({ "spec": { "values": values } }));
    }
    Ok(merged)
}

/// `yes`/`no`/`on`/`off` mean true and false in a file (YAML 1.1, as istioctl reads files); a
/// `--set` value is typed without knowing its field, so they arrive as text. Where the field is
/// a boolean (a values field the schema says is one, an `enabled` switch, or a field the profile
/// holds a boolean in), they mean the same as in a file.
fn read_yaml11_booleans(
    user: &mut Value,
    set_flags: &[SetFlag],
    profile: &Value,
    release: &release::Release,
) {
    for flag in set_flags {
        let Some(boolean) = flag.value.as_str().and_then(yaml11_boolean) else {
            continue;
        };
        let values_path: Option<Vec<&str>> = flag
            .path
            .strip_prefix("spec.values.")
            .map(|rest| rest.split('.').collect());
        let is_boolean_field = values_path
            .is_some_and(|path| api::values::is_boolean(release, &path))
            || flag.path.ends_with(".enabled")
            || get_path(profile, &flag.path).is_some_and(Value::is_boolean);
        if is_boolean_field {
            // The flag was applied to this tree already, so its path resolves.
            let _ = set_path(user, &flag.path, Value::Bool(boolean));
        }
    }
}

/// The YAML 1.1 spellings of a boolean that YAML 1.2 (and Go's `ParseBool`) read as text.
fn yaml11_boolean(text: &str) -> Option<bool> {
    match text {
        "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "y" | "Y" => Some(true),
        "no" | "No" | "NO" | "off" | "Off" | "OFF" | "n" | "N" => Some(false),
        _ => None,
    }
}

/// Merges `spec.unvalidatedValues` into `spec.values`; istioctl does this after validation.
pub fn apply_unvalidated_values(merged: &mut Value) {
    if let Some(extra) = get_path(merged, "spec.unvalidatedValues")
        .filter(|v| v.is_object())
        .cloned()
    {
        overlay(merged, json!({ "spec": { "values": extra } }));
    }
}

/// Copies the `IstioOperator` top-level fields into the chart values they stand for.
fn translate_to_values(merged: &mut Value) {
    const TRANSLATIONS: [(&str, &str); 4] = [
        ("spec.hub", "global.hub"),
        ("spec.tag", "global.tag"),
        ("spec.revision", "revision"),
        ("spec.compatibilityVersion", "compatibilityVersion"),
    ];
    for (from, to) in TRANSLATIONS {
        let Some(value) = get_path(merged, from).filter(|v| !v.is_null()).cloned() else {
            continue;
        };
        // istioctl routes these through its `--set` machinery, so the same typing rules apply:
        // tags and revisions stay text (istioctl made `revision: "1"` a number, then refused it).
        let text = match value {
            Value::String(text) => text,
            other => other.to_string(),
        };
        let flag = SetFlag::from_parts(&format!("values.{to}"), &text);
        // The paths above are plain dotted keys: applying them cannot fail on a selector.
        let _ = flag.apply(merged);
    }
    if let Some(mesh_config) = get_path(merged, "spec.meshConfig")
        .filter(|m| m.is_object())
        .cloned()
    {
        overlay(
            merged,
            json!({ "spec": { "values": { "meshConfig": mesh_config } } }),
        );
    }
    // Cross-chart switches: the gateway and CNI charts look at these.
    let pilot_enabled = get_path(merged, "spec.components.pilot.enabled")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let cni_enabled = get_path(merged, "spec.components.cni.enabled")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    insert_values_path(merged, "pilot.enabled", Value::Bool(pilot_enabled));
    insert_values_path(merged, "pilot.cni.enabled", Value::Bool(cni_enabled));
    if let Some(namespace) = get_path(merged, "spec.values.global.istioNamespace")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
    {
        if let Some(metadata) = merged.get_mut("metadata").and_then(Value::as_object_mut) {
            metadata.insert("namespace".into(), Value::String(namespace));
        } else if let Some(root) = merged.as_object_mut() {
            root.insert("metadata".into(), json!({ "namespace": namespace }));
        }
    }
}

/// Sets `spec.values.<dotted>` creating maps on the way (the paths used here have no lists).
fn insert_values_path(merged: &mut Value, dotted: &str, value: Value) {
    let mut current = merged;
    let segments: Vec<&str> = ["spec", "values"]
        .into_iter()
        .chain(dotted.split('.'))
        .collect();
    let (last, parents) = segments
        .split_last()
        .expect("path has at least one segment");
    for segment in parents {
        if !current.is_object() {
            *current = Value::Object(Map::new());
        }
        current = current
            .as_object_mut()
            .expect("made an object above")
            .entry((*segment).to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if !current.is_object() {
        *current = Value::Object(Map::new());
    }
    current
        .as_object_mut()
        .expect("made an object above")
        .insert((*last).to_string(), value);
}

/// A short name for a JSON type, for messages.
#[must_use]
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "mapping",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_merge_lists_and_scalars_replace_null_clears() {
        let mut base = json!({"a": {"b": 1, "c": [1, 2], "d": "x"}, "e": 1});
        overlay(
            &mut base,
            json!({"a": {"c": [3], "d": null, "f": true}, "e": {"g": 1}}),
        );
        assert_eq!(
            base,
            json!({"a": {"b": 1, "c": [3], "d": null, "f": true}, "e": {"g": 1}})
        );
    }

    /// Issue 24: a `--set` path through a list edits the profile's list: a selector finds the
    /// profile's element, and an index one past the end appends after the profile's elements
    /// instead of replacing them.
    #[test]
    fn set_flags_through_a_list_see_the_profiles_elements() {
        let tree = merged(
            &[],
            &["components.ingressGateways[name:istio-ingressgateway].enabled=false"],
        );
        let gateways = &tree["spec"]["components"]["ingressGateways"];
        assert_eq!(gateways[0]["name"], "istio-ingressgateway");
        assert_eq!(gateways[0]["enabled"], false);
        let tree = merged(
            &[],
            &[
                "components.ingressGateways[1].name=second",
                "components.ingressGateways[1].enabled=true",
            ],
        );
        let gateways = tree["spec"]["components"]["ingressGateways"]
            .as_array()
            .expect("a list");
        let names: Vec<&str> = gateways.iter().filter_map(|g| g["name"].as_str()).collect();
        assert_eq!(names, ["istio-ingressgateway", "second"]);
        // A list the files wrote is the one edited.
        let file =
            "spec:\n  components:\n    ingressGateways:\n    - name: mine\n      enabled: true\n";
        let tree = merged(
            &[file],
            &["components.ingressGateways[name:mine].enabled=false"],
        );
        assert_eq!(
            tree["spec"]["components"]["ingressGateways"],
            json!([{"name": "mine", "enabled": false}])
        );
    }

    fn merged(files: &[&str], flags: &[&str]) -> Value {
        let files: Vec<InputFile> = files
            .iter()
            .enumerate()
            .map(|(i, text)| InputFile {
                source: Source(format!("f{i}.yaml")),
                tree: crate::yaml::parse_value(text, &Source(format!("f{i}.yaml"))).unwrap(),
            })
            .collect();
        let flags: Vec<SetFlag> = flags.iter().map(|f| SetFlag::parse(f).unwrap()).collect();
        merge_inputs(&files, &flags).unwrap()
    }

    #[test]
    fn precedence_is_profile_then_files_then_flags() {
        let tree = merged(
            &[
                "spec:\n  profile: demo\n  hub: one\n",
                "spec:\n  hub: two\n  tag: 1.0\n",
            ],
            &["hub=three"],
        );
        assert_eq!(get_path(&tree, "spec.hub"), Some(&json!("three")));
        assert_eq!(
            get_path(&tree, "spec.values.global.hub"),
            Some(&json!("three"))
        );
        // A numeric tag is kept as text in values, as istioctl's --set translation does.
        assert_eq!(
            get_path(&tree, "spec.values.global.tag"),
            Some(&json!("1.0"))
        );
        // The demo profile's egress gateway is enabled, the default profile's is not.
        assert_eq!(
            get_path(&tree, "spec.components.egressGateways.[0].enabled"),
            Some(&json!(true))
        );
    }

    #[test]
    fn user_values_win_over_translated_fields() {
        let tree = merged(
            &["spec:\n  hub: from-spec\n  values:\n    global:\n      hub: from-values\n"],
            &[],
        );
        assert_eq!(
            get_path(&tree, "spec.values.global.hub"),
            Some(&json!("from-values"))
        );
    }

    #[test]
    fn mesh_config_is_copied_into_values() {
        let tree = merged(
            &["spec:\n  meshConfig:\n    accessLogFile: /dev/stdout\n"],
            &[],
        );
        assert_eq!(
            get_path(&tree, "spec.values.meshConfig.accessLogFile"),
            Some(&json!("/dev/stdout"))
        );
    }

    #[test]
    fn component_enablement_reaches_values() {
        let tree = merged(&[], &["components.cni.enabled=true"]);
        assert_eq!(
            get_path(&tree, "spec.values.pilot.cni.enabled"),
            Some(&json!(true))
        );
        assert_eq!(
            get_path(&tree, "spec.values.pilot.enabled"),
            Some(&json!(true))
        );
    }

    /// Issue 16: `yes`/`on` meant true in files but `--set …=yes` was rejected.
    #[test]
    fn yes_and_on_mean_true_in_set_where_the_field_is_a_boolean() {
        let tree = merged(
            &[],
            &[
                "components.cni.enabled=yes",
                "values.global.proxy.holdApplicationUntilProxyStarts=on",
                "values.pilot.autoscaleEnabled=off",
                "meshConfig.defaultConfig.proxyMetadata.MODE=yes",
            ],
        );
        assert_eq!(
            get_path(&tree, "spec.components.cni.enabled"),
            Some(&json!(true))
        );
        assert_eq!(
            get_path(
                &tree,
                "spec.values.global.proxy.holdApplicationUntilProxyStarts"
            ),
            Some(&json!(true))
        );
        assert_eq!(
            get_path(&tree, "spec.values.pilot.autoscaleEnabled"),
            Some(&json!(false))
        );
        // A text field keeps the word.
        assert_eq!(
            get_path(&tree, "spec.meshConfig.defaultConfig.proxyMetadata.MODE"),
            Some(&json!("yes"))
        );
    }

    #[test]
    fn a_file_that_is_not_a_mapping_is_named() {
        let files = [InputFile {
            source: Source("list.yaml".into()),
            tree: json!([1, 2]),
        }];
        let error = merge_inputs(&files, &[]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "list.yaml: the document is a list, but an IstioOperator is a mapping"
        );
    }
}
