//! Checks that istioctl's validation does not make, for input that cannot work: values the API
//! server would refuse (a replica count past `int32`, a port outside 1-65535, a quantity that is
//! not one, a name Kubernetes does not allow) or that render a broken object (an empty hub, two
//! gateways with one name). Each is an error naming the field, found before anything is written;
//! `--force` turns them into warnings as it does istioctl's own checks. What is suspicious but
//! installable (HPA `minReplicas` above `maxReplicas`, a tag YAML read as a number) is a warning.
//!
//! Nothing here may refuse a file istioctl installs successfully: every error is something the
//! API server (or the kubelet pulling an image) would refuse anyway.

use serde_json::Value;

/// The errors and warnings of these checks for a merged tree.
#[derive(Debug, Default)]
pub struct Findings {
    pub problems: Vec<String>,
    pub warnings: Vec<String>,
}

/// The longest revision whose names fit: `istiod-REV` is a Service name, at most 63 characters.
pub const MAX_REVISION_LENGTH: usize = 63 - "istiod-".len();

/// Runs every check on a merged `IstioOperator` tree.
#[must_use]
pub fn check(tree: &Value) -> Findings {
    let mut findings = Findings::default();
    let spec = &tree["spec"];
    owner_name(tree, &mut findings);
    global_values(spec, &mut findings);
    namespaces(spec, &mut findings);
    revision_length(spec, &mut findings);
    for (path, k8s) in component_k8s(spec) {
        replica_count(&path, k8s, &mut findings);
        service_ports(&path, k8s, &mut findings);
        autoscaler(&path, k8s, &mut findings);
        overlay_paths(&path, k8s, &mut findings);
    }
    values_ports_and_replicas(spec, &mut findings);
    quantities(spec, "", &mut findings);
    gateway_names(spec, &mut findings);
    numeric_tags(spec, &mut findings);
    mesh_config(spec, &mut findings);
    findings.problems.extend(super::mesh_config::check(spec));
    annotations(tree, "", &mut findings);
    meshctl_annotations(tree, &mut findings);
    ignored_fields(spec, &mut findings);
    findings
}

/// The fields of `MeshConfig` in the pinned release (istio/api `mesh/v1alpha1/config.proto`,
/// release-1.31), by their JSON names; the decoder also accepts the proto names (`snake_case`).
const MESH_CONFIG_FIELDS: &[&str] = &[
    "accessLogEncoding",
    "accessLogFile",
    "accessLogFormat",
    "ca",
    "caCertificates",
    "certificates",
    "configSources",
    "connectTimeout",
    "defaultConfig",
    "defaultDestinationRuleExportTo",
    "defaultHttpRetryPolicy",
    "defaultProviders",
    "defaultServiceExportTo",
    "defaultTrafficPolicy",
    "defaultVirtualServiceExportTo",
    "disableEnvoyListenerLog",
    "discoverySelectors",
    "dnsRefreshRate",
    "enableAutoMtls",
    "enableEnvoyAccessLogService",
    "enablePrometheusMerge",
    "enableTracing",
    "extensionProviders",
    "h2UpgradePolicy",
    "hboneIdleTimeout",
    "inboundClusterStatName",
    "inboundTrafficPolicy",
    "ingressClass",
    "ingressControllerMode",
    "ingressSelector",
    "ingressService",
    "localityLbSetting",
    "meshMTLS",
    "outboundClusterStatName",
    "outboundTrafficPolicy",
    "pathNormalization",
    "protocolDetectionTimeout",
    "proxyHttpPort",
    "proxyInboundListenPort",
    "proxyListenPort",
    "rootNamespace",
    "serviceEntryVisibility",
    "serviceScopeConfigs",
    "serviceSettings",
    "tcpKeepalive",
    "tlsDefaults",
    "trustDomain",
    "trustDomainAliases",
    "verifyCertificateAtClient",
    "zoneAwareLbSetting",
];

