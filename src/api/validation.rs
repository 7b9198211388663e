//! Validation of a merged `IstioOperator`, as istioctl's `ParseAndValidateIstioOperator` does it:
//! the tree must decode strictly into [`super::IstioOperator`], and names, revisions and ports must
//! make sense. Errors name the path; `--force` turns them into warnings.
//!
//! Paths in messages are relative to `spec` (`values.pilot.env`, `components.pilot.k8s`), the way
//! `--set` addresses them, so a message can be turned into a fix directly.

use std::fmt;

use serde_json::Value;

use k8s_openapi::api::core::v1::{
    Affinity, Lifecycle, NodeSelector, SeccompProfile, Toleration, TopologySpreadConstraint,
    Volume, VolumeMount,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{IstioOperator, KubernetesResources, sanity, values};
use crate::yaml::{self, Source};

/// Something wrong with the merged input that does not stop the render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Every problem validation found, one per line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid IstioOperator:\n{}\nhint: fix the input, or pass --force to render anyway", .problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
pub struct ValidationError {
    pub problems: Vec<String>,
}

/// Validates the merged tree; returns warnings, or every error at once.
pub fn validate(tree: &Value, force: bool) -> Result<Vec<Warning>, ValidationError> {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    if let Err(error) = yaml::from_value::<IstioOperator>(tree, &Source("merged input".into())) {
        problems.push(match error.location.path {
            // Paths are written as `--set` addresses them, relative to `spec`.
            Some(path) => format!(
                "`{}`: {}",
                path.strip_prefix("spec.").unwrap_or(&path),
                error.message
            ),
            None => error.message,
        });
    }
    let spec = &tree["spec"];
    let values = &spec["values"];
    // The release was chosen when the tree was merged (an unknown one was refused there).
    let release = crate::release::resolve(tree).map_or(crate::release::newest(), |r| r.release);
    problems.extend(values::check(release, values));
    problems.extend(kubernetes_fields_in_values(values));
    problems.extend(kubernetes_fields_in_components(&spec["components"]));
    problems.extend(proxy_traffic_settings(values));
    problems.extend(gateway_ports(spec));
    warnings.extend(autoscale_and_replica_count(spec).into_iter().map(Warning));
    problems.extend(hub(&spec["hub"], "hub"));
    // `hub` is copied here; check it once, where the user wrote it.
    let hub_is_text = spec["hub"].is_null() || spec["hub"].is_string();
    if hub_is_text && spec["hub"].as_str() != values["global"]["hub"].as_str() {
        problems.extend(hub(&values["global"]["hub"], "values.global.hub"));
    }
    problems.extend(tag(&spec["tag"], "tag"));
    problems.extend(images_in_values(values, "values", spec));
    problems.extend(revision(&spec["revision"]));
    problems.extend(gateway_names(&spec["components"]));
    let findings = sanity::check(tree);
    problems.extend(findings.problems);
    warnings.extend(findings.warnings.into_iter().map(Warning));
    if problems.is_empty() {
        return Ok(warnings);
    }
    if force {
        let mut warnings = warnings;
        warnings.extend(problems.into_iter().map(Warning));
        return Ok(warnings);
    }
    Err(ValidationError { problems })
}

/// `(path under values, Kubernetes kind, is a list)`: the free-form values istioctl still decodes
/// strictly into their Kubernetes types (`validateValues` in upstream's validation.go).
const KUBERNETES_VALUES: &[(&str, &str, bool)] = &[
    ("cni.affinity", "Affinity", false),
    ("cni.seccompProfile", "SeccompProfile", false),
    (
        "gateways.istio-egressgateway.podAntiAffinityLabelSelector",
        "LabelSelector",
        true,
    ),
    (
        "gateways.istio-egressgateway.podAntiAffinityTermLabelSelector",
        "LabelSelector",
        true,
    ),
    (
        "gateways.istio-egressgateway.tolerations",
        "Toleration",
        true,
    ),
    ("global.defaultTolerations", "Toleration", true),
    (
        "gateways.istio-ingressgateway.podAntiAffinityLabelSelector",
        "LabelSelector",
        true,
    ),
    (
        "gateways.istio-ingressgateway.podAntiAffinityTermLabelSelector",
        "LabelSelector",
        true,
    ),
    (
        "gateways.istio-ingressgateway.tolerations",
        "Toleration",
        true,
    ),
    ("pilot.tolerations", "Toleration", true),
    ("pilot.affinity", "Affinity", false),
    ("pilot.seccompProfile", "SeccompProfile", false),
    (
        "pilot.topologySpreadConstraints",
        "TopologySpreadConstraint",
        true,
    ),
    ("pilot.volumeMounts", "VolumeMount", true),
    ("pilot.volumes", "Volume", true),
    ("global.proxy.seccompProfile", "SeccompProfile", false),
    ("global.proxy.lifecycle", "Lifecycle", false),
    (
        "sidecarInjectorWebhook.neverInjectSelector",
        "LabelSelector",
        true,
    ),
    (
        "sidecarInjectorWebhook.alwaysInjectSelector",
        "LabelSelector",
        true,
    ),
    ("global.waypoint.affinity", "Affinity", false),
    (
        "global.waypoint.topologySpreadConstraints",
        "TopologySpreadConstraint",
        true,
    ),
    ("global.waypoint.nodeSelector", "NodeSelector", false),
    ("global.waypoint.toleration", "Toleration", true),
];

/// Looks a dotted path up in `spec.values`; `istio-ingressgateway` also matches the proto field
/// name `istio_ingressgateway`, which the decoder accepts too (the JSON name wins if both are set).
fn values_get<'a>(values: &'a Value, path: &str) -> Option<(&'a Value, String)> {
    let mut node = values;
    let mut written = String::from("values");
    for key in path.split('.') {
        let (child, used) = if let Some(child) = node.get(key) {
            (child, key.to_string())
        } else {
            let alias = key.replace('-', "_");
            (node.get(&alias)?, alias)
        };
        node = child;
        written.push('.');
        written.push_str(&used);
    }
    (!node.is_null()).then_some((node, written))
}

