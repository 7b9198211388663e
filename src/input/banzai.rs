//! Banzai Cloud's `Istio` resource (`istio.banzaicloud.io/v1beta1`, kind `Istio`) as input.
//!
//! In: one Banzai document, as text (the CLI's `-f`) or as a tree (the operator's resource).
//! Out: the equivalent `IstioOperator` tree, with mesh-wide mTLS and the injection namespaces
//! carried as the `meshctl.io/mtls-mode` and `meshctl.io/injection-namespaces` annotations, and a
//! warning for every Banzai field that has no Istio 1.31 equivalent (naming the field). An unknown
//! field or a wrong type is an error naming the file, line and field path: the typed structs
//! below list every field Banzai's `v1beta1` types had on their release branches (1.0 to 1.10),
//! the mapped ones with their types, the obsolete ones as "anything" (they are only warned about).
//! `docs/banzai.md` is the table a Banzai user reads; keep it in step with [`translate_tree`].
//! Nothing here prints.

use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::api::{self, validation::Warning};
use crate::yaml::{self, Limits, Source, YamlError};

/// Banzai's API group and version.
pub const API_VERSION: &str = "istio.banzaicloud.io/v1beta1";
/// Banzai's kind.
pub const KIND: &str = "Istio";
/// The annotation that carries mesh-wide mTLS (issue 12, part A).
pub const MTLS_ANNOTATION: &str = "meshctl.io/mtls-mode";
/// The annotation that carries the namespaces labelled for injection (issue 12, part A).
pub const INJECTION_ANNOTATION: &str = "meshctl.io/injection-namespaces";

/// Whether a tree is Banzai's `Istio` (by kind and group; the version is checked by the typed
/// decode, so `v1alpha1` of Banzai's later operator is refused with a message that says so).
#[must_use]
pub fn is_banzai(tree: &Value) -> bool {
    tree.get("kind").and_then(Value::as_str) == Some(KIND)
        && tree
            .get("apiVersion")
            .and_then(Value::as_str)
            .is_some_and(|v| v.starts_with("istio.banzaicloud.io/"))
}

/// A Banzai document turned into an `IstioOperator` tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    pub operator: Value,
    pub warnings: Vec<Warning>,
    /// Where each translated field came from: (`IstioOperator` path under `spec`, such as
    /// `values.pilot.image`; the Banzai field, such as `spec.pilot.image`), so that a message
    /// about the translation names the field the user wrote.
    pub origins: Vec<(String, String)>,
}

/// Why a Banzai document could not be translated.
#[derive(Debug, thiserror::Error)]
pub enum BanzaiError {
    #[error(transparent)]
    Yaml(#[from] YamlError),
    #[error("{source_name}: kind is `{kind}`, expected Banzai's `{KIND}` ({API_VERSION})")]
    WrongKind { source_name: Source, kind: String },
    #[error(
        "{source_name}: apiVersion is `{version}`; meshctl reads Banzai's `{API_VERSION}` `Istio`"
    )]
    WrongApiVersion {
        source_name: Source,
        version: String,
    },
    #[error("{source_name}: {message} (at `{path}`)")]
    Invalid {
        source_name: Source,
        path: String,
        message: String,
    },
}

/// Checks `text` strictly (line, column and path on error) and translates it.
pub fn translate_text(
    text: &str,
    source: &Source,
    limits: Limits,
) -> Result<Translation, BanzaiError> {
    let tree: Value = yaml::parse_value_within(text, source, limits)?;
    check_version(&tree, source)?;
    yaml::parse_typed_within::<Istio>(text, source, limits)?;
    translate_tree(&tree, source)
}

/// Checks a tree that did not come from text (the operator's resource) and translates it.
pub fn translate_value(tree: &Value, source: &Source) -> Result<Translation, BanzaiError> {
    check_version(tree, source)?;
    yaml::from_value::<Istio>(tree, source)?;
    translate_tree(tree, source)
}

fn check_version(tree: &Value, source: &Source) -> Result<(), BanzaiError> {
    let kind = tree.get("kind").and_then(Value::as_str).unwrap_or_default();
    if kind != KIND {
        return Err(BanzaiError::WrongKind {
            source_name: source.clone(),
            kind: kind.to_string(),
        });
    }
    match tree.get("apiVersion").and_then(Value::as_str) {
        Some(API_VERSION) => Ok(()),
        other => Err(BanzaiError::WrongApiVersion {
            source_name: source.clone(),
            version: other.unwrap_or_default().to_string(),
        }),
    }
}