/// `snake_case` → `camelCase`, as protobuf derives JSON names.
fn json_name(key: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Unknown `meshConfig` fields (istiod ignores them: a warning), and the deprecations istioctl's
/// mesh validation warns about, in its words.
fn mesh_config(spec: &Value, findings: &mut Findings) {
    let top = spec["meshConfig"].as_object();
    let in_values = spec["values"]["meshConfig"].as_object();
    let mut keys: Vec<(String, &String)> = Vec::new();
    for key in top.into_iter().flat_map(|map| map.keys()) {
        keys.push(("meshConfig".into(), key));
    }
    for key in in_values.into_iter().flat_map(|map| map.keys()) {
        if !top.is_some_and(|map| map.contains_key(key)) {
            keys.push(("values.meshConfig".into(), key));
        }
    }
    for (prefix, key) in keys {
        let name = json_name(key);
        if !MESH_CONFIG_FIELDS.contains(&name.as_str()) {
            // The usual slip is the case of an acronym (`enableAutoMTLS`).
            let hint = MESH_CONFIG_FIELDS
                .iter()
                .find(|field| field.eq_ignore_ascii_case(&name))
                .map(|field| format!("; hint: did you mean `{field}`?"))
                .unwrap_or_default();
            findings.warnings.push(format!(
                "`{prefix}.{key}`: not a MeshConfig field in Istio {}, so istiod ignores it{hint}",
                crate::release::newest().version
            ));
        }
    }
    // The values copy holds `spec.meshConfig` and the user's own `values.meshConfig`.
    let default_config = &spec["values"]["meshConfig"]["defaultConfig"];
    let prefix = if spec["meshConfig"]["defaultConfig"].is_object() {
        "meshConfig.defaultConfig"
    } else {
        "values.meshConfig.defaultConfig"
    };
    if default_config["proxyMetadata"]
        .get("ISTIO_META_DNS_AUTO_ALLOCATE")
        .is_some()
    {
        findings.warnings.push(format!(
            "`{prefix}.proxyMetadata.ISTIO_META_DNS_AUTO_ALLOCATE`: 'ISTIO_META_DNS_AUTO_ALLOCATE' \
             is deprecated; review \
             https://istio.io/latest/docs/ops/configuration/traffic-management/dns-proxy/#dns-auto-allocation-v2 \
             for information about replacement functionality"
        ));
    }
    if default_config["envoyMetricsServiceAddress"]
        .as_str()
        .is_some_and(|address| !address.is_empty())
    {
        findings.warnings.push(format!(
            "`{prefix}.envoyMetricsServiceAddress`: EnvoyMetricsServiceAddress is deprecated, use \
             EnvoyMetricsService instead."
        ));
    }
}

/// A DNS-1123 label: what a namespace or a Service name must be.
fn dns_label_problem(text: &str) -> Option<&'static str> {
    if text.is_empty() {
        return Some("it is empty");
    }
    if text.len() > 63 {
        return Some("it is longer than 63 characters");
    }
    if !text
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Some("it may only hold lower-case letters, digits and `-`");
    }
    if text.starts_with('-') || text.ends_with('-') {
        return Some("it must start and end with a letter or digit");
    }
    None
}

/// `metadata.name` becomes the value of the `install.operator.istio.io/owning-resource` label.
fn owner_name(tree: &Value, findings: &mut Findings) {
    let Some(name) = tree.pointer("/metadata/name").and_then(Value::as_str) else {
        return;
    };
    let valid_characters = name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    let valid_ends = name
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric())
        && name
            .bytes()
            .last()
            .is_some_and(|b| b.is_ascii_alphanumeric());
    if name.is_empty() || (name.len() <= 63 && valid_characters && valid_ends) {
        return;
    }
    findings.problems.push(format!(
        "`metadata.name`: `{name}` cannot be a label value, and every installed object carries it \
         in its `install.operator.istio.io/owning-resource` label; hint: use at most 63 letters, \
         digits, `-`, `_` and `.`, starting and ending with a letter or digit, such as `installed-state`"
    ));
}

/// `values.global: null` (or its hub or namespace) clears settings every chart needs.
fn global_values(spec: &Value, findings: &mut Findings) {
    let Some(values) = spec.get("values").filter(|v| v.is_object()) else {
        return;
    };
    match values.get("global") {
        Some(Value::Null) => {
            findings.problems.push(
                "`values.global` is null, which clears every global setting (hub, tag, \
                 istioNamespace …) and renders broken objects; hint: remove the line, or set \
                 the keys under it you mean to change"
                    .into(),
            );
            return;
        }
        Some(Value::Object(_)) => {}
        _ => return,
    }
    for (key, what) in [
        (
            "istioNamespace",
            "the namespace the control plane is installed in",
        ),
        ("hub", "the registry every image is pulled from"),
    ] {
        let empty = match values.pointer(&format!("/global/{key}")) {
            Some(Value::Null) => Some("null"),
            Some(Value::String(text)) if text.is_empty() => Some("empty"),
            _ => None,
        };
        if let Some(empty) = empty {
            let also = if key == "hub" { " (or `hub`)" } else { "" };
            findings.problems.push(format!(
                "`values.global.{key}`{also} is {empty}, but it is {what}; hint: remove the line \
                 to keep the default, or set a value"
            ));
        }
    }
}