fn kubernetes_fields_in_values(values: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for (path, kind, is_list) in KUBERNETES_VALUES {
        let Some((value, written)) = values_get(values, path) else {
            continue;
        };
        let items: Vec<(String, &Value)> = match (is_list, value) {
            (true, Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(index, item)| (format!("{written}[{index}]"), item))
                .collect(),
            // Wrong shapes are reported by the values check.
            (true, _) => continue,
            (false, _) => vec![(written, value)],
        };
        for (item_path, item) in items {
            if !item.is_object() {
                continue;
            }
            problems.extend(match *kind {
                "Affinity" => strict_kubernetes::<Affinity>(item, &item_path, kind, true),
                "SeccompProfile" => {
                    strict_kubernetes::<SeccompProfile>(item, &item_path, kind, true)
                }
                "LabelSelector" => strict_kubernetes::<LabelSelector>(item, &item_path, kind, true),
                "Toleration" => strict_kubernetes::<Toleration>(item, &item_path, kind, true),
                "TopologySpreadConstraint" => {
                    strict_kubernetes::<TopologySpreadConstraint>(item, &item_path, kind, true)
                }
                "VolumeMount" => strict_kubernetes::<VolumeMount>(item, &item_path, kind, true),
                "Volume" => strict_kubernetes::<Volume>(item, &item_path, kind, true),
                "Lifecycle" => strict_kubernetes::<Lifecycle>(item, &item_path, kind, true),
                _ => strict_kubernetes::<NodeSelector>(item, &item_path, kind, true),
            });
        }
    }
    problems
}

/// `components.*.k8s`: the typed decode above ignores unknown keys nested inside Kubernetes types
/// (k8s-openapi is lenient), while istioctl's Go decoder rejects them.
fn kubernetes_fields_in_components(components: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for name in ["base", "pilot", "cni", "ztunnel", "istiodRemote"] {
        if let Some(k8s) = components.get(name).and_then(|c| c.get("k8s")) {
            let path = format!("components.{name}.k8s");
            problems.extend(strict_kubernetes::<KubernetesResources>(
                k8s, &path, "k8s", false,
            ));
        }
    }
    for list in ["ingressGateways", "egressGateways"] {
        let Some(gateways) = components.get(list).and_then(Value::as_array) else {
            continue;
        };
        for (index, gateway) in gateways.iter().enumerate() {
            if let Some(k8s) = gateway.get("k8s") {
                let path = format!("components.{list}[{index}].k8s");
                problems.extend(strict_kubernetes::<KubernetesResources>(
                    k8s, &path, "k8s", false,
                ));
            }
        }
    }
    problems
}