/// Builds the `IstioOperator` tree. The input has passed the typed check, so the shapes read
/// here are the ones declared below.
#[allow(clippy::too_many_lines)] // one table, read top to bottom, mirrored in docs/banzai.md
fn translate_tree(tree: &Value, source: &Source) -> Result<Translation, BanzaiError> {
    let mut out = Out::default();
    let empty = Map::new();
    let spec = tree
        .get("spec")
        .and_then(Value::as_object)
        .unwrap_or(&empty);

    let mut metadata = Map::new();
    for key in ["name", "namespace"] {
        if let Some(value) = tree.pointer(&format!("/metadata/{key}")) {
            metadata.insert(key.into(), value.clone());
        }
    }
    let mut annotations = Map::new();

    // mTLS: `meshPolicy.mtlsMode` (1.5+) replaced the `mtls` bool; Banzai read the bool only when
    // the mode was not set, and so does meshctl.
    let mode = spec
        .get("meshPolicy")
        .and_then(|p| p.get("mtlsMode"))
        .and_then(Value::as_str)
        .filter(|m| !m.is_empty());
    let from_bool = spec
        .get("mtls")
        .and_then(Value::as_bool)
        .map(|strict| if strict { "STRICT" } else { "PERMISSIVE" });
    if let (Some(mode), Some(old)) = (mode, from_bool)
        && mode != old
    {
        out.warn(format!(
            "spec.mtls ({old}) disagrees with spec.meshPolicy.mtlsMode ({mode}); \
             meshPolicy.mtlsMode wins, as it did in Banzai's operator"
        ));
    }
    if let Some(mode) = mode.or(from_bool) {
        if !matches!(mode, "STRICT" | "PERMISSIVE" | "DISABLED") {
            return Err(BanzaiError::Invalid {
                source_name: source.clone(),
                path: "spec.meshPolicy.mtlsMode".into(),
                message: format!("`{mode}` is not one of STRICT, PERMISSIVE, DISABLED"),
            });
        }
        annotations.insert(MTLS_ANNOTATION.into(), mode.into());
    }
    if let Some(list) = spec
        .get("autoInjectionNamespaces")
        .and_then(Value::as_array)
    {
        let names: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
        annotations.insert(INJECTION_ANNOTATION.into(), names.join(",").into());
    }
    // Banzai's `version` named the Istio release to run: where meshctl renders that release, it
    // is kept as the release annotation (so the tag can be anything, as Banzai's could).
    if let Some(release) = spec
        .get("version")
        .and_then(Value::as_str)
        .and_then(crate::release::find)
    {
        annotations.insert(
            crate::release::RELEASE_ANNOTATION.into(),
            release.minor.clone().into(),
        );
    }
    if !annotations.is_empty() {
        metadata.insert("annotations".into(), Value::Object(annotations));
    }

    for (key, value) in spec {
        out.origin = format!("spec.{key}");
        let at = |path: &[&str]| -> Vec<String> { path.iter().map(|s| (*s).to_string()).collect() };
        match key.as_str() {
            "mtls" | "autoInjectionNamespaces" | "meshPolicy" => {}
            "includeIPRanges"
            | "excludeIPRanges"
            | "excludeInboundPorts"
            | "excludeOutboundPorts" => {
                out.set(&at(&["values", "global", "proxy", key]), value.clone());
            }
            "controlPlaneSecurityEnabled" => {
                if value == &Value::Bool(false) {
                    out.warn(
                        "spec.controlPlaneSecurityEnabled: false is ignored: Istio 1.31 always \
                         secures the control plane with mutual TLS"
                            .into(),
                    );
                }
            }
            "controlPlaneAuthPolicy" => {
                if value.as_str() != Some("MUTUAL_TLS") {
                    out.warn(format!(
                        "spec.controlPlaneAuthPolicy: {} is ignored: Istio 1.31 always secures \
                         the control plane with mutual TLS",
                        yaml::value_to_string(value).trim()
                    ));
                }
            }
            "version" => {
                if value.as_str().and_then(crate::release::find).is_none() {
                    out.warn(format!(
                        "spec.version `{}` is ignored: meshctl renders Istio {}, and renders {} \
                         for this resource",
                        // The value as given (a non-text one is refused by the schema first).
                        value.as_str().map_or_else(
                            || yaml::value_to_string(value).trim().to_string(),
                            str::to_string
                        ),
                        crate::release::supported_list(),
                        crate::release::newest().version,
                    ));
                }
            }
            "imagePullPolicy" | "priorityClassName" | "jwtPolicy" | "caAddress"
            | "defaultResources" | "mountMtlsCerts" => {
                out.set(&at(&["values", "global", key]), value.clone());
            }
            "meshID" => out.set(&at(&["values", "global", "meshID"]), value.clone()),
            "networkName" => out.set(&at(&["values", "global", "network"]), value.clone()),
            "clusterName" => out.set(
                &at(&["values", "global", "multiCluster", "clusterName"]),
                value.clone(),
            ),
            "imagePullSecrets" => {
                let names: Vec<Value> = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|s| s.get("name").cloned())
                    .collect();
                out.set(&at(&["values", "global", "imagePullSecrets"]), names.into());
            }
            "logging" => {
                if let Some(level) = value.get("level") {
                    out.set(
                        &at(&["values", "global", "logging", "level"]),
                        level.clone(),
                    );
                }
            }
            "trustDomain" | "trustDomainAliases" => {
                out.set(&at(&["meshConfig", key]), value.clone());
            }
            "autoMtls" => out.set(&at(&["meshConfig", "enableAutoMtls"]), value.clone()),
            "outboundTrafficPolicy" => {
                if let Some(mode) = value.get("mode").filter(|m| m.as_str() != Some("")) {
                    out.set(
                        &at(&["meshConfig", "outboundTrafficPolicy", "mode"]),
                        mode.clone(),
                    );
                }
            }
            "defaultPodDisruptionBudget" => {
                if let Some(enabled) = value.get("enabled") {
                    out.set(
                        &at(&["values", "global", "defaultPodDisruptionBudget", "enabled"]),
                        enabled.clone(),
                    );
                }
            }
            "localityLB" => out.map_fields(
                "spec.localityLB",
                value,
                &[
                    ("enabled", &["meshConfig", "localityLbSetting", "enabled"]),
                    (
                        "distribute",
                        &["meshConfig", "localityLbSetting", "distribute"],
                    ),
                    ("failover", &["meshConfig", "localityLbSetting", "failover"]),
                ],
            ),
            "proxy" => out.map_fields(
                "spec.proxy",
                value,
                &[
                    ("image", &["values", "global", "proxy", "image"]),
                    ("privileged", &["values", "global", "proxy", "privileged"]),
                    (
                        "enableCoreDump",
                        &["values", "global", "proxy", "enableCoreDump"],
                    ),
                    ("resources", &["values", "global", "proxy", "resources"]),
                    ("logLevel", &["values", "global", "proxy", "logLevel"]),
                    (
                        "componentLogLevel",
                        &["values", "global", "proxy", "componentLogLevel"],
                    ),
                    (
                        "clusterDomain",
                        &["values", "global", "proxy", "clusterDomain"],
                    ),
                    (
                        "holdApplicationUntilProxyStarts",
                        &[
                            "values",
                            "global",
                            "proxy",
                            "holdApplicationUntilProxyStarts",
                        ],
                    ),
                    ("lifecycle", &["values", "global", "proxy", "lifecycle"]),
                    ("accessLogFile", &["meshConfig", "accessLogFile"]),
                    ("accessLogFormat", &["meshConfig", "accessLogFormat"]),
                    ("accessLogEncoding", &["meshConfig", "accessLogEncoding"]),
                    (
                        "protocolDetectionTimeout",
                        &["meshConfig", "protocolDetectionTimeout"],
                    ),
                    ("init.image", &["values", "global", "proxy_init", "image"]),
                    (
                        "init.resources",
                        &["values", "global", "proxy_init", "resources"],
                    ),
                ],
            ),
            "proxyInit" => out.map_fields(
                "spec.proxyInit",
                value,
                &[
                    ("image", &["values", "global", "proxy_init", "image"]),
                    (
                        "resources",
                        &["values", "global", "proxy_init", "resources"],
                    ),
                ],
            ),
            "tracing" => out.map_fields(
                "spec.tracing",
                value,
                &[
                    ("enabled", &["meshConfig", "enableTracing"]),
                    (
                        "zipkin.address",
                        &[
                            "meshConfig",
                            "defaultConfig",
                            "tracing",
                            "zipkin",
                            "address",
                        ],
                    ),
                ],
            ),
            "pilot" => out.map_fields(
                "spec.pilot",
                value,
                &[
                    ("enabled", &["components", "pilot", "enabled"]),
                    ("image", &["values", "pilot", "image"]),
                    (
                        "replicaCount",
                        &["components", "pilot", "k8s", "replicaCount"],
                    ),
                    ("minReplicas", &["values", "pilot", "autoscaleMin"]),
                    ("maxReplicas", &["values", "pilot", "autoscaleMax"]),
                    ("traceSampling", &["values", "pilot", "traceSampling"]),
                    ("resources", &["components", "pilot", "k8s", "resources"]),
                    (
                        "nodeSelector",
                        &["components", "pilot", "k8s", "nodeSelector"],
                    ),
                    ("affinity", &["components", "pilot", "k8s", "affinity"]),
                    (
                        "tolerations",
                        &["components", "pilot", "k8s", "tolerations"],
                    ),
                    (
                        "podAnnotations",
                        &["components", "pilot", "k8s", "podAnnotations"],
                    ),
                    ("additionalEnvVars", &["components", "pilot", "k8s", "env"]),
                    (
                        "additionalContainerArgs",
                        &["values", "pilot", "extraContainerArgs"],
                    ),
                ],
            ),
            "sidecarInjector" => {
                if value.get("enabled") == Some(&Value::Bool(false)) {
                    out.warn(
                        "spec.sidecarInjector.enabled: false is ignored: in Istio 1.31 the \
                         injector is part of istiod; leave namespaces out of \
                         autoInjectionNamespaces instead"
                            .into(),
                    );
                }
                out.map_fields(
                    "spec.sidecarInjector",
                    value,
                    &[
                        ("enabled", &[]),
                        (
                            "rewriteAppHTTPProbe",
                            &["values", "sidecarInjectorWebhook", "rewriteAppHTTPProbe"],
                        ),
                        (
                            "enableNamespacesByDefault",
                            &[
                                "values",
                                "sidecarInjectorWebhook",
                                "enableNamespacesByDefault",
                            ],
                        ),
                        (
                            "neverInjectSelector",
                            &["values", "sidecarInjectorWebhook", "neverInjectSelector"],
                        ),
                        (
                            "alwaysInjectSelector",
                            &["values", "sidecarInjectorWebhook", "alwaysInjectSelector"],
                        ),
                        (
                            "injectedAnnotations",
                            &["values", "sidecarInjectorWebhook", "injectedAnnotations"],
                        ),
                        (
                            "initCNIConfiguration.enabled",
                            &["components", "cni", "enabled"],
                        ),
                    ],
                );
            }
            "gateways" => out.gateways(value),
            "istiod" => {
                if value.get("enabled") == Some(&Value::Bool(false)) {
                    out.warn(
                        "spec.istiod.enabled: false is ignored: in Istio 1.31 istiod is the \
                         control plane; use spec.pilot.enabled: false to leave it out"
                            .into(),
                    );
                }
                out.warn_rest("spec.istiod", value, &["enabled"]);
            }
            obsolete => out.warn(format!(
                "spec.{obsolete} is ignored: {}",
                obsolete_reason(obsolete)
            )),
        }
    }

    let mut operator = Map::new();
    operator.insert("apiVersion".into(), api::API_VERSION.into());
    operator.insert("kind".into(), api::KIND.into());
    if !metadata.is_empty() {
        operator.insert("metadata".into(), Value::Object(metadata));
    }
    let mut spec_out = Map::new();
    spec_out.insert("profile".into(), "default".into());
    if let Value::Object(built) = out.spec {
        spec_out.extend(built);
    }
    operator.insert("spec".into(), Value::Object(spec_out));
    Ok(Translation {
        operator: Value::Object(operator),
        warnings: out.warnings,
        origins: out.origins,
    })
}