/// Namespaces become object namespaces: DNS-1123 labels.
fn namespaces(spec: &Value, findings: &mut Findings) {
    let mut candidates: Vec<(String, &Value)> = vec![
        ("namespace".into(), &spec["namespace"]),
        (
            "values.global.istioNamespace".into(),
            &spec["values"]["global"]["istioNamespace"],
        ),
        // The mesh-wide PeerAuthentication (`meshctl.io/mtls-mode`) goes there.
        (
            "meshConfig.rootNamespace".into(),
            &spec["meshConfig"]["rootNamespace"],
        ),
    ];
    // Copied from `meshConfig` into `values.meshConfig`: checked once, where it was written.
    if spec["values"]["meshConfig"]["rootNamespace"] != spec["meshConfig"]["rootNamespace"] {
        candidates.push((
            "values.meshConfig.rootNamespace".into(),
            &spec["values"]["meshConfig"]["rootNamespace"],
        ));
    }
    for name in ["pilot", "cni", "ztunnel", "istiodRemote"] {
        candidates.push((
            format!("components.{name}.namespace"),
            &spec["components"][name]["namespace"],
        ));
    }
    for list in ["ingressGateways", "egressGateways"] {
        if let Some(gateways) = spec["components"][list].as_array() {
            for (index, gateway) in gateways.iter().enumerate() {
                candidates.push((
                    format!("components.{list}[{index}].namespace"),
                    &gateway["namespace"],
                ));
            }
        }
    }
    for (path, value) in candidates {
        let Some(namespace) = value.as_str().filter(|n| !n.is_empty()) else {
            continue;
        };
        if let Some(reason) = dns_label_problem(namespace) {
            findings.problems.push(format!(
                "`{path}`: `{namespace}` is not a valid namespace name: {reason}; hint: use at \
                 most 63 lower-case letters, digits and `-`, such as `istio-system`"
            ));
        }
    }
}

/// The API server refuses an object whose annotations hold more than 256 KiB (keys and values
/// together); every map of annotations in the input (the resource's own, `podAnnotations`,
/// `serviceAnnotations` …) is checked before anything is written.
const MAX_ANNOTATIONS_BYTES: usize = 256 * 1024;

fn annotations(node: &Value, path: &str, findings: &mut Findings) {
    let Some(map) = node.as_object() else {
        if let Some(items) = node.as_array() {
            for (index, item) in items.iter().enumerate() {
                annotations(item, &format!("{path}[{index}]"), findings);
            }
        }
        return;
    };
    for (key, value) in map {
        let here = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        if key.ends_with("nnotations")
            && let Some(entries) = value.as_object()
        {
            let bytes: usize = entries
                .iter()
                .map(|(k, v)| k.len() + v.as_str().map_or(0, str::len))
                .sum();
            if bytes > MAX_ANNOTATIONS_BYTES {
                findings.problems.push(format!(
                    "`{}`: the annotations hold {} KiB, more than the 256 KiB the API server \
                     accepts on one object",
                    here.strip_prefix("spec.").unwrap_or(&here),
                    bytes.div_ceil(1024)
                ));
            }
            continue;
        }
        annotations(value, &here, findings);
    }
}

/// The annotations meshctl reads (`meshctl.io/<name>`): the switches, the release, and the
/// operator's (pausing, the update strategy), which a file the CLI also reads may carry.
const MESHCTL_ANNOTATIONS: [&str; 8] = [
    crate::switches::MTLS_MODE_ANNOTATION,
    crate::switches::INJECTION_NAMESPACES_ANNOTATION,
    crate::release::RELEASE_ANNOTATION,
    crate::operator::controller::PAUSE_ANNOTATION,
    crate::operator::revisions::STRATEGY_ANNOTATION,
    crate::operator::revisions::TAG_ANNOTATION,
    crate::operator::revisions::GRACE_ANNOTATION,
    crate::cluster::owners::TAKE_OVER_ANNOTATION,
];

/// Namespaces whose pods must not get a sidecar: the cluster's own, and the control plane's.
const SYSTEM_NAMESPACES: [&str; 3] = ["kube-system", "kube-public", "kube-node-lease"];