/// Decodes `value` as `T` and reports every key the decode dropped: k8s-openapi ignores unknown
/// fields, so what does not survive the round trip is what Go's strict decoder would reject.
fn strict_kubernetes<T: DeserializeOwned + Serialize>(
    value: &Value,
    path: &str,
    kind: &str,
    report_decode_errors: bool,
) -> Vec<String> {
    if value.is_null() {
        return Vec::new();
    }
    let typed: T = match yaml::from_value(value, &Source(path.to_string())) {
        Ok(typed) => typed,
        Err(error) if report_decode_errors => {
            let at = error
                .location
                .path
                .map(|p| format!("{path}.{p}"))
                .unwrap_or(path.to_string());
            return vec![format!(
                "`{at}`: not a valid Kubernetes {kind}: {}",
                error.message
            )];
        }
        // Reported by the typed decode of the whole IstioOperator.
        Err(_) => return Vec::new(),
    };
    let Ok(round_trip) = serde_json::to_value(&typed) else {
        return Vec::new();
    };
    let mut dropped = Vec::new();
    dropped_keys(value, &round_trip, path, &mut dropped);
    dropped
        .into_iter()
        .map(|(at, key)| {
            let hint = match key.as_str() {
                "annotations" if at.ends_with(".k8s.service.annotations") => {
                    "; hint: Service annotations are written `k8s.serviceAnnotations`, beside \
                     `k8s.service`, not inside it"
                }
                "targetAverageUtilization"
                | "targetAverageValue"
                | "averageValue"
                | "metricName" => {
                    "; hint: that is autoscaling/v2beta1 syntax, autoscaling/v2 writes \
                     `target: {type: Utilization, averageUtilization: N}` and `metric: {name: …}`"
                }
                _ => "",
            };
            let owner = match kind {
                "k8s" => "Kubernetes defines no such field here".to_string(),
                kind => format!("not part of the Kubernetes {kind} type"),
            };
            format!("`{at}`: unknown field ({owner}){hint}")
        })
        .collect()
}

fn dropped_keys(input: &Value, output: &Value, path: &str, dropped: &mut Vec<(String, String)>) {
    match (input, output) {
        (Value::Object(input), Value::Object(output)) => {
            for (key, value) in input {
                let at = format!("{path}.{key}");
                match output.get(key) {
                    Some(kept) => dropped_keys(value, kept, &at, dropped),
                    None if value.is_null() => {}
                    None => dropped.push((at, key.clone())),
                }
            }
        }
        (Value::Array(input), Value::Array(output)) => {
            for (index, (value, kept)) in input.iter().zip(output).enumerate() {
                dropped_keys(value, kept, &format!("{path}[{index}]"), dropped);
            }
        }
        _ => {}
    }
}

/// `global.proxy.{include,exclude}IPRanges` and `{include,exclude}InboundPorts`.
fn proxy_traffic_settings(values: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for name in ["includeIPRanges", "excludeIPRanges"] {
        let Some((Value::String(text), path)) = values_get(values, &format!("global.proxy.{name}"))
        else {
            continue;
        };
        if text.is_empty() || text == "*" {
            continue;
        }
        for range in text.split(',') {
            if let Err(reason) = parse_cidr(range) {
                problems.push(format!(
                    "`{path}`: `{range}` is not a CIDR range ({reason}); hint: write comma-separated \
                     ranges without spaces, such as `10.0.0.0/8,172.16.0.0/12`, or `*` for all"
                ));
            }
        }
    }
    for name in [
        "includeInboundPorts",
        "excludeInboundPorts",
        "includeOutboundPorts",
        "excludeOutboundPorts",
    ] {
        let Some((Value::String(text), path)) = values_get(values, &format!("global.proxy.{name}"))
        else {
            continue;
        };
        for port in text.split(',') {
            if port.is_empty() || port == "*" {
                continue;
            }
            let valid = port.parse::<i32>().is_ok_and(|n| (0..=65535).contains(&n));
            if !valid {
                problems.push(format!(
                    "`{path}`: `{port}` is not a port number (0-65535); hint: write comma-separated \
                     ports without spaces, such as `80,443`, or `*` for all"
                ));
            }
        }
    }
    problems
}

