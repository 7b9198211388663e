//! The chart values one component sees, built the way istioctl feeds Istio's charts.
//!
//! 1. Component settings are copied into `spec.values` (gateway name and labels, `k8s.hpaSpec`
//!    bounds, `replicaCount`, CPU resources, component `hub`/`tag`); ztunnel's values are flattened
//!    to the top level.
//! 2. The component's defaults get the presets named by `profile`, `compatibilityVersion` and
//!    `global.platform` laid over them (`profiles/presets/`).
//! 3. The user's values are laid over that.

use serde_json::{Map, Value, json};

use super::{ComponentInstance, ComponentName, RenderError};
use crate::merge::{get_path, overlay, set_path};
use crate::profile;
use crate::release::{Feature, Release};

/// Step 1: the `spec.values` tree the component's chart is given (istioctl's
/// `applyComponentValuesToHelmValues`).
#[must_use]
pub fn component_values(merged: &Value, instance: &ComponentInstance, release: &Release) -> Value {
    let component = instance.component;
    let root = component.values_root();
    let mut tree = merged.clone();
    let mut set = |path: String, value: Value| {
        // These paths are plain keys under maps the merge created: they cannot fail.
        let _ = set_path(&mut tree, &path, value);
    };
    // Gateway roots contain a `-`-separated key, never a `.`, so plain joining is safe.
    let at = |leaf: &str| format!("spec.values.{root}.{leaf}");
    let spec = &instance.spec;
    if component.is_gateway() {
        set(at("name"), json!(spec.name.clone().unwrap_or_default()));
        set(at("labels"), json!(spec.label.clone().unwrap_or_default()));
        if let Some(ports) = get_path(&instance.raw, "k8s.service.ports")
            .and_then(Value::as_array)
            .filter(|ports| !ports.is_empty())
        {
            set(at("ports"), Value::Array(ports.clone()));
        }
    }
    // Only istioctl 1.31 and later copy these `k8s` settings into the chart's values (so that
    // the charts' PDB and ztunnel CPU guards see them); older ones only patch the objects.
    let kubernetes = spec
        .kubernetes
        .as_ref()
        .filter(|_| release.has(Feature::KubernetesSettingsAsValues));
    if matches!(component.main_resource(), Some(("Deployment", _, _))) {
        if let Some(hpa) = kubernetes.and_then(|k| k.hpa_spec.as_ref()) {
            if let Some(min) = hpa.min_replicas {
                set(at("autoscaleMin"), json!(min));
            }
            if hpa.max_replicas > 0 {
                set(at("autoscaleMax"), json!(hpa.max_replicas));
            }
        }
        if let Some(replicas) = kubernetes.and_then(|k| k.replica_count).filter(|r| *r > 0) {
            set(at("replicaCount"), json!(replicas));
        }
    }
    if let Some(resources) = kubernetes.and_then(|k| k.resources.as_ref()) {
        let cpu = |list: &Option<
            std::collections::BTreeMap<
                String,
                k8s_openapi::apimachinery::pkg::api::resource::Quantity,
            >,
        >| {
            list.as_ref()
                .and_then(|l| l.get("cpu"))
                .map(|q| q.0.clone())
                .filter(|q| !q.is_empty() && q != "0")
        };
        if let Some(limit) = cpu(&resources.limits) {
            set(at("resources.limits.cpu"), json!(limit));
        }
        if let Some(request) = cpu(&resources.requests) {
            set(at("resources.requests.cpu"), json!(request));
        }
    }
    if let Some(hub) = spec.hub.as_ref().filter(|h| !h.is_empty()) {
        set(at("hub"), json!(hub));
    }
    if let Some(tag) = &spec.tag {
        // istioctl sets this through `--set` syntax, so a numeric tag becomes a number.
        set(at("tag"), crate::merge::parse_scalar(&tag.to_string()));
    }
    let mut values = get_path(&tree, "spec.values")
        .cloned()
        .unwrap_or_else(|| json!({}));
    if component == ComponentName::Ztunnel {
        values = flatten(&values, root);
    }
    values
}

/// ztunnel's chart reads its settings at the top level: keep `global`, every non-map top-level
/// value, and the entries of `values.ztunnel`.
fn flatten(values: &Value, root: &str) -> Value {
    let Some(own) = values.get(root).and_then(Value::as_object) else {
        return values.clone();
    };
    let mut flat = Map::new();
    flat.insert(
        "global".into(),
        values.get("global").cloned().unwrap_or(Value::Null),
    );
    if let Some(all) = values.as_object() {
        for (key, value) in all {
            if !value.is_object() {
                flat.insert(key.clone(), value.clone());
            }
        }
    }
    for (key, value) in own {
        flat.insert(key.clone(), value.clone());
    }
    Value::Object(flat)
}

/// `spec.values` with the presets it names (profile, compatibility version, platform) laid
/// underneath, so that a reader sees what a profile really changes: `values.profile: demo` alone
/// hides the demo preset's resource requests, ports and mesh settings. The presets are those of
/// the release the tree asks for.
pub fn expand_presets(merged: &Value) -> Result<Value, RenderError> {
    let mut expanded = merged.clone();
    if let Some(values) = get_path(merged, "spec.values").filter(|v| v.is_object()) {
        let release = crate::release::resolve(merged)?.release;
        let values = chart_values(json!({}), values, false, release)?;
        overlay(&mut expanded, json!({ "spec": { "values": values } }));
    }
    Ok(expanded)
}

/// Steps 2 and 3: the component's defaults, presets and the user's values, merged.
pub fn chart_values(
    defaults: Value,
    user: &Value,
    flatten_globals: bool,
    release: &Release,
) -> Result<Value, RenderError> {
    let text = |path: &str| {
        get_path(user, path)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let mut presets = json!({});
    let chosen = [
        (
            "profile",
            text("profile").or_else(|| text("global.profile")),
        ),
        ("compatibility", text("compatibilityVersion")),
        (
            "platform",
            text("platform").or_else(|| text("global.platform")),
        ),
    ];
    for (kind, name) in chosen {
        if let Some(preset) = name
            .map(|name| profile::preset(release, kind, &name))
            .transpose()?
            .flatten()
        {
            overlay(&mut presets, preset);
        }
    }
    let mut values = defaults;
    let preset_global = presets.get("global").cloned();
    overlay(&mut values, presets);
    if flatten_globals {
        // Charts that read global settings at the top level get them copied there.
        if let Some(global) = preset_global {
            overlay(&mut values, global);
        }
        if let Some(global) = user.get("global").filter(|g| g.is_object()) {
            overlay(&mut values, global.clone());
        }
    }
    overlay(&mut values, user.clone());
    Ok(values)
}