/// Why a Banzai field with no 1.31 equivalent is dropped; said once per field.
fn obsolete_reason(field: &str) -> &'static str {
    match field {
        "citadel" | "nodeAgent" | "certificates" => {
            "certificates are issued by istiod since Istio 1.5 (no Citadel or node agent)"
        }
        "galley" | "useMCP" => "configuration is validated and served by istiod since Istio 1.5",
        "mixer" | "policy" | "telemetry" | "mixerlessTelemetry" | "watchAdapterCRDs" => {
            "Mixer was removed in Istio 1.8; telemetry is built into the proxies (Telemetry API)"
        }
        "sds" => "SDS is always on since Istio 1.5",
        "istioCoreDNS" => "istio-coredns was removed; use the proxies' DNS proxying",
        "meshExpansion" | "multiMesh" | "multiMeshExpansion" | "globalDomain" => {
            "mesh expansion is configured with east-west gateways and WorkloadEntry in Istio 1.31"
        }
        "proxyWasm" => "Wasm is always available in Istio 1.31 proxies (WasmPlugin)",
        "watchOneNamespace" | "defaultConfigVisibility" | "global" | "httpProxyEnvs" => {
            "it has no Istio 1.31 install setting"
        }
        "k8sResourceOverlays" => {
            "Banzai's overlay format differs; rewrite it as spec.components.*.k8s.overlays"
        }
        _ => "it has no Istio 1.31 equivalent",
    }
}