/// Go's `netip.ParsePrefix`: an address without zone, `/`, and a decimal length in range.
fn parse_cidr(text: &str) -> Result<(), String> {
    let Some((address, bits)) = text.rsplit_once('/') else {
        return Err("no `/`".to_string());
    };
    let address: std::net::IpAddr = address
        .parse()
        .map_err(|_| format!("`{address}` is not an IP address"))?;
    let max = if address.is_ipv4() { 32 } else { 128 };
    let leading_zero = bits.len() > 1 && bits.starts_with('0');
    match bits.parse::<u32>() {
        Ok(n) if n <= max && !leading_zero && bits.bytes().all(|b| b.is_ascii_digit()) => Ok(()),
        _ => Err(format!("bad prefix length `{bits}`")),
    }
}

#[allow(clippy::needless_pass_by_value)] // Takes `values_get`'s result as is.
fn truthy(value: Option<(&Value, String)>) -> bool {
    matches!(value, Some((Value::Bool(true), _)))
}

/// Gateways bind their target ports inside the pod; below 1024 that needs root.
fn gateway_ports(spec: &Value) -> Vec<String> {
    let values = &spec["values"];
    let mut problems = Vec::new();
    for (list, gateway_type) in [
        ("ingressGateways", "istio-ingressgateway"),
        ("egressGateways", "istio-egressgateway"),
    ] {
        if truthy(values_get(
            values,
            &format!("gateways.{gateway_type}.runAsRoot"),
        )) {
            continue;
        }
        let Some(gateways) = spec["components"].get(list).and_then(Value::as_array) else {
            continue;
        };
        for (index, gateway) in gateways.iter().enumerate() {
            let Some(ports) = gateway
                .pointer("/k8s/service/ports")
                .and_then(Value::as_array)
            else {
                continue;
            };
            let gateway_name = gateway["name"].as_str().unwrap_or_default();
            for (port_index, port) in ports.iter().enumerate() {
                // Named target ports are not checked, as upstream.
                let target = match &port["targetPort"] {
                    Value::String(_) => continue,
                    other => other.as_i64().unwrap_or(0),
                };
                let number = port["port"].as_i64().unwrap_or(0);
                if target == 0 && number > 1024 {
                    continue;
                }
                if target < 1024 {
                    let port_name = port["name"].as_str().unwrap_or_default();
                    problems.push(format!(
                        "`components.{list}[{index}].k8s.service.ports[{port_index}]`: port \
                         {port_name}/{number} of gateway `{gateway_name}` has targetPort {target}, \
                         which requires root; hint: set targetPort to 1024 or higher, or set \
                         values.gateways.{gateway_type}.runAsRoot=true"
                    ));
                }
            }
        }
    }
    if let Some((Value::Array(ports), path)) =
        values_get(values, "gateways.istio-ingressgateway.ingressPorts")
    {
        for (index, port) in ports.iter().enumerate() {
            // Upstream checks these whatever runAsRoot says, and skips entries it cannot read.
            let target = match &port["targetPort"] {
                Value::Null => 0.0,
                Value::Number(n) => n.as_f64().unwrap_or(0.0),
                _ => continue,
            };
            let Some(number) = port["port"].as_f64() else {
                continue;
            };
            if target == 0.0 && number > 1024.0 {
                continue;
            }
            if target < 1024.0 {
                problems.push(format!(
                    "`{path}[{index}]`: port {number} has targetPort {target}, which requires root; \
                     hint: set targetPort to 1024 or higher"
                ));
            }
        }
    }
    problems
}

