//! The `istio-sidecar-injector` `ConfigMap`: the injection templates istiod executes when it admits a
//! pod, and the slice of chart values those templates read.
//!
//! istiod (and `istioctl kube-inject`) reads two keys: `config`, the injector settings with the
//! templates, and `values`, a JSON document the templates see as `.Values`. The templates are
//! meshctl's own text, per release (`releases/<minor>/injector/`, through [`crate::release`]);
//! `testenv/injection-check` checks, per release, that they inject exactly the pod spec that
//! release's own templates inject.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::error::ChartError;
use super::helm::{self, truthy};
use super::{ChartContext, chart};
use crate::merge::overlay;

/// Written where istiod expects the legacy single `template`: an istiod too old for this config
/// fails on the unknown function, which names the version mismatch in its error.
const VERSION_GUARD: &str =
    "{{ Template_Version_And_Istio_Version_Mismatched_Check_Installation }}";

/// The injector `ConfigMap` for the pilot component, or `None` where it is not rendered: when the
/// install only renders cluster-scoped resources, or the user asked to omit it.
pub fn config_map(context: &ChartContext) -> Result<Option<Value>, ChartError> {
    // A missing scope means the chart default, `all`.
    let scoped_in = match context.get("global.resourceScope") {
        None => true,
        Some(scope) => matches!(scope.as_str(), Some("all" | "namespace")),
    };
    if !scoped_in || context.truthy("global.omitSidecarInjectorConfigMap") {
        return Ok(None);
    }
    let owner = chart::owner_name(context);
    Ok(Some(json!({
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {
            "name": format!("istio-sidecar-injector{}", context.revision_suffix()),
            "namespace": context.namespace(),
            "labels": {
                "istio.io/rev": context.revision_or_default(),
                "install.operator.istio.io/owning-resource": owner,
                "operator.istio.io/component": "Pilot",
                "release": "istio",
                "app.kubernetes.io/name": "istiod",
                "app.kubernetes.io/instance": "istio",
                "app.kubernetes.io/part-of": "istio",
                "app.kubernetes.io/version": context.release.version,
            },
        },
        "data": {
            "values": helm::to_pretty_json(&injector_values(&context.values)),
            "config": config_text(context)?,
        },
    })))
}

/// The values the templates read: `global`, `sidecarInjectorWebhook` and `revision` as they are,
/// `pilot.cni`/`pilot.env` as the chart sees them (pilot settings lifted over its top level), and
/// the gateway pod security settings.
fn injector_values(values: &Value) -> Value {
    let mut lifted = values.clone();
    if let Some(pilot) = values.get("pilot").filter(|p| p.is_object()) {
        overlay(&mut lifted, pilot.clone());
    }
    let pick = |from: Option<&Value>, keys: &[&str]| {
        let mut picked = Map::new();
        if let Some(map) = from.and_then(Value::as_object) {
            for key in keys {
                if let Some(value) = map.get(*key) {
                    picked.insert((*key).to_string(), value.clone());
                }
            }
        }
        picked
    };
    let mut scoped = pick(
        Some(values),
        &["global", "sidecarInjectorWebhook", "revision"],
    );
    scoped.insert(
        "pilot".into(),
        Value::Object(pick(Some(&lifted), &["cni", "env"])),
    );
    scoped.insert(
        "gateways".into(),
        Value::Object(pick(
            values.get("gateways"),
            &["securityContext", "seccompProfile"],
        )),
    );
    Value::Object(scoped)
}