/// The tree being built and the warnings said so far.
#[derive(Default)]
struct Out {
    spec: Value,
    warnings: Vec<Warning>,
    /// The Banzai field being translated, for [`Translation::origins`].
    origin: String,
    origins: Vec<(String, String)>,
}

impl Out {
    fn warn(&mut self, message: String) {
        self.warnings.push(Warning(message));
    }

    fn set(&mut self, path: &[String], value: Value) {
        self.origins.push((path.join("."), self.origin.clone()));
        let mut node = &mut self.spec;
        for segment in path {
            if !node.is_object() {
                *node = Value::Object(Map::new());
            }
            node = node
                .as_object_mut()
                .expect("made an object above")
                .entry(segment.clone())
                .or_insert(Value::Null);
        }
        *node = value;
    }

    /// Copies each `from` (a dotted path inside `value`) to its `IstioOperator` path; every
    /// other field of `value` is warned about by name.
    fn map_fields(&mut self, at: &str, value: &Value, table: &[(&str, &[&str])]) {
        for (from, to) in table {
            let pointer = format!("/{}", from.replace('.', "/"));
            if to.is_empty() {
                continue; // handled by the caller
            }
            if let Some(found) = value.pointer(&pointer).filter(|v| !v.is_null()) {
                let to: Vec<String> = to.iter().map(|s| (*s).to_string()).collect();
                let outer = std::mem::replace(&mut self.origin, format!("{at}.{from}"));
                self.set(&to, found.clone());
                self.origin = outer;
            }
        }
        let mapped: Vec<&str> = table.iter().map(|(from, _)| *from).collect();
        self.warn_rest(at, value, &mapped);
    }