/// Fixed replica counts fight the `HorizontalPodAutoscaler`: warn, as istioctl does.
fn autoscale_and_replica_count(spec: &Value) -> Vec<String> {
    let components = &spec["components"];
    if components.is_null() {
        return Vec::new();
    }
    let values = &spec["values"];
    let mut warnings = Vec::new();
    if truthy(values_get(values, "pilot.autoscaleEnabled"))
        && components
            .pointer("/pilot/k8s/replicaCount")
            .and_then(Value::as_i64)
            .is_some_and(|n| n > 1)
    {
        warnings.push(
            "`components.pilot.k8s.replicaCount` should not be set when values.pilot.autoscaleEnabled \
             is true; hint: remove it, or set values.pilot.autoscaleEnabled=false"
                .to_string(),
        );
    }
    for (list, kind) in [("ingressGateways", "ingress"), ("egressGateways", "egress")] {
        if !truthy(values_get(
            values,
            &format!("gateways.istio-{kind}gateway.autoscaleEnabled"),
        )) {
            continue;
        }
        let Some(gateways) = components.get(list).and_then(Value::as_array) else {
            continue;
        };
        for (index, gateway) in gateways.iter().enumerate() {
            let replicas = gateway.pointer("/k8s/replicaCount").and_then(Value::as_i64);
            if replicas.is_some_and(|n| n != 0) {
                warnings.push(format!(
                    "`components.{list}[{index}].k8s.replicaCount` should not be set when \
                     values.gateways.istio-{kind}gateway.autoscaleEnabled is true; hint: remove it, \
                     or set values.gateways.istio-{kind}gateway.autoscaleEnabled=false"
                ));
            }
        }
    }
    warnings
}

/// The lower-case characters an image repository path may hold.
const REPOSITORY_CHARS: &str = "abcdefghijklmnopqrstuvwxyz0123456789_-./";

/// `hub` must make a valid image repository once `/pilot` is appended (go-containerregistry rules).
fn hub(hub: &Value, path: &str) -> Vec<String> {
    let Some(hub) = hub.as_str().filter(|h| !h.is_empty()) else {
        return Vec::new();
    };
    let full = format!("{hub}/pilot");
    let (registry, repository) = match full.split_once('/') {
        Some((first, rest)) if first.contains(['.', ':']) => (first, rest),
        _ => ("", full.as_str()),
    };
    let reason = if repository.split('/').any(str::is_empty) {
        Some(format!(
            "the repository part `{repository}` has an empty path segment (`//`, or `/` at the \
             end of the hub)"
        ))
    } else if !repository.chars().all(|c| REPOSITORY_CHARS.contains(c)) {
        Some(format!(
            "the repository part `{repository}` may only hold lower-case letters, digits and `_-./`"
        ))
    } else if repository.chars().count() > 255 {
        Some("the repository part is longer than 255 characters".to_string())
    } else if !registry_ok(registry) {
        Some(format!("`{registry}` is not a registry host[:port]"))
    } else {
        None
    };
    reason
        .map(|reason| {
            format!(
                "`{path}`: bad hub `{hub}`: {reason}; hint: use a registry and path such as \
                 `docker.io/istio`"
            )
        })
        .into_iter()
        .collect()
}

/// A URI authority without user info: host (or `[IPv6]`) and an optional numeric port.
fn registry_ok(registry: &str) -> bool {
    let host_chars = |host: &str| {
        host.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=".contains(c))
    };
    if let Some(rest) = registry.strip_prefix('[') {
        let Some((inside, after)) = rest.split_once(']') else {
            return false;
        };
        let port_ok = after.is_empty()
            || after
                .strip_prefix(':')
                .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()));
        return inside.parse::<std::net::Ipv6Addr>().is_ok() && port_ok;
    }
    match registry.rsplit_once(':') {
        Some((host, port)) => host_chars(host) && port.bytes().all(|b| b.is_ascii_digit()),
        None => host_chars(registry),
    }
}

