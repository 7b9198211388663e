//! The types of `meshConfig`'s fields, checked as istioctl's strict `MeshConfig` decoding checks
//! them: a boolean must be `true`/`false`, an enum one of its names (or its number, as protobuf's
//! JSON allows), a duration a duration, a port a port. Without this, `enableTracing: "yes"` or
//! `outboundTrafficPolicy.mode: BOGUS` landed in the `istio` `ConfigMap` and istiod refused it at
//! start. Both places a user writes it are checked: `meshConfig` and `values.meshConfig`.
//!
//! Durations: meshctl accepts any Go duration (`100ms`, `1m30s`); protobuf's JSON form (`0.1s`)
//! is one of them. Fields not listed here are not type-checked (unknown ones are warned about in
//! [`super::sanity`]).

use serde_json::Value;

use super::values::go_duration_ok;

/// What a field holds.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Bool,
    Text,
    Duration,
    Port,
    /// A non-negative whole number.
    Count,
    Enum(&'static [&'static str]),
    TextList,
}

/// `(path under meshConfig, kind)`, from istio/api `mesh/v1alpha1/config.proto` and
/// `proxy.proto` (release-1.31).
const FIELDS: &[(&str, Kind)] = &[
    ("accessLogEncoding", Kind::Enum(&["TEXT", "JSON"])),
    ("accessLogFile", Kind::Text),
    ("accessLogFormat", Kind::Text),
    ("connectTimeout", Kind::Duration),
    ("defaultDestinationRuleExportTo", Kind::TextList),
    ("defaultServiceExportTo", Kind::TextList),
    ("defaultVirtualServiceExportTo", Kind::TextList),
    ("disableEnvoyListenerLog", Kind::Bool),
    ("dnsRefreshRate", Kind::Duration),
    ("enableAutoMtls", Kind::Bool),
    ("enableEnvoyAccessLogService", Kind::Bool),
    ("enablePrometheusMerge", Kind::Bool),
    ("enableTracing", Kind::Bool),
    (
        "h2UpgradePolicy",
        Kind::Enum(&["DO_NOT_UPGRADE", "UPGRADE"]),
    ),
    ("hboneIdleTimeout", Kind::Duration),
    ("inboundClusterStatName", Kind::Text),
    (
        "inboundTrafficPolicy.mode",
        Kind::Enum(&["PASSTHROUGH", "LOCALHOST"]),
    ),
    ("ingressClass", Kind::Text),
    (
        "ingressControllerMode",
        Kind::Enum(&["UNSPECIFIED", "OFF", "DEFAULT", "STRICT"]),
    ),
    ("ingressSelector", Kind::Text),
    ("ingressService", Kind::Text),
    ("outboundClusterStatName", Kind::Text),
    (
        "outboundTrafficPolicy.mode",
        Kind::Enum(&["REGISTRY_ONLY", "ALLOW_ANY"]),
    ),
    (
        "pathNormalization.normalization",
        Kind::Enum(&[
            "DEFAULT",
            "NONE",
            "BASE",
            "MERGE_SLASHES",
            "DECODE_AND_MERGE_SLASHES",
        ]),
    ),
    ("protocolDetectionTimeout", Kind::Duration),
    ("proxyHttpPort", Kind::Port),
    ("proxyInboundListenPort", Kind::Port),
    ("proxyListenPort", Kind::Port),
    ("rootNamespace", Kind::Text),
    ("tcpKeepalive.interval", Kind::Duration),
    ("tcpKeepalive.probes", Kind::Count),
    ("tcpKeepalive.time", Kind::Duration),
    ("trustDomain", Kind::Text),
    ("trustDomainAliases", Kind::TextList),
    ("verifyCertificateAtClient", Kind::Bool),
    ("defaultConfig.binaryPath", Kind::Text),
    ("defaultConfig.concurrency", Kind::Count),
    ("defaultConfig.configPath", Kind::Text),
    ("defaultConfig.discoveryAddress", Kind::Text),
    ("defaultConfig.drainDuration", Kind::Duration),
    ("defaultConfig.holdApplicationUntilProxyStarts", Kind::Bool),
    (
        "defaultConfig.interceptionMode",
        Kind::Enum(&["REDIRECT", "TPROXY", "NONE"]),
    ),
    ("defaultConfig.proxyAdminPort", Kind::Port),
    ("defaultConfig.statNameLength", Kind::Count),
    ("defaultConfig.statusPort", Kind::Port),
    ("defaultConfig.terminationDrainDuration", Kind::Duration),
];