    /// Warns about every field of `value` (recursively into mappings that are partly mapped)
    /// that is not in `mapped`.
    fn warn_rest(&mut self, at: &str, value: &Value, mapped: &[&str]) {
        let Some(object) = value.as_object() else {
            return;
        };
        for (key, child) in object {
            if mapped.contains(&key.as_str()) || child.is_null() {
                continue;
            }
            let prefix = format!("{key}.");
            let inner: Vec<&str> = mapped
                .iter()
                .filter_map(|m| m.strip_prefix(prefix.as_str()))
                .collect();
            if inner.is_empty() {
                self.warn(format!(
                    "{at}.{key} is ignored: it has no Istio 1.31 equivalent"
                ));
            } else {
                self.warn_rest(&format!("{at}.{key}"), child, &inner);
            }
        }
    }

    /// `gateways.ingress` and `gateways.egress` become the default ingress and egress gateways;
    /// `gateways.enabled: false` turns both off.
    fn gateways(&mut self, value: &Value) {
        let all_off = value.get("enabled") == Some(&Value::Bool(false));
        for (banzai, list, name) in [
            ("ingress", "ingressGateways", "istio-ingressgateway"),
            ("egress", "egressGateways", "istio-egressgateway"),
        ] {
            let config = value.get(banzai);
            if config.is_none() && !all_off {
                continue;
            }
            let mut gateway = Map::new();
            gateway.insert("name".into(), name.into());
            let enabled = config.and_then(|c| c.get("enabled")).cloned();
            if all_off {
                gateway.insert("enabled".into(), false.into());
            } else if let Some(enabled) = enabled {
                gateway.insert("enabled".into(), enabled);
            }
            let mut k8s = Map::new();
            if let Some(config) = config {
                for (from, to) in [
                    ("replicaCount", "replicaCount"),
                    ("resources", "resources"),
                    ("nodeSelector", "nodeSelector"),
                    ("affinity", "affinity"),
                    ("tolerations", "tolerations"),
                    ("podAnnotations", "podAnnotations"),
                    ("serviceAnnotations", "serviceAnnotations"),
                ] {
                    if let Some(found) = config.get(from).filter(|v| !v.is_null()) {
                        k8s.insert(to.into(), found.clone());
                    }
                }
                let mut service = Map::new();
                if let Some(kind) = config.get("serviceType").filter(|v| v.as_str() != Some("")) {
                    service.insert("type".into(), kind.clone());
                }
                if let Some(ip) = config
                    .get("loadBalancerIP")
                    .filter(|v| v.as_str() != Some(""))
                {
                    service.insert("loadBalancerIP".into(), ip.clone());
                }
                if !service.is_empty() {
                    k8s.insert("service".into(), Value::Object(service));
                }
                if let Some(labels) = config.get("serviceLabels").filter(|v| !v.is_null()) {
                    gateway.insert("label".into(), labels.clone());
                }
                self.warn_rest(
                    &format!("spec.gateways.{banzai}"),
                    config,
                    &[
                        "enabled",
                        "replicaCount",
                        "resources",
                        "nodeSelector",
                        "affinity",
                        "tolerations",
                        "podAnnotations",
                        "serviceAnnotations",
                        "serviceType",
                        "loadBalancerIP",
                        "serviceLabels",
                    ],
                );
            }
            if !k8s.is_empty() {
                gateway.insert("k8s".into(), Value::Object(k8s));
            }
            self.set(
                &["components".to_string(), list.to_string()],
                json!([Value::Object(gateway)]),
            );
        }
        self.warn_rest("spec.gateways", value, &["enabled", "ingress", "egress"]);
    }
}

// The typed check. Every field Banzai's `v1beta1` types declared on release-1.0 … release-1.10;
// `Value` where meshctl only warns (any shape is accepted there), the Go type where the field is
// translated. `deny_unknown_fields` everywhere: a typo is an error at its line.

type Any = Option<Value>;