/// Every `tag`, `image` and `hub` under `values` (`values.global.tag`, `values.pilot.image`,
/// `values.cni.hub` …): they make image references as `spec.tag` and `spec.hub` do, and a bad one
/// renders a Deployment the kubelet cannot pull. Values copied from `spec.tag`/`spec.hub` are
/// checked once, where they were written.
fn images_in_values(node: &Value, path: &str, spec: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(map) = node.as_object() else {
        return problems;
    };
    for (key, value) in map {
        let here = format!("{path}.{key}");
        match (key.as_str(), value) {
            ("tag", Value::String(text))
                if here != "values.global.tag" || !copied_from(text, &spec["tag"]) =>
            {
                problems.extend(tag(value, &here));
            }
            ("image", Value::String(image)) => problems.extend(image_problem(image, &here)),
            ("hub", Value::String(_)) if here != "values.global.hub" => {
                problems.extend(hub(value, &here));
            }
            (_, Value::Object(_)) => problems.extend(images_in_values(value, &here, spec)),
            _ => {}
        }
    }
    problems
}

/// Whether `values.global.tag` is the copy of `spec.tag` the merge made (a number is copied as
/// its text).
fn copied_from(text: &str, spec_tag: &Value) -> bool {
    match spec_tag {
        Value::String(tag) => tag == text,
        Value::Null => false,
        // serde_json writes a number as the merge copied it.
        other => serde_json::to_string(other).is_ok_and(|written| written == text),
    }
}

/// An image as the charts take it: a name (`pilot`, joined to the hub) or a whole reference
/// (`docker.io/istio/pilot:1.31.0`, `…@sha256:…`), without spaces or other characters no
/// reference holds.
fn image_problem(image: &str, path: &str) -> Option<String> {
    let valid = !image.is_empty()
        && image
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/:@+".contains(c))
        && image.starts_with(|c: char| c.is_ascii_alphanumeric());
    (!valid).then(|| {
        format!(
            "`{path}`: bad image `{image}`: an image is a repository path with an optional `:tag` \
             or `@digest`, of letters, digits and `._-/:@`; hint: for example `pilot` or \
             `docker.io/istio/pilot:1.31.0`"
        )
    })
}

/// `tag` must be a valid image tag: 1-128 of `[A-Za-z0-9_.-]`.
fn tag(tag: &Value, path: &str) -> Vec<String> {
    let text = match tag {
        Value::Null => return Vec::new(),
        Value::String(text) => text.clone(),
        Value::Number(number) if number.is_f64() && number.to_string().contains('e') => {
            return vec![format!(
                "`{path}`: the tag is written as a number too large to keep as written (YAML reads it \
                 as {number}); hint: quote it, such as `tag: \"1.31.0\"`"
            )];
        }
        other => other.to_string(),
    };
    let valid = (1..=128).contains(&text.chars().count())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
    if valid {
        return Vec::new();
    }
    vec![format!(
        "`{path}`: bad tag `{text}`: an image tag is 1-128 letters, digits, `_`, `.` or `-`; hint: for \
         example `tag: 1.31.0`"
    )]
}

/// `revision` must be a DNS-1123 label (upper case allowed, as upstream's check allows it).
fn revision(revision: &Value) -> Vec<String> {
    let Some(revision) = revision.as_str().filter(|r| !r.is_empty()) else {
        return Vec::new();
    };
    let bytes = revision.as_bytes();
    let valid = bytes.len() <= 63
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric);
    if valid {
        return Vec::new();
    }
    vec![format!(
        "`revision`: invalid revision `{revision}`; hint: a revision is at most 63 letters, digits \
         and `-`, starting and ending with a letter or digit, such as `1-31-0` or `canary`"
    )]
}

