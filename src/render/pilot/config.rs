//! istiod's `ConfigMaps`: the mesh config (`istio`), the published chart values (`values`), the
//! extra JWKS root and the per-GatewayClass defaults.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::ConfigMap;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde_json::{Map, Value, json};

use super::Pilot;
use crate::merge::overlay;
use crate::render::error::ChartError;
use crate::render::helm::{self, truthy};
use crate::render::{ChartContext, chart};

fn config_map(
    name: String,
    namespace: &str,
    labels: BTreeMap<String, String>,
    annotations: Option<BTreeMap<String, String>>,
    data: BTreeMap<String, String>,
) -> Result<Value, ChartError> {
    let object = ConfigMap {
        metadata: ObjectMeta {
            name: Some(name),
            namespace: Some(namespace.to_string()),
            labels: Some(labels),
            annotations,
            ..ObjectMeta::default()
        },
        data: Some(data),
        ..ConfigMap::default()
    };
    chart::to_json(&object)
}

/// The `istio` `ConfigMap`: the mesh config istiod and the proxies start from, and the mesh networks.
pub(super) fn mesh_config_map(pilot: &Pilot) -> Result<Value, ChartError> {
    let data = BTreeMap::from([
        ("mesh".to_string(), mesh_text(pilot)),
        ("meshNetworks".to_string(), mesh_networks_text(pilot)),
    ]);
    config_map(
        pilot.name("istio"),
        &pilot.namespace,
        pilot.owned_labels(&[]),
        None,
        data,
    )
}

/// `networks:` followed by `global.meshNetworks`: the chart writes
/// `{{ toYaml .Values.global.meshNetworks | trim | indent 6 }}` two columns deeper than the block
/// it sits in, so every line (an empty one too) gains two spaces.
fn mesh_networks_text(pilot: &Pilot) -> String {
    match pilot
        .values
        .get("global.meshNetworks")
        .filter(|n| truthy(n))
    {
        Some(networks) => {
            let body = helm::to_yaml(networks);
            let indented: Vec<String> = body
                .trim()
                .lines()
                .map(|line| format!("  {line}"))
                .collect();
            format!("networks:\n{}", indented.join("\n"))
        }
        None => "networks: {}".into(),
    }
}

/// The chart's built-in mesh settings with `meshConfig` merged over them, as YAML text.
fn mesh_text(pilot: &Pilot) -> String {
    let mut mesh = built_in_mesh(pilot);
    if let Some(user) = pilot.values.get("meshConfig") {
        overlay(&mut mesh, user.clone());
    }
    helm::to_yaml(&mesh)
}

/// The mesh settings the chart derives from its own values (trust domain, root namespace, default
/// telemetry providers, proxy defaults).
pub(super) fn built_in_mesh(pilot: &Pilot) -> Value {
    let values = pilot.values;
    let mut mesh = Map::new();
    mesh.insert("trustDomain".into(), json!("cluster.local"));
    let root = values.str("meshConfig.rootNamespace");
    let root = if root.is_empty() {
        values.str("global.istioNamespace")
    } else {
        root
    };
    mesh.insert("rootNamespace".into(), json!(root));

    let no_default_providers = !values.truthy("meshConfig.defaultProviders");
    let telemetry = no_default_providers
        && values.truthy("telemetry.enabled")
        && values.truthy("telemetry.v2.enabled");
    let prometheus = telemetry && values.truthy("telemetry.v2.prometheus.enabled");
    let stackdriver = telemetry && values.truthy("telemetry.v2.stackdriver.enabled");
    if prometheus || stackdriver {
        let mut providers = Map::new();
        let mut metrics = Vec::new();
        if prometheus {
            metrics.push(json!("prometheus"));
        }
        if stackdriver {
            metrics.push(json!("stackdriver"));
            providers.insert("accessLogging".into(), json!(["stackdriver"]));
        }
        providers.insert("metrics".into(), Value::Array(metrics));
        mesh.insert("defaultProviders".into(), Value::Object(providers));
    }

    let mut proxy = Map::new();
    let mesh_id = values.str("global.meshID");
    if !mesh_id.is_empty() {
        proxy.insert("meshId".into(), json!(mesh_id));
    }
    let variant = first_set(&[
        values.str("global.proxy.variant"),
        values.str("global.variant"),
    ]);
    if !variant.is_empty() {
        proxy.insert("image".into(), json!({ "imageType": variant }));
    }
    if let Some(tracing) = tracing(values) {
        proxy.insert("tracing".into(), tracing);
    }
    let discovery = if values.truthy("global.remotePilotAddress") {
        if values.truthy("istiodRemote.enabled")
            && values.truthy("istiodRemote.enabledLocalInjectorIstiod")
        {
            format!("istiod-remote.{}.svc:15012", pilot.namespace)
        } else {
            format!("istiod.{}.svc:15012", pilot.namespace)
        }
    } else {
        format!("{}.{}.svc:15012", pilot.name("istiod"), pilot.namespace)
    };
    proxy.insert("discoveryAddress".into(), json!(discovery));
    mesh.insert("defaultConfig".into(), Value::Object(proxy));
    Value::Object(mesh)
}