/// The injector settings istiod parses as YAML. Lists and maps from values are written as JSON,
/// which YAML reads unchanged.
fn config_text(context: &ChartContext) -> Result<String, ChartError> {
    let json =
        |path: &str, empty: Value| to_json_text(&context.get(path).cloned().unwrap_or(empty));
    let mut text = String::new();
    let defaults = context
        .get("sidecarInjectorWebhook.defaultTemplates")
        .filter(|d| truthy(d))
        .cloned()
        .unwrap_or_else(|| json!(["sidecar"]));
    // Pods that name no template get these.
    let _ = writeln!(text, "defaultTemplates: {}", to_json_text(&defaults)?);
    let _ = writeln!(text, "policy: {}", context.str("global.proxy.autoInject"));
    let _ = writeln!(
        text,
        "alwaysInjectSelector: {}",
        json("sidecarInjectorWebhook.alwaysInjectSelector", json!([]))?
    );
    let _ = writeln!(
        text,
        "neverInjectSelector: {}",
        json("sidecarInjectorWebhook.neverInjectSelector", json!([]))?
    );
    let annotations = context
        .get("sidecarInjectorWebhook.injectedAnnotations")
        .and_then(Value::as_object)
        .map(|map| {
            map.iter()
                // `"{{ $key }}": {{ $val | quote }}`: a null value prints nothing, which YAML reads
                // as null.
                .map(|(k, v)| (k.clone(), helm::quote(v).map_or(Value::Null, Value::String)))
                .collect::<Map<_, _>>()
        })
        .unwrap_or_default();
    let _ = writeln!(text, "injectedAnnotations: {}", to_json_text(&annotations)?);
    let _ = writeln!(text, "template: {}", to_json_text(VERSION_GUARD)?);
    text.push_str("templates:\n");
    let user = context
        .get("sidecarInjectorWebhook.templates")
        .and_then(Value::as_object);
    for name in context.release.template_names() {
        let Some(body) = context.release.template(name) else {
            continue;
        };
        // A user template of the same name replaces the built-in one.
        if user.is_some_and(|u| u.contains_key(name)) {
            continue;
        }
        let _ = writeln!(text, "  {name}: |");
        for line in body.trim_end().lines() {
            if line.is_empty() {
                text.push('\n');
            } else {
                let _ = writeln!(text, "    {line}");
            }
        }
    }
    for (name, body) in user.into_iter().flatten() {
        let key = to_json_text(name)?;
        let value = to_json_text(&helm::go_text(body))?;
        let _ = writeln!(text, "  {key}: {value}");
    }
    Ok(text.trim_end().to_string())
}