/// A misspelt `meshctl.io/` annotation did nothing, silently; the injection list's entries that
/// are empty or that name a system namespace are warned about (the list's syntax is checked
/// where it is read, in [`crate::switches`]).
fn meshctl_annotations(tree: &Value, findings: &mut Findings) {
    let Some(annotations) = tree
        .pointer("/metadata/annotations")
        .and_then(Value::as_object)
    else {
        return;
    };
    let known: Vec<String> = MESHCTL_ANNOTATIONS
        .iter()
        .map(|a| (*a).to_string())
        .collect();
    for key in annotations.keys() {
        if known.contains(key) {
            continue;
        }
        let suggestion = super::values::suggest(key, known.iter());
        if suggestion.is_none() && !key.starts_with("meshctl.io/") {
            continue;
        }
        let hint = suggestion.map_or_else(
            || format!("; hint: meshctl reads {}", MESHCTL_ANNOTATIONS.join(", ")),
            |known| format!("; hint: did you mean `{known}`?"),
        );
        findings.warnings.push(format!(
            "`metadata.annotations.{key}`: not an annotation meshctl reads, so it does nothing{hint}"
        ));
    }
    let Some(list) = annotations
        .get(crate::switches::INJECTION_NAMESPACES_ANNOTATION)
        .and_then(Value::as_str)
    else {
        return;
    };
    let at = format!(
        "`metadata.annotations.{}`",
        crate::switches::INJECTION_NAMESPACES_ANNOTATION
    );
    let items: Vec<&str> = list.split(',').map(str::trim).collect();
    if !list.trim().is_empty() && items.iter().any(|item| item.is_empty()) {
        findings.warnings.push(format!(
            "{at}: `{list}` has empty entries, which are skipped; hint: separate names with single \
             commas, such as `shop, payments`"
        ));
    }
    let control_plane = tree
        .pointer("/spec/values/global/istioNamespace")
        .and_then(Value::as_str)
        .unwrap_or("istio-system");
    for name in items {
        if SYSTEM_NAMESPACES.contains(&name) || name == control_plane {
            findings.warnings.push(format!(
                "{at}: `{name}` is a system namespace; sidecars injected there can keep the \
                 cluster's own components (or the control plane) from starting; hint: list only \
                 your applications' namespaces"
            ));
        }
    }
}

/// istioctl fields meshctl accepts so that files keep working, but does not act on.
fn ignored_fields(spec: &Value, findings: &mut Findings) {
    if let Some(path) = spec["installPackagePath"]
        .as_str()
        .filter(|p| !p.is_empty())
    {
        findings.warnings.push(format!(
            "`installPackagePath`: `{path}` is ignored: meshctl renders the charts built into it \
             (istioctl deprecated the field); hint: remove it, or choose a release with the \
             `meshctl.io/istio-release` annotation"
        ));
    }
}

/// A revision names objects (`istiod-REV`): lower case, and short enough for the longest name.
fn revision_length(spec: &Value, findings: &mut Findings) {
    let Some(revision) = spec["revision"].as_str().filter(|r| !r.is_empty()) else {
        return;
    };
    // Other characters are reported by the revision check istioctl makes.
    if !revision
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return;
    }
    if revision.bytes().any(|b| b.is_ascii_uppercase()) {
        findings.problems.push(format!(
            "`revision`: `{revision}` has upper-case letters, but it becomes part of object names \
             (`istiod-{revision}`), which Kubernetes requires in lower case; hint: use \
             `{}`",
            revision.to_ascii_lowercase()
        ));
    } else if revision.len() > MAX_REVISION_LENGTH && revision.len() <= 63 {
        findings.problems.push(format!(
            "`revision`: `{revision}` is {} characters, so the Service `istiod-{revision}` would \
             have a name longer than 63; hint: use at most {MAX_REVISION_LENGTH} characters",
            revision.len()
        ));
    }
}

/// Every `components.*.k8s` with the path messages use.
fn component_k8s(spec: &Value) -> Vec<(String, &Value)> {
    let components = &spec["components"];
    let mut out = Vec::new();
    for name in ["base", "pilot", "cni", "ztunnel", "istiodRemote"] {
        if let Some(k8s) = components[name].get("k8s").filter(|k| k.is_object()) {
            out.push((format!("components.{name}.k8s"), k8s));
        }
    }
    for list in ["ingressGateways", "egressGateways"] {
        if let Some(gateways) = components[list].as_array() {
            for (index, gateway) in gateways.iter().enumerate() {
                if let Some(k8s) = gateway.get("k8s").filter(|k| k.is_object()) {
                    out.push((format!("components.{list}[{index}].k8s"), k8s));
                }
            }
        }
    }
    out
}