/// Every wrong type or value in `meshConfig` and `values.meshConfig`, one message each.
#[must_use]
pub fn check(spec: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for prefix in ["meshConfig", "values.meshConfig"] {
        let root = prefix
            .split('.')
            .fold(spec, |node, key| node.get(key).unwrap_or(&Value::Null));
        if !root.is_object() {
            continue;
        }
        for (path, kind) in FIELDS {
            let Some(value) = lookup(root, path) else {
                continue;
            };
            // `meshConfig` is copied into `values.meshConfig`: report it where it was written.
            if prefix == "values.meshConfig" && lookup(&spec["meshConfig"], path) == Some(value) {
                continue;
            }
            if let Some(expected) = problem(*kind, value) {
                problems.push(format!(
                    "`{prefix}.{path}`: {}, expected {expected}",
                    describe(value)
                ));
            }
        }
    }
    problems
}

/// The value at a dotted path; the proto name (`snake_case`) is found too. `null` is "not set".
fn lookup<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut node = root;
    for key in path.split('.') {
        let map = node.as_object()?;
        node = map.get(key).or_else(|| map.get(&snake_case(key)))?;
    }
    (!node.is_null()).then_some(node)
}

fn snake_case(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// What was expected, when `value` is not a `kind`.
fn problem(kind: Kind, value: &Value) -> Option<String> {
    let ok = match (kind, value) {
        (Kind::Bool, Value::Bool(_))
        | (Kind::Text, Value::String(_))
        | (Kind::Count, Value::Number(_)) => {
            !matches!(kind, Kind::Count) || value.as_u64().is_some()
        }
        (Kind::Duration, Value::String(text)) => go_duration_ok(text),
        (Kind::Port, Value::Number(_)) => value.as_u64().is_some_and(|p| (1..=65535).contains(&p)),
        (Kind::Enum(names), Value::String(text)) => names.contains(&text.as_str()),
        (Kind::Enum(names), Value::Number(_)) => value
            .as_u64()
            .is_some_and(|n| usize::try_from(n).is_ok_and(|n| n < names.len())),
        (Kind::TextList, Value::Array(items)) => items.iter().all(Value::is_string),
        _ => false,
    };
    if ok {
        return None;
    }
    Some(match kind {
        Kind::Bool => "`true` or `false`".into(),
        Kind::Text => "text".into(),
        Kind::Duration => "a duration such as `10s` or `100ms`".into(),
        Kind::Port => "a port number (1-65535)".into(),
        Kind::Count => "a whole number (0 or more)".into(),
        Kind::Enum(names) => format!("one of {}", names.join(", ")),
        Kind::TextList => "a list of text".into(),
    })
}

/// The value as the user wrote it, for messages.
fn describe(value: &Value) -> String {
    match value {
        Value::String(text) => format!("`{text}`"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a mapping".into(),
        other => format!("`{other}`"),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn wrong_types_and_values_are_named() {
        let spec = json!({
            "meshConfig": {
                "enableTracing": "yes",
                "outboundTrafficPolicy": {"mode": "BOGUS"},
                "connectTimeout": "abc",
                "defaultConfig": {"drain_duration": "forever", "concurrency": -1},
            },
            "values": {"meshConfig": {"proxyListenPort": 99999}},
        });
        let problems = check(&spec);
        assert_eq!(
            problems,
            [
                "`meshConfig.connectTimeout`: `abc`, expected a duration such as `10s` or `100ms`",
                "`meshConfig.enableTracing`: `yes`, expected `true` or `false`",
                "`meshConfig.outboundTrafficPolicy.mode`: `BOGUS`, expected one of REGISTRY_ONLY, \
                 ALLOW_ANY",
                "`meshConfig.defaultConfig.concurrency`: `-1`, expected a whole number (0 or more)",
                "`meshConfig.defaultConfig.drainDuration`: `forever`, expected a duration such as \
                 `10s` or `100ms`",
                "`values.meshConfig.proxyListenPort`: `99999`, expected a port number (1-65535)",
            ]
        );
    }

    #[test]
    fn what_istioctl_accepts_passes() {
        let spec = json!({"meshConfig": {
            "enableTracing": true,
            "outboundTrafficPolicy": {"mode": "REGISTRY_ONLY"},
            "accessLogEncoding": 1,
            "connectTimeout": "0.5s",
            "protocolDetectionTimeout": "100ms",
            "defaultConfig": {"holdApplicationUntilProxyStarts": true, "concurrency": 2},
            "trustDomainAliases": ["a.local"],
        }});
        assert!(check(&spec).is_empty(), "{:?}", check(&spec));
    }
}