fn first_set(candidates: &[String]) -> String {
    candidates
        .iter()
        .find(|c| !c.is_empty())
        .cloned()
        .unwrap_or_default()
}

/// The proxy tracer block for `global.proxy.tracer` (nothing for `none`).
fn tracing(values: &ChartContext) -> Option<Value> {
    let tracer = values.str("global.proxy.tracer");
    let setting = |key: &str| values.get(&format!("global.tracer.{key}")).cloned();
    // Unset template fields read back from YAML as null; scalars keep their YAML types.
    let or_default = |key: &str, fallback: Value| {
        setting(key)
            .filter(truthy)
            .map_or(fallback, |v| reparse_scalar(&v))
    };
    let block = match tracer.as_str() {
        "none" => return None,
        "lightstep" => json!({ "lightstep": {
            "address": setting("lightstep.address").map_or(Value::Null, |v| reparse_scalar(&v)),
            "accessToken": setting("lightstep.accessToken").map_or(Value::Null, |v| reparse_scalar(&v)),
        }}),
        "zipkin" => {
            let fallback = format!("zipkin.{}:9411", values.str("global.istioNamespace"));
            json!({ "zipkin": { "address": or_default("zipkin.address", json!(fallback)) } })
        }
        "datadog" => json!({ "datadog": {
            "address": or_default("datadog.address", json!("$(HOST_IP):8126")),
        }}),
        "stackdriver" => json!({ "stackdriver": {
            "debug": or_default("stackdriver.debug", json!(false)),
            "maxNumberOfAttributes": or_default("stackdriver.maxNumberOfAttributes", json!(200)),
            "maxNumberOfAnnotations": or_default("stackdriver.maxNumberOfAnnotations", json!(200)),
            "maxNumberOfMessageEvents": or_default("stackdriver.maxNumberOfMessageEvents", json!(200)),
        }}),
        // Any other tracer name renders an empty `tracing:` (null) in the chart.
        _ => Value::Null,
    };
    Some(block)
}

/// A value printed into YAML and read back (`"200"` → 200, `"false"` → false).
fn reparse_scalar(value: &Value) -> Value {
    match value {
        Value::String(text) => {
            crate::yaml::parse_value(text, &crate::yaml::Source("values".into()))
                .ok()
                .filter(|parsed| !parsed.is_object() && !parsed.is_array())
                .unwrap_or_else(|| value.clone())
        }
        other => other.clone(),
    }
}

/// The `values` `ConfigMap`: the values istioctl passed to the chart and the merged result, for
/// debugging and tools (istiod ignores it).
pub(super) fn values_config_map(
    pilot: &Pilot,
    original: &ChartContext,
) -> Result<Value, ChartError> {
    let passed = &original.given;
    let data = BTreeMap::from([
        ("original-values".to_string(), helm::to_pretty_json(passed)),
        (
            "merged-values".to_string(),
            helm::to_pretty_json(&pilot.values.values),
        ),
    ]);
    let annotations = BTreeMap::from([(
        "kubernetes.io/description".to_string(),
        "This ConfigMap contains the Helm values used during chart rendering. This ConfigMap is \
         rendered for debugging purposes and external tooling; modifying these values has no effect."
            .to_string(),
    )]);
    config_map(
        pilot.name("values"),
        &pilot.namespace,
        pilot.owned_labels(&[]),
        Some(annotations),
        data,
    )
}

/// The extra root certificates istiod trusts when fetching JWKS.
pub(super) fn jwks_config_map(pilot: &Pilot) -> Result<Value, ChartError> {
    let data = BTreeMap::from([(
        "extra.pem".to_string(),
        pilot.values.str("jwksResolverExtraRootCA"),
    )]);
    config_map(
        pilot.name("pilot-jwks-extra-cacerts"),
        &pilot.namespace,
        pilot.owned_labels(&[]),
        None,
        data,
    )
}

/// One `ConfigMap` per `gatewayClasses` entry: the defaults istiod applies to that class's Gateways.
pub(super) fn gateway_class_config_maps(pilot: &Pilot) -> Result<Vec<Value>, ChartError> {
    let Some(classes) = pilot
        .values
        .get("gatewayClasses")
        .and_then(Value::as_object)
    else {
        return Ok(Vec::new());
    };
    let mut objects = Vec::new();
    for (class, kinds) in classes {
        let mut data = BTreeMap::new();
        if let Some(kinds) = kinds.as_object() {
            let last = kinds.keys().next_back();
            for (kind, overlay) in kinds {
                // `{{$kind}}: |` then the overlay's `toYaml | trim`: a literal block keeps one
                // final line break, except the document's last one, whose break istioctl trims
                // with the document.
                let text = helm::to_yaml(overlay);
                let text = text.trim();
                let text = if text.is_empty() || Some(kind) == last {
                    text.to_string()
                } else {
                    format!("{text}\n")
                };
                data.insert(kind.clone(), text);
            }
        }
        let labels = pilot.owned_labels(&[("gateway.istio.io/defaults-for-class", class)]);
        objects.push(config_map(
            format!("istio-{}-gatewayclass-{class}", pilot.revision_label()),
            &pilot.namespace,
            labels,
            None,
            data,
        )?);
    }
    Ok(objects)
}