/// `replicas` is an `int32` in the Deployment.
fn replica_count(path: &str, k8s: &Value, findings: &mut Findings) {
    if let Some(count) = k8s["replicaCount"].as_u64()
        && count > i32::MAX as u64
    {
        findings.problems.push(format!(
            "`{path}.replicaCount`: {count} is more than a Deployment can have ({})",
            i32::MAX
        ));
    }
}

/// Service ports and target ports: 1-65535.
fn service_ports(path: &str, k8s: &Value, findings: &mut Findings) {
    let Some(ports) = k8s.pointer("/service/ports").and_then(Value::as_array) else {
        return;
    };
    for (index, port) in ports.iter().enumerate() {
        for field in ["port", "targetPort", "nodePort"] {
            let Some(number) = port[field].as_i64() else {
                continue;
            };
            // A node port of 0 means "allocate one".
            let lowest = i64::from(field != "nodePort");
            if !(lowest..=65535).contains(&number) {
                findings.problems.push(format!(
                    "`{path}.service.ports[{index}].{field}`: {number} is not a port number \
                     ({lowest}-65535)"
                ));
            }
        }
    }
}

/// The same limits where the values set them: gateway ports, and replica counts.
fn values_ports_and_replicas(spec: &Value, findings: &mut Findings) {
    let values = &spec["values"];
    let mut replicas = vec![(
        "values.pilot.replicaCount".to_string(),
        &values["pilot"]["replicaCount"],
    )];
    for (name, gateway) in values["gateways"].as_object().into_iter().flatten() {
        let path = format!("values.gateways.{name}");
        replicas.push((format!("{path}.replicaCount"), &gateway["replicaCount"]));
        for (index, port) in gateway["ports"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            for field in ["port", "targetPort", "nodePort"] {
                let Some(number) = port[field].as_i64() else {
                    continue;
                };
                let lowest = i64::from(field != "nodePort");
                if !(lowest..=65535).contains(&number) {
                    findings.problems.push(format!(
                        "`{path}.ports[{index}].{field}`: {number} is not a port number \
                         ({lowest}-65535)"
                    ));
                }
            }
        }
    }
    for (path, value) in replicas {
        if let Some(count) = value.as_u64()
            && count > i32::MAX as u64
        {
            findings.problems.push(format!(
                "`{path}`: {count} is more than a Deployment can have ({})",
                i32::MAX
            ));
        }
    }
}

/// HPA replica bounds: `maxReplicas` of at least 1; a minimum above the maximum is a warning
/// (the autoscaler keeps the maximum).
fn autoscaler(path: &str, k8s: &Value, findings: &mut Findings) {
    let hpa = &k8s["hpaSpec"];
    let minimum = hpa["minReplicas"].as_i64();
    let maximum = hpa["maxReplicas"].as_i64();
    for (field, value) in [("minReplicas", minimum), ("maxReplicas", maximum)] {
        if let Some(value) = value
            && !(1..=i64::from(i32::MAX)).contains(&value)
        {
            findings.problems.push(format!(
                "`{path}.hpaSpec.{field}`: {value} is not a replica count the autoscaler accepts \
                 (1-{})",
                i32::MAX
            ));
        }
    }
    if let (Some(minimum), Some(maximum)) = (minimum, maximum)
        && minimum > maximum
    {
        findings.warnings.push(format!(
            "`{path}.hpaSpec`: minReplicas ({minimum}) is more than maxReplicas ({maximum}); the \
             autoscaler will keep {maximum}"
        ));
    }
}