/// A value as one line of JSON, which the injector's YAML reads unchanged.
fn to_json_text<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, ChartError> {
    serde_json::to_string(value).map_err(|source| ChartError::Serialise {
        kind: "ConfigMap",
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{ComponentInstance, ComponentName};

    fn context(values: Value, namespace: &str) -> ChartContext {
        ChartContext {
            instance: ComponentInstance {
                component: ComponentName::Pilot,
                name: None,
                namespace: namespace.into(),
                raw: json!({}),
                spec: crate::api::GatewayComponent::default(),
            },
            values,
            given: json!({}),
            release: crate::release::newest(),
        }
    }

    fn base_values() -> Value {
        json!({
            "revision": "",
            "cni": {"enabled": false, "provider": "default"},
            "env": {},
            "global": {
                "resourceScope": "all",
                "omitSidecarInjectorConfigMap": false,
                "proxy": {"autoInject": "enabled", "statusPort": 15020},
                "hub": "docker.io/istio",
            },
            "sidecarInjectorWebhook": {
                "templates": {},
                "defaultTemplates": [],
                "alwaysInjectSelector": [],
                "neverInjectSelector": [],
                "injectedAnnotations": {},
            },
            "gateways": {"securityContext": {}, "seccompProfile": {}, "other": 1},
        })
    }

    fn rendered(values: Value) -> Value {
        config_map(&context(values, "istio-system"))
            .expect("renders")
            .expect("present")
    }

    fn config(map: &Value) -> Value {
        crate::yaml::parse_value(
            map["data"]["config"].as_str().expect("config text"),
            &crate::yaml::Source("config".into()),
        )
        .expect("config parses as YAML")
    }

    #[test]
    fn default_config_map_names_labels_and_keys() {
        let map = rendered(base_values());
        assert_eq!(map["metadata"]["name"], "istio-sidecar-injector");
        assert_eq!(map["metadata"]["namespace"], "istio-system");
        let labels = &map["metadata"]["labels"];
        assert_eq!(labels["istio.io/rev"], "default");
        assert_eq!(
            labels["install.operator.istio.io/owning-resource"],
            "unknown"
        );
        assert_eq!(labels["operator.istio.io/component"], "Pilot");
        assert_eq!(labels["app.kubernetes.io/name"], "istiod");
        assert_eq!(labels["release"], "istio");
        let data = map["data"].as_object().expect("data");
        assert_eq!(data.len(), 2);
        let config = config(&map);
        assert_eq!(config["defaultTemplates"], json!(["sidecar"]));
        assert_eq!(config["policy"], "enabled");
        assert_eq!(config["alwaysInjectSelector"], json!([]));
        let templates = config["templates"].as_object().expect("templates");
        assert_eq!(
            templates.keys().collect::<Vec<_>>(),
            [
                "agentgateway",
                "agentgateway-waypoint",
                "gateway",
                "grpc-agent",
                "grpc-simple",
                "kube-gateway",
                "sidecar",
                "waypoint"
            ]
        );
        assert!(
            templates["sidecar"]
                .as_str()
                .expect("text")
                .contains("istio-iptables")
        );
        assert!(
            templates["gateway"]
                .as_str()
                .expect("text")
                .contains("router")
        );
    }

    #[test]
    fn values_are_scoped_and_go_formatted() {
        let map = rendered(base_values());
        let text = map["data"]["values"].as_str().expect("values");
        assert!(text.starts_with("{\n  \"gateways\": {\n    \"seccompProfile\": {},"));
        let values: Value = serde_json::from_str(text).expect("JSON");
        assert_eq!(
            values.as_object().expect("map").keys().collect::<Vec<_>>(),
            [
                "gateways",
                "global",
                "pilot",
                "revision",
                "sidecarInjectorWebhook"
            ]
        );
        assert_eq!(
            values["pilot"],
            json!({"cni": {"enabled": false, "provider": "default"}, "env": {}})
        );
        assert!(values["gateways"].get("other").is_none());
    }

    #[test]
    fn pilot_settings_lift_over_chart_top_level() {
        let mut values = base_values();
        values["pilot"] = json!({"cni": {"enabled": true}, "env": {"A": "b"}});
        let map = rendered(values);
        let values: Value =
            serde_json::from_str(map["data"]["values"].as_str().expect("values")).expect("JSON");
        assert_eq!(
            values["pilot"]["cni"],
            json!({"enabled": true, "provider": "default"})
        );
        assert_eq!(values["pilot"]["env"], json!({"A": "b"}));
    }

    #[test]
    fn revision_names_and_labels() {
        let mut values = base_values();
        values["revision"] = json!("canary");
        let map = rendered(values);
        assert_eq!(map["metadata"]["name"], "istio-sidecar-injector-canary");
        assert_eq!(map["metadata"]["labels"]["istio.io/rev"], "canary");
    }

    #[test]
    fn omitted_when_asked_or_cluster_scoped() {
        let mut values = base_values();
        values["global"]["omitSidecarInjectorConfigMap"] = json!(true);
        assert!(
            config_map(&context(values, "istio-system"))
                .expect("ok")
                .is_none()
        );
        let mut values = base_values();
        values["global"]["resourceScope"] = json!("cluster");
        assert!(
            config_map(&context(values, "istio-system"))
                .expect("ok")
                .is_none()
        );
    }

    #[test]
    fn user_templates_replace_and_extend() {
        let mut values = base_values();
        values["sidecarInjectorWebhook"]["templates"] =
            json!({"gateway": "metadata: {}\n", "hello": "metadata:\n  labels: {a: b}\n"});
        values["sidecarInjectorWebhook"]["defaultTemplates"] = json!(["sidecar", "hello"]);
        values["sidecarInjectorWebhook"]["injectedAnnotations"] = json!({"x/y": "z"});
        let config = config(&rendered(values));
        assert_eq!(config["templates"]["gateway"], "metadata: {}\n");
        assert_eq!(
            config["templates"]["hello"],
            "metadata:\n  labels: {a: b}\n"
        );
        assert_eq!(config["defaultTemplates"], json!(["sidecar", "hello"]));
        assert_eq!(config["injectedAnnotations"], json!({"x/y": "z"}));
    }

    #[test]
    fn go_json_escapes_and_numbers() {
        assert_eq!(
            crate::render::helm::to_pretty_json(&json!({"b": [1.0, 0.5, "<&>"], "a": {}})),
            "{\n  \"a\": {},\n  \"b\": [\n    1,\n    0.5,\n    \"\\u003c\\u0026\\u003e\"\n  ]\n}"
        );
    }
}