/// Text, and nothing else: serde-saphyr would turn `7` or `true` into the string `"7"` for a
/// `String` target (and the translation then dropped what was not text, emptying a list), but the
/// Kubernetes API server refuses a number where Banzai's CRD says string, so meshctl does, at the
/// line and Banzai field where it was written.
#[allow(dead_code)] // read only for its checks
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("text (quote it if it looks like a number or a boolean)")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text(text.to_owned()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A namespace name (a DNS-1123 label): each becomes one entry of the comma-separated
/// `meshctl.io/injection-namespaces` annotation, so a comma inside one would split it in two.
struct NamespaceName;

impl<'de> Deserialize<'de> for NamespaceName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = NamespaceName;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a namespace name")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<NamespaceName, E> {
                let valid = (1..=63).contains(&name.len())
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    && !name.starts_with('-')
                    && !name.ends_with('-');
                if valid {
                    Ok(NamespaceName)
                } else {
                    Err(E::custom(format!(
                        "`{name}` is not a namespace name: at most 63 lower-case letters, digits \
                         and `-`, one name per list item"
                    )))
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// `true` or `false`, and nothing else: serde-saphyr would read the string `"yes"` as a bool for
/// a `bool` target, but the Kubernetes API server (and Banzai's CRD) refuses it, so meshctl does.
struct StrictBool;

impl<'de> Deserialize<'de> for StrictBool {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = StrictBool;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("true or false")
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<StrictBool, E> {
                Ok(StrictBool)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read only for its checks
struct Istio {
    #[serde(rename = "apiVersion")]
    api_version: Text,
    kind: Text,
    metadata: Any,
    #[serde(default)]
    spec: Option<Spec>,
    status: Any,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct Spec {
    version: Option<Text>,
    mtls: Option<StrictBool>,
    mesh_policy: Option<MeshPolicy>,
    auto_mtls: Option<StrictBool>,
    #[serde(rename = "includeIPRanges")]
    include_ip_ranges: Option<Text>,
    #[serde(rename = "excludeIPRanges")]
    exclude_ip_ranges: Option<Text>,
    exclude_inbound_ports: Option<Text>,
    exclude_outbound_ports: Option<Text>,
    auto_injection_namespaces: Option<Vec<NamespaceName>>,
    control_plane_security_enabled: Option<StrictBool>,
    control_plane_auth_policy: Option<Text>,
    mount_mtls_certs: Option<StrictBool>,
    default_resources: Option<Resources>,
    image_pull_policy: Option<Text>,
    image_pull_secrets: Option<Vec<LocalObjectReference>>,
    priority_class_name: Option<Text>,
    logging: Option<Logging>,
    trust_domain: Option<Text>,
    trust_domain_aliases: Option<Vec<Text>>,
    outbound_traffic_policy: Option<OutboundTrafficPolicy>,
    default_pod_disruption_budget: Option<Enabled>,
    #[serde(rename = "localityLB")]
    locality_lb: Option<LocalityLb>,
    cluster_name: Option<Text>,
    network_name: Option<Text>,
    #[serde(rename = "meshID")]
    mesh_id: Option<Text>,
    jwt_policy: Option<Text>,
    ca_address: Option<Text>,
    proxy: Option<Proxy>,
    proxy_init: Option<ProxyInit>,
    tracing: Option<Tracing>,
    pilot: Option<Pilot>,
    sidecar_injector: Option<SidecarInjector>,
    gateways: Option<Gateways>,
    istiod: Option<Istiod>,
    // Obsolete in Istio 1.31: accepted in any shape, warned about.
    sds: Any,
    citadel: Any,
    galley: Any,
    mixer: Any,
    policy: Any,
    telemetry: Any,
    node_agent: Any,
    proxy_wasm: Any,
    watch_one_namespace: Any,
    #[serde(rename = "useMCP")]
    use_mcp: Any,
    default_config_visibility: Any,
    #[serde(rename = "watchAdapterCRDs")]
    watch_adapter_crds: Any,
    mesh_expansion: Any,
    multi_mesh: Any,
    multi_mesh_expansion: Any,
    global_domain: Any,
    #[serde(rename = "istioCoreDNS")]
    istio_core_dns: Any,
    mixerless_telemetry: Any,
    certificates: Any,
    http_proxy_envs: Any,
    global: Any,
    k8s_resource_overlays: Any,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct MeshPolicy {
    mtls_mode: Option<MtlsMode>,
}

/// Banzai's `MTLSMode`; the empty string is its "unset".
#[derive(Deserialize)]
#[allow(dead_code, clippy::upper_case_acronyms)]
enum MtlsMode {
    #[serde(rename = "STRICT")]
    Strict,
    #[serde(rename = "PERMISSIVE")]
    Permissive,
    #[serde(rename = "DISABLED")]
    Disabled,
    #[serde(rename = "")]
    Unset,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Resources {
    limits: Option<std::collections::BTreeMap<String, Quantity>>,
    requests: Option<std::collections::BTreeMap<String, Quantity>>,
    claims: Any,
}

/// A Kubernetes quantity: `100m`, `1Gi` or a bare number.
#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Quantity {
    Text(String),
    Number(f64),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct LocalObjectReference {
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Logging {
    level: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct OutboundTrafficPolicy {
    mode: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Enabled {
    enabled: Option<StrictBool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct LocalityLb {
    enabled: Option<StrictBool>,
    distribute: Option<Vec<Value>>,
    failover: Option<Vec<Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct Proxy {
    image: Option<Text>,
    privileged: Option<StrictBool>,
    enable_core_dump: Option<StrictBool>,
    resources: Option<Resources>,
    access_log_file: Option<Text>,
    access_log_format: Option<Text>,
    access_log_encoding: Option<Text>,
    log_level: Option<Text>,
    component_log_level: Option<Text>,
    cluster_domain: Option<Text>,
    hold_application_until_proxy_starts: Option<StrictBool>,
    protocol_detection_timeout: Option<Text>,
    lifecycle: Any,
    init: Option<ProxyInit>,
    core_dump_image: Any,
    core_dump_directory: Any,
    dns_refresh_rate: Any,
    envoy_stats_d: Any,
    envoy_metrics_service: Any,
    envoy_access_log_service: Any,
    use_metadata_exchange_filter: Any,
    security_context: Any,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ProxyInit {
    image: Option<Text>,
    resources: Option<Resources>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct Tracing {
    enabled: Option<StrictBool>,
    zipkin: Option<Zipkin>,
    tracer: Any,
    lightstep: Any,
    datadog: Any,
    stackdriver: Any,
    custom_tags: Any,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct Zipkin {
    address: Option<Text>,
    tls_settings: Any,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct Pilot {
    enabled: Option<StrictBool>,
    image: Option<Text>,
    replica_count: Option<i32>,
    min_replicas: Option<i32>,
    max_replicas: Option<i32>,
    trace_sampling: Option<f64>,
    resources: Option<Resources>,
    node_selector: Option<std::collections::BTreeMap<String, Text>>,
    affinity: Any,
    tolerations: Option<Vec<Value>>,
    pod_annotations: Option<std::collections::BTreeMap<String, Text>>,
    additional_env_vars: Option<Vec<Value>>,
    additional_container_args: Option<Vec<Text>>,
    security_context: Any,
    sidecar: Any,
    enable_protocol_sniffing: Any,
    enable_protocol_sniffing_outbound: Any,
    enable_protocol_sniffing_inbound: Any,
    cert_provider: Any,
    spiffe: Any,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct SidecarInjector {
    enabled: Any,
    image: Any,
    replica_count: Any,
    min_replicas: Any,
    max_replicas: Any,
    resources: Any,
    node_selector: Any,
    affinity: Any,
    tolerations: Any,
    pod_annotations: Any,
    security_context: Any,
    init: Any,
    #[serde(rename = "initCNIConfiguration")]
    init_cni_configuration: Option<InitCni>,
    #[serde(rename = "rewriteAppHTTPProbe")]
    rewrite_app_http_probe: Option<StrictBool>,
    auto_injection_policy_enabled: Any,
    enable_namespaces_by_default: Option<StrictBool>,
    never_inject_selector: Option<Vec<Value>>,
    always_inject_selector: Option<Vec<Value>>,
    injected_annotations: Option<std::collections::BTreeMap<String, Text>>,
    additional_container_args: Any,
    additional_env_vars: Any,
    injected_container_additional_args: Any,
    injected_container_additional_env_vars: Any,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct InitCni {
    enabled: Option<StrictBool>,
    image: Any,
    bin_dir: Any,
    conf_dir: Any,
    exclude_namespaces: Any,
    include_namespaces: Any,
    log_level: Any,
    affinity: Any,
    chained: Any,
    repair: Any,
    taint: Any,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct Gateways {
    enabled: Option<StrictBool>,
    ingress: Option<Gateway>,
    egress: Option<Gateway>,
    k8singress: Any,
    mesh_expansion: Any,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct Gateway {
    enabled: Option<StrictBool>,
    replica_count: Option<i32>,
    resources: Option<Resources>,
    node_selector: Option<std::collections::BTreeMap<String, Text>>,
    affinity: Any,
    tolerations: Option<Vec<Value>>,
    pod_annotations: Option<std::collections::BTreeMap<String, Text>>,
    service_annotations: Option<std::collections::BTreeMap<String, Text>>,
    service_labels: Option<std::collections::BTreeMap<String, Text>>,
    service_type: Option<Text>,
    #[serde(rename = "loadBalancerIP")]
    load_balancer_ip: Option<Text>,
    image: Any,
    min_replicas: Any,
    max_replicas: Any,
    security_context: Any,
    sds: Any,
    ports: Any,
    application_ports: Any,
    requested_network_view: Any,
    create_only: Any,
    labels: Any,
    run_as_root: Any,
    service_external_traffic_policy: Any,
    additional_env_vars: Any,
    additional_container_args: Any,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code, clippy::struct_field_names)] // Banzai's field names
struct Istiod {
    enabled: Option<StrictBool>,
    enable_analysis: Any,
    enable_status: Any,
    multi_cluster_support: Any,
    multi_control_plane_support: Any,
    expose_webhook_port: Any,
    external_istiod: Any,
    ca: Any,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translate(spec: &str) -> Result<Translation, BanzaiError> {
        let text = format!(
            "apiVersion: {API_VERSION}\nkind: Istio\nmetadata:\n  name: istio\nspec:\n{spec}"
        );
        translate_text(&text, &Source("istio.yaml".into()), Limits::default())
    }

    fn annotation(translation: &Translation, name: &str) -> Option<String> {
        translation
            .operator
            .pointer(&format!(
                "/metadata/annotations/{}",
                name.replace('/', "~1")
            ))
            .and_then(Value::as_str)
            .map(str::to_string)
    }

    #[test]
    fn the_mtls_bool_becomes_the_mode_annotation() {
        let strict = translate("  mtls: true\n").unwrap();
        assert_eq!(
            annotation(&strict, MTLS_ANNOTATION).as_deref(),
            Some("STRICT")
        );
        let permissive = translate("  mtls: false\n").unwrap();
        assert_eq!(
            annotation(&permissive, MTLS_ANNOTATION).as_deref(),
            Some("PERMISSIVE")
        );
        // YAML 1.1 spelling, as the rest of meshctl reads it.
        let yes = translate("  mtls: yes\n").unwrap();
        assert_eq!(annotation(&yes, MTLS_ANNOTATION).as_deref(), Some("STRICT"));
        let unset = translate("  includeIPRanges: \"*\"\n").unwrap();
        assert_eq!(annotation(&unset, MTLS_ANNOTATION), None);
        assert!(unset.warnings.is_empty());
    }

    #[test]
    fn mesh_policy_wins_over_the_bool_with_a_warning() {
        let both = translate("  mtls: true\n  meshPolicy:\n    mtlsMode: DISABLED\n").unwrap();
        assert_eq!(
            annotation(&both, MTLS_ANNOTATION).as_deref(),
            Some("DISABLED")
        );
        assert_eq!(both.warnings.len(), 1);
        assert!(both.warnings[0].0.contains("spec.meshPolicy.mtlsMode"));
        let agreeing = translate("  mtls: true\n  meshPolicy:\n    mtlsMode: STRICT\n").unwrap();
        assert!(agreeing.warnings.is_empty());
        // Banzai's empty mode means "not set": the bool decides.
        let empty = translate("  mtls: false\n  meshPolicy:\n    mtlsMode: \"\"\n").unwrap();
        assert_eq!(
            annotation(&empty, MTLS_ANNOTATION).as_deref(),
            Some("PERMISSIVE")
        );
    }

    #[test]
    fn injection_namespaces_are_joined_and_an_empty_list_is_kept() {
        let listed = translate("  autoInjectionNamespaces: [a, b]\n").unwrap();
        assert_eq!(
            annotation(&listed, INJECTION_ANNOTATION).as_deref(),
            Some("a,b")
        );
        // An emptied list must reach the reconciler as "none", so that it removes its labels.
        let emptied = translate("  autoInjectionNamespaces: []\n").unwrap();
        assert_eq!(
            annotation(&emptied, INJECTION_ANNOTATION).as_deref(),
            Some("")
        );
    }

    #[test]
    fn control_plane_security_true_is_silent_and_false_warns() {
        assert!(
            translate("  controlPlaneSecurityEnabled: true\n")
                .unwrap()
                .warnings
                .is_empty()
        );
        let insecure = translate("  controlPlaneSecurityEnabled: false\n").unwrap();
        assert_eq!(insecure.warnings.len(), 1);
        assert!(
            insecure.warnings[0]
                .0
                .starts_with("spec.controlPlaneSecurityEnabled: false is ignored")
        );
    }

    #[test]
    fn obsolete_fields_are_named_in_their_warning() {
        let translation = translate(
            "  mixer:\n    enabled: true\n  proxy:\n    dnsRefreshRate: 5s\n    image: p\n",
        )
        .unwrap();
        let messages: Vec<&str> = translation.warnings.iter().map(|w| w.0.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].starts_with("spec.mixer is ignored"));
        assert!(messages[1].starts_with("spec.proxy.dnsRefreshRate is ignored"));
        assert_eq!(
            translation
                .operator
                .pointer("/spec/values/global/proxy/image"),
            Some(&json!("p"))
        );
    }

    #[test]
    fn wrong_types_and_unknown_fields_are_placed() {
        let error = translate("  mtls: \"yes\"\n").unwrap_err().to_string();
        assert!(
            error.starts_with("istio.yaml:6:3 (at `spec.mtls`)"),
            "{error}"
        );
        let error = translate("  pilot:\n    replicas: 2\n")
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("istio.yaml:7:5 (at `spec.pilot.replicas`)"),
            "{error}"
        );
        let error = translate("  gateways:\n    ingress:\n      enabled: on-demand\n")
            .unwrap_err()
            .to_string();
        assert!(error.contains("spec.gateways.ingress.enabled"), "{error}");
    }

    #[test]
    fn the_operator_tree_is_checked_like_a_file() {
        let tree = json!({
            "apiVersion": API_VERSION, "kind": KIND,
            "metadata": {"name": "istio", "namespace": "istio-system"},
            "spec": {"mtls": "yes"},
        });
        let error = translate_value(&tree, &Source("Istio `istio-system/istio`".into()))
            .unwrap_err()
            .to_string();
        assert!(error.contains("spec.mtls"), "{error}");
        let tree = json!({
            "apiVersion": API_VERSION, "kind": KIND,
            "metadata": {"name": "istio", "namespace": "istio-system"},
            "spec": {"mtls": true, "autoInjectionNamespaces": ["shop"]},
            "status": {"Status": "Available", "ErrorMessage": ""},
        });
        let translation =
            translate_value(&tree, &Source("Istio `istio-system/istio`".into())).unwrap();
        assert_eq!(
            translation.operator.pointer("/metadata"),
            Some(&json!({
                "name": "istio",
                "namespace": "istio-system",
                "annotations": {MTLS_ANNOTATION: "STRICT", INJECTION_ANNOTATION: "shop"},
            }))
        );
    }
}