/// Overlay paths with an unclosed `[` would create a key literally named `[…`.
fn overlay_paths(path: &str, k8s: &Value, findings: &mut Findings) {
    let Some(overlays) = k8s["overlays"].as_array() else {
        return;
    };
    for (overlay_index, overlay) in overlays.iter().enumerate() {
        let Some(patches) = overlay["patches"].as_array() else {
            continue;
        };
        for (patch_index, patch) in patches.iter().enumerate() {
            let Some(text) = patch["path"].as_str() else {
                continue;
            };
            let mut depth = 0i32;
            let mut balanced = true;
            for c in text.chars() {
                match c {
                    '[' => depth += 1,
                    ']' => depth -= 1,
                    _ => {}
                }
                if !(0..=1).contains(&depth) {
                    balanced = false;
                }
            }
            if !balanced || depth != 0 {
                findings.problems.push(format!(
                    "`{path}.overlays[{overlay_index}].patches[{patch_index}].path`: `{text}` has \
                     an unmatched `[` or `]`; hint: selectors are written `[N]`, `[key:value]` or \
                     `[value]`, such as `spec.template.spec.containers.[name:discovery].args`"
                ));
            }
        }
    }
}

/// A Kubernetes quantity: `[+-]digits[.digits]` then a binary or decimal SI suffix or an
/// exponent (`500m`, `1.5Gi`, `2e3`).
fn quantity_problem(text: &str) -> Option<&'static str> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let number_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let (number, suffix) = rest.split_at(number_end);
    let digits_ok = number.chars().filter(|c| *c == '.').count() <= 1
        && number.chars().any(|c| c.is_ascii_digit());
    let suffix_ok = matches!(
        suffix,
        "" | "Ki"
            | "Mi"
            | "Gi"
            | "Ti"
            | "Pi"
            | "Ei"
            | "n"
            | "u"
            | "m"
            | "k"
            | "M"
            | "G"
            | "T"
            | "P"
            | "E"
    ) || suffix
        .strip_prefix(['e', 'E'])
        .map(|exponent| exponent.strip_prefix(['+', '-']).unwrap_or(exponent))
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()));
    if !digits_ok || !suffix_ok {
        return Some("not a quantity");
    }
    if negative && number.chars().any(|c| c.is_ascii_digit() && c != '0') {
        return Some("negative");
    }
    None
}

/// Every `resources.requests` and `resources.limits` entry anywhere in the spec.
fn quantities(node: &Value, path: &str, findings: &mut Findings) {
    let Value::Object(map) = node else {
        if let Value::Array(items) = node {
            for (index, item) in items.iter().enumerate() {
                quantities(item, &format!("{path}[{index}]"), findings);
            }
        }
        return;
    };
    for (key, child) in map {
        let at = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        if key == "resources" && child.is_object() {
            for section in ["requests", "limits"] {
                let Some(entries) = child[section].as_object() else {
                    continue;
                };
                for (resource, amount) in entries {
                    let problem = match amount {
                        Value::String(text) => quantity_problem(text),
                        Value::Number(number) if number.as_f64().is_some_and(|n| n < 0.0) => {
                            Some("negative")
                        }
                        _ => None,
                    };
                    if let Some(problem) = problem {
                        let shown = match amount {
                            Value::String(text) => text.clone(),
                            other => other.to_string(),
                        };
                        findings.problems.push(format!(
                            "`{at}.{section}.{resource}`: `{shown}` is {problem}; hint: a \
                             quantity is a number of 0 or more with an optional unit, such as \
                             `500m`, `2`, `128Mi` or `1Gi`"
                        ));
                    }
                }
            }
        }
        quantities(child, &at, findings);
    }
}

/// Gateways become objects named after them: two with one name in one namespace would render
/// every object twice, and an enabled gateway without a name renders objects without one.
fn gateway_names(spec: &Value, findings: &mut Findings) {
    let default_namespace = spec["namespace"].as_str().unwrap_or_default();
    let mut seen: Vec<(String, String, String)> = Vec::new();
    for list in ["ingressGateways", "egressGateways"] {
        let Some(gateways) = spec["components"][list].as_array() else {
            continue;
        };
        for (index, gateway) in gateways.iter().enumerate() {
            if gateway["enabled"] != Value::Bool(true) {
                continue;
            }
            let path = format!("components.{list}[{index}]");
            let name = gateway["name"].as_str().unwrap_or_default();
            if name.is_empty() {
                findings.problems.push(format!(
                    "`{path}.name`: an enabled gateway needs a name; hint: for example \
                     `name: istio-ingressgateway-internal`"
                ));
                continue;
            }
            let namespace = gateway["namespace"]
                .as_str()
                .unwrap_or(default_namespace)
                .to_string();
            if let Some((_, _, first)) =
                seen.iter().find(|(n, ns, _)| n == name && *ns == namespace)
            {
                findings.problems.push(format!(
                    "`{path}.name`: `{name}` is also the name of `{first}`, so every object of \
                     the gateway would be rendered twice; hint: give each gateway its own name"
                ));
            } else {
                seen.push((name.to_string(), namespace, path));
            }
        }
    }
}