/// Gateway names become object names: `[a-z0-9.-]{1,254}`.
fn gateway_names(components: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for list in ["egressGateways", "ingressGateways"] {
        let Some(gateways) = components.get(list).and_then(Value::as_array) else {
            continue;
        };
        for (index, gateway) in gateways.iter().enumerate() {
            let Some(name) = gateway["name"].as_str().filter(|n| !n.is_empty()) else {
                continue;
            };
            let valid = name.len() <= 254
                && name.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'
                });
            if !valid {
                problems.push(format!(
                    "`components.{list}[{index}].name`: invalid gateway name `{name}`; hint: use at \
                     most 254 lower-case letters, digits, `-` and `.`"
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::merge;
    use crate::profile;

    fn problems(tree: &Value) -> Vec<String> {
        match validate(tree, false) {
            Ok(_) => Vec::new(),
            Err(error) => error.problems,
        }
    }

    fn spec(spec: Value) -> Value {
        let mut tree = json!({"apiVersion": "install.istio.io/v1alpha1", "kind": "IstioOperator"});
        tree["spec"] = spec;
        tree
    }

    #[test]
    fn every_builtin_profile_validates() {
        for name in profile::names() {
            let set = merge::SetFlag::parse(&format!("profile={name}")).expect("valid --set");
            let tree = merge::merge_inputs(&[], &[set]).expect("profile merges");
            assert_eq!(validate(&tree, false), Ok(Vec::new()), "profile {name}");
        }
    }

    #[test]
    fn values_problems_are_reported_and_force_makes_them_warnings() {
        let tree = spec(json!({"values": {"global": {"badKey": "badValue"}}}));
        assert_eq!(
            problems(&tree),
            vec!["`values.global.badKey`: unknown field"]
        );
        let warnings = validate(&tree, true).expect("--force accepts");
        assert_eq!(
            warnings,
            vec![Warning("`values.global.badKey`: unknown field".into())]
        );
    }

    #[test]
    fn unknown_kubernetes_fields_are_rejected() {
        let tree = spec(json!({"values": {"global": {"defaultTolerations": [{"thats": "x"}]}}}));
        assert_eq!(
            problems(&tree),
            vec![
                "`values.global.defaultTolerations[0].thats`: unknown field (not part of the Kubernetes Toleration type)"
            ]
        );
        let tree =
            spec(json!({"components": {"ztunnel": {"k8s": {"tolerations": [{"thats": "x"}]}}}}));
        assert_eq!(problems(&tree).len(), 1);
        assert!(problems(&tree)[0].starts_with("`components.ztunnel.k8s.tolerations[0].thats`"));
        let tree = spec(
            json!({"components": {"pilot": {"k8s": {"hpaSpec": {"metrics": [
                {"type": "Resource", "resource": {"name": "cpu", "targetAverageUtilization": 80}}
            ]}}}}}),
        );
        assert!(problems(&tree)[0].contains("hint: that is autoscaling/v2beta1 syntax"));
        // Known fields and free-form values pass.
        let tree = spec(json!({
            "components": {"pilot": {"k8s": {"tolerations": [{"key": "a", "operator": "Exists"}],
                "hpaSpec": {"metrics": [{"type": "Resource", "resource": {"name": "cpu",
                    "target": {"type": "Utilization", "averageUtilization": 80}}}]}}}},
            "values": {"pilot": {"volumes": [{"name": "v", "emptyDir": {}}],
                "affinity": {"nodeAffinity": {}}}},
        }));
        assert_eq!(problems(&tree), Vec::<String>::new());
    }

    #[test]
    fn proxy_ranges_and_ports() {
        let proxy = |key: &str, text: &str| {
            problems(&spec(json!({"values": {"global": {"proxy": {key: text}}}})))
        };
        assert!(proxy("includeIPRanges", "10.0.0.0/8,fd00::/8").is_empty());
        assert!(proxy("excludeIPRanges", "*").is_empty());
        let bad = proxy("includeIPRanges", "10.0.0.1/33");
        assert_eq!(bad.len(), 1);
        assert!(
            bad[0].starts_with("`values.global.proxy.includeIPRanges`: `10.0.0.1/33`"),
            "{bad:?}"
        );
        assert!(bad[0].contains("hint:"));
        assert_eq!(proxy("excludeIPRanges", "10.0.0.0/8, 10.1.0.0/16").len(), 1);
        assert_eq!(proxy("excludeIPRanges", "10.0.0.0").len(), 1);
        assert!(proxy("includeInboundPorts", "80,443,*").is_empty());
        assert_eq!(proxy("excludeInboundPorts", "80,x,70000").len(), 2);
    }

    #[test]
    fn gateway_target_ports_need_root_below_1024() {
        let gateway = |port: Value, run_as_root: bool| {
            problems(&spec(json!({
                "components": {"ingressGateways": [{"name": "gw", "enabled": true,
                    "k8s": {"service": {"ports": [port]}}}]},
                "values": {"gateways": {"istio-ingressgateway": {"runAsRoot": run_as_root}}},
            })))
        };
        let bad = gateway(json!({"name": "http", "port": 80}), false);
        assert_eq!(bad.len(), 1);
        assert!(
            bad[0].starts_with("`components.ingressGateways[0].k8s.service.ports[0]`"),
            "{bad:?}"
        );
        assert!(bad[0].contains("runAsRoot=true"));
        assert!(gateway(json!({"name": "http", "port": 80}), true).is_empty());
        assert!(gateway(json!({"port": 80, "targetPort": 8080}), false).is_empty());
        assert!(gateway(json!({"port": 80, "targetPort": "http"}), false).is_empty());
        assert!(gateway(json!({"port": 8080}), false).is_empty());
        assert_eq!(
            gateway(json!({"port": 8080, "targetPort": 80}), false).len(),
            1
        );

        // values' ingressPorts are checked whatever runAsRoot says, as upstream does.
        let ingress = |port: Value| {
            problems(&spec(
                json!({"values": {"gateways": {"istio-ingressgateway": {
                "runAsRoot": true, "ingressPorts": [port]}}}}),
            ))
        };
        assert_eq!(ingress(json!({"port": 80})).len(), 1);
        assert!(ingress(json!({"port": 80, "targetPort": 8080})).is_empty());
        assert!(ingress(json!({"port": 8443})).is_empty());
    }

    #[test]
    fn autoscale_with_fixed_replicas_warns() {
        let tree = spec(json!({
            "components": {"pilot": {"k8s": {"replicaCount": 3}},
                "ingressGateways": [{"name": "gw", "k8s": {"replicaCount": 2}}]},
            "values": {"pilot": {"autoscaleEnabled": true},
                "gateways": {"istio-ingressgateway": {"autoscaleEnabled": true}}},
        }));
        let warnings = validate(&tree, false).expect("only warnings");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0]
                .0
                .starts_with("`components.pilot.k8s.replicaCount` should not be set")
        );
        assert!(
            warnings[1]
                .0
                .starts_with("`components.ingressGateways[0].k8s.replicaCount`")
        );
        let tree = spec(
            json!({"components": {"pilot": {"k8s": {"replicaCount": 3}}},
            "values": {"pilot": {"autoscaleEnabled": false}}}),
        );
        assert_eq!(validate(&tree, false), Ok(Vec::new()));
    }

    #[test]
    fn hub_tag_revision_and_gateway_names() {
        assert!(hub(&json!("docker.io/istio"), "hub").is_empty());
        assert!(hub(&json!("localhost:5000/x"), "hub").is_empty());
        assert!(hub(&json!("istio"), "hub").is_empty());
        assert_eq!(hub(&json!("Foo.io/Bar"), "hub").len(), 1);
        assert_eq!(hub(&json!("my registry/x"), "hub").len(), 1);
        assert!(hub(&json!("Foo.io/Bar"), "hub")[0].starts_with("`hub`: bad hub `Foo.io/Bar`"));

        assert!(tag(&json!("1.31.0-distroless"), "tag").is_empty());
        assert!(tag(&json!(1.31), "tag").is_empty());
        assert_eq!(tag(&json!(""), "tag").len(), 1);
        assert_eq!(tag(&json!("a/b"), "tag").len(), 1);
        assert_eq!(tag(&json!("a:b"), "tag").len(), 1);

        assert!(revision(&json!("canary")).is_empty());
        assert!(revision(&json!("Foo")).is_empty());
        assert_eq!(revision(&json!("foo_bar")).len(), 1);
        assert_eq!(revision(&json!("-x")).len(), 1);
        assert_eq!(revision(&json!("a".repeat(64))).len(), 1);

        let names =
            gateway_names(&json!({"ingressGateways": [{"name": "ok-gw.1"}, {"name": "Foo"}, {}]}));
        assert_eq!(names.len(), 1);
        assert!(
            names[0]
                .starts_with("`components.ingressGateways[1].name`: invalid gateway name `Foo`")
        );
    }

    #[test]
    fn existing_decode_errors_use_spec_relative_paths() {
        let tree = spec(json!({"components": {"pilot": {"foo": 1}}}));
        assert!(
            problems(&tree)[0].starts_with("`components.pilot.foo`:"),
            "{:?}",
            problems(&tree)
        );
    }
}