/// `tag: 1.20` is the number 1.2 to YAML: the image tag would be `1.2`.
fn numeric_tags(spec: &Value, findings: &mut Findings) {
    let mut candidates = vec![("tag".to_string(), &spec["tag"])];
    for name in ["pilot", "cni", "ztunnel", "istiodRemote"] {
        candidates.push((
            format!("components.{name}.tag"),
            &spec["components"][name]["tag"],
        ));
    }
    for list in ["ingressGateways", "egressGateways"] {
        if let Some(gateways) = spec["components"][list].as_array() {
            for (index, gateway) in gateways.iter().enumerate() {
                candidates.push((format!("components.{list}[{index}].tag"), &gateway["tag"]));
            }
        }
    }
    for (path, value) in candidates {
        let Value::Number(number) = value else {
            continue;
        };
        if number.is_f64() {
            findings.warnings.push(format!(
                "`{path}`: the tag is the number {number}, not text: YAML reads `1.20` as 1.2, so \
                 the image tag is `{number}`; hint: quote the tag (`tag: \"1.20\"`) to keep it as \
                 written"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn spec(spec: Value) -> Value {
        let mut tree = json!({"apiVersion": "install.istio.io/v1alpha1", "kind": "IstioOperator"});
        tree["spec"] = spec;
        tree
    }

    #[test]
    fn the_operators_annotations_are_known_and_a_misspelt_one_is_named() {
        let mut tree = spec(json!({}));
        tree["metadata"] = json!({"annotations": {
            "meshctl.io/paused": "true",
            "meshctl.io/update-strategy": "RevisionBased",
            "meshctl.io/revision-tag": "prod",
            "meshctl.io/revision-grace-period": "1m",
            "meshctl.io/take-over-from": "argocd",
        }});
        assert!(
            check(&tree).warnings.is_empty(),
            "{:?}",
            check(&tree).warnings
        );
        tree["metadata"]["annotations"] = json!({"meshctl.io/update-stratgy": "RevisionBased"});
        let warnings = check(&tree).warnings;
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("did you mean `meshctl.io/update-strategy`")),
            "{warnings:?}"
        );
    }

    #[test]
    fn quantities_follow_kubernetes() {
        for good in ["500m", "2", "1.5Gi", "128Mi", "1e3", "0", "+1", "-0", ".5"] {
            assert_eq!(quantity_problem(good), None, "{good}");
        }
        for bad in ["lots", "1GB", "", "1.2.3", "Gi", "1e", "--1"] {
            assert_eq!(quantity_problem(bad), Some("not a quantity"), "{bad}");
        }
        assert_eq!(quantity_problem("-1"), Some("negative"));
        let findings = check(&spec(
            json!({"components": {"pilot": {"k8s": {"resources": {
            "requests": {"cpu": "lots", "memory": -1}}}}}}),
        ));
        assert_eq!(findings.problems.len(), 2, "{:?}", findings.problems);
        assert!(findings.problems[0].starts_with("`components.pilot.k8s.resources.requests.cpu`"));
        let findings = check(&spec(json!({"values": {"global": {"proxy": {"resources": {
            "limits": {"cpu": "2 cores"}}}}}})));
        assert!(findings.problems[0].starts_with("`values.global.proxy.resources.limits.cpu`"));
    }

    #[test]
    fn names_kubernetes_refuses_are_errors() {
        let findings = check(&json!({"metadata": {"name": "Bad_Name!"}, "spec": {}}));
        assert!(findings.problems[0].starts_with("`metadata.name`: `Bad_Name!`"));
        assert!(
            check(&json!({"metadata": {"name": "installed-state"}}))
                .problems
                .is_empty()
        );
        let long = "r".repeat(MAX_REVISION_LENGTH + 1);
        assert_eq!(check(&spec(json!({"revision": long}))).problems.len(), 1);
        let fits = "r".repeat(MAX_REVISION_LENGTH);
        assert!(check(&spec(json!({"revision": fits}))).problems.is_empty());
        assert_eq!(
            check(&spec(json!({"revision": "Canary"}))).problems.len(),
            1
        );
        for namespace in ["Istio-System", "ns-\u{e9}", &"n".repeat(64), "-a"] {
            let findings = check(&spec(json!({"namespace": namespace})));
            assert_eq!(findings.problems.len(), 1, "{namespace}");
        }
    }

    #[test]
    fn numbers_past_the_api_types_are_errors_and_min_over_max_warns() {
        let findings = check(&spec(json!({"components": {"pilot": {"k8s": {
            "replicaCount": 2_147_483_648_u64,
            "hpaSpec": {"minReplicas": 5, "maxReplicas": 3},
        }}}})));
        assert_eq!(findings.problems.len(), 1, "{:?}", findings.problems);
        assert_eq!(findings.warnings.len(), 1, "{:?}", findings.warnings);
        let findings = check(&spec(
            json!({"components": {"ingressGateways": [{"name": "g",
            "enabled": true, "k8s": {"service": {"ports": [{"port": 0}, {"port": 80,
            "targetPort": 70000}, {"port": 443, "nodePort": 0}]}}}]}}),
        ));
        assert_eq!(findings.problems.len(), 2, "{:?}", findings.problems);
    }

    #[test]
    fn the_values_copies_of_ports_and_replicas_are_checked_too() {
        let findings = check(&spec(json!({"values": {
            "pilot": {"replicaCount": 2_147_483_648_u64},
            "gateways": {"istio-ingressgateway": {"replicaCount": 1,
                "ports": [{"port": 70000, "targetPort": 8080}, {"port": 80, "targetPort": 0}]}},
        }})));
        assert_eq!(findings.problems.len(), 3, "{:?}", findings.problems);
        assert!(
            findings.problems[0]
                .starts_with("`values.gateways.istio-ingressgateway.ports[0].port`")
        );
    }

    #[test]
    fn gateways_need_distinct_names() {
        let findings = check(&spec(json!({"components": {"ingressGateways": [
            {"name": "a", "enabled": true},
            {"name": "a", "enabled": true},
            {"name": "a", "enabled": true, "namespace": "other"},
            {"name": "a", "enabled": false},
            {"name": "", "enabled": true},
        ]}})));
        assert_eq!(findings.problems.len(), 2, "{:?}", findings.problems);
    }

    #[test]
    fn cleared_globals_and_unclosed_selectors_are_errors() {
        assert_eq!(
            check(&spec(json!({"values": {"global": null}})))
                .problems
                .len(),
            1
        );
        let findings = check(&spec(
            json!({"values": {"global": {"istioNamespace": null, "hub": ""}}}),
        ));
        assert_eq!(findings.problems.len(), 2, "{:?}", findings.problems);
        let findings = check(&spec(json!({"components": {"pilot": {"k8s": {"overlays": [
        {"kind": "Deployment", "name": "istiod", "patches": [
            {"path": "spec.template.spec.containers.[name:discovery.args", "value": 1},
            {"path": "spec.template.spec.containers.[name:discovery].args", "value": 1},
        ]}]}}}})));
        assert_eq!(findings.problems.len(), 1, "{:?}", findings.problems);
    }

    #[test]
    fn unknown_and_deprecated_mesh_settings_warn() {
        let findings = check(&spec(json!({
            "meshConfig": {"accessLogFile": "/dev/stdout", "access_log_encoding": "JSON",
                "notAField": 1, "defaultConfig": {"proxyMetadata": {
                    "ISTIO_META_DNS_AUTO_ALLOCATE": "true", "ISTIO_META_DNS_CAPTURE": "true"}}},
            "values": {"meshConfig": {"accessLogFile": "/dev/stdout", "alsoNot": true,
                "defaultConfig": {"proxyMetadata": {"ISTIO_META_DNS_AUTO_ALLOCATE": "true"}}}},
        })));
        assert!(findings.problems.is_empty(), "{:?}", findings.problems);
        assert_eq!(findings.warnings.len(), 3, "{:?}", findings.warnings);
        assert!(findings.warnings[0].starts_with("`meshConfig.notAField`"));
        assert!(findings.warnings[1].starts_with("`values.meshConfig.alsoNot`"));
        assert!(findings.warnings[2].contains("'ISTIO_META_DNS_AUTO_ALLOCATE' is deprecated"));
    }

    #[test]
    fn a_tag_read_as_a_float_warns() {
        let findings = check(&spec(json!({"tag": 1.2})));
        assert_eq!(findings.warnings.len(), 1);
        assert!(check(&spec(json!({"tag": 1}))).warnings.is_empty());
        assert!(check(&spec(json!({"tag": "1.20"}))).warnings.is_empty());
    }
}
