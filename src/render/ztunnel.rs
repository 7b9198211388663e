//! The `ztunnel` component: ambient mode's node proxy (the `ztunnel` daemon set), its service
//! account and the optional resource quota, network policy and `OpenShift` RBAC.
//!
//! Unlike the other charts, ztunnel's reads its settings at the top level: istioctl flattens
//! `values.ztunnel` and the global values there before rendering (see [`super::values`]), so every
//! path below is a top-level one (`hub`, not `global.hub`). Object names follow `resourceName`
//! (the default profile sets it to `ztunnel`).

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{DaemonSet, DaemonSetSpec};
use k8s_openapi::api::core::v1::{
    Capabilities, ConfigMapVolumeSource, Container, ContainerPort, HTTPGetAction, PodSpec,
    PodTemplateSpec, Probe, SecurityContext, ServiceAccount, Volume, VolumeMount,
};
use k8s_openapi::api::networking::v1::{
    NetworkPolicy, NetworkPolicyEgressRule, NetworkPolicyPort, NetworkPolicySpec,
};
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding, PolicyRule, RoleRef, Subject};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::{Value, json};

use super::error::ChartError;
use super::helm::{self, truthy};
use super::pod::{self, CaRoot};
use super::{ChartContext, chart};
use crate::release::{Feature, Release};

/// The `app.kubernetes.io/name` and `app` label value, whatever `resourceName` says.
const APP: &str = "ztunnel";

/// The component's chart defaults (our own text, same effect as Istio's chart `values.yaml`).
pub fn defaults(release: &Release) -> Value {
    let mut defaults = json!({
        "hub": "registry.istio.io/testing",
        "tag": "latest",
        "variant": "",
        "image": "ztunnel",
        "network": "",
        "global": {"networkPolicy": {"enabled": false}},
        "resourceName": "",
        "labels": {},
        "annotations": {},
        "volumeMounts": [],
        "volumes": [],
        "tolerations": [
            {"effect": "NoSchedule", "operator": "Exists"},
            {"key": "CriticalAddonsOnly", "operator": "Exists"},
            {"effect": "NoExecute", "operator": "Exists"}
        ],
        "podAnnotations": {"prometheus.io/port": "15020", "prometheus.io/scrape": "true"},
        "podLabels": {},
        "resources": {"requests": {"cpu": "200m", "memory": "512Mi"}},
        "resourceQuotas": {"enabled": false, "pods": 5000},
        "peerCaCrl": {"enabled": false},
        "imagePullSecrets": [],
        "env": {},
        "imagePullPolicy": "",
        "multiCluster": {"clusterName": ""},
        "meshConfig": {"defaultConfig": {"proxyMetadata": {}}},
        "terminationGracePeriodSeconds": 30,
        "revision": "",
        "caAddress": "",
        "xdsAddress": "",
        "istioNamespace": "istio-system",
        "logLevel": "info",
        "logAsJson": false,
        "seLinuxOptions": {},
        "resourceScope": "all",
        "updateStrategy": {
            "type": "RollingUpdate",
            "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}
        },
        "dnsPolicy": "",
        "dnsConfig": {}
    });
    if !release.has(Feature::ZtunnelDnsSettings)
        && let Some(map) = defaults.as_object_mut()
    {
        map.remove("dnsPolicy");
        map.remove("dnsConfig");
    }
    defaults
}

/// Renders the component's objects.
pub fn render(context: &ChartContext) -> Result<Vec<Value>, ChartError> {
    let v = context;
    let name = resource_name(v);
    let scope = v.str("resourceScope");
    let cluster_scoped = scope == "all" || scope == "cluster";
    let namespace_scoped = scope == "all" || scope == "namespace";
    let mut objects = Vec::new();
    if namespace_scoped {
        objects.push(chart::to_json(&ServiceAccount {
            metadata: meta(v, &name),
            image_pull_secrets: pod::pull_secrets(v.get("imagePullSecrets")),
            ..ServiceAccount::default()
        })?);
    }
    if cluster_scoped && v.str("platform") == "openshift" {
        objects.extend(openshift_rbac(v, &name)?);
    }
    if namespace_scoped {
        objects.push(daemon_set(v, &name)?);
        if v.truthy("resourceQuotas.enabled") {
            let mut labels = chart::app_labels(context.release, APP);
            labels.extend(
                v.get("labels")
                    .map(|map| helm::text_map(Some(map)))
                    .unwrap_or_default(),
            );
            objects.push(chart::to_json(&chart::node_critical_quota(
                &name,
                v.namespace(),
                labels,
                &v.str("resourceQuotas.pods"),
            ))?);
        }
    }
    if v.truthy("global.networkPolicy.enabled") {
        objects.push(chart::to_json(&network_policy(v, &name))?);
    }
    Ok(objects)
}

/// `resourceName`, defaulting to `ztunnel`.
fn resource_name(v: &ChartContext) -> String {
    match v.str("resourceName") {
        empty if empty.is_empty() => APP.into(),
        name => name,
    }
}

/// The user's `annotations`, plus `istio.io/rev` for a revisioned install. Always written, even
/// when empty, as the chart does.
fn annotations(v: &ChartContext) -> BTreeMap<String, String> {
    let mut annotations = v
        .get("annotations")
        .map(|map| helm::text_map(Some(map)))
        .unwrap_or_default();
    let revision = v.revision();
    if !revision.is_empty() {
        annotations.insert("istio.io/rev".into(), revision);
    }
    annotations
}

/// Metadata of the service account and the daemon set.
fn meta(v: &ChartContext, name: &str) -> ObjectMeta {
    let mut labels = chart::app_labels(v.release, APP);
    labels.extend(
        v.get("labels")
            .map(|map| helm::text_map(Some(map)))
            .unwrap_or_default(),
    );
    ObjectMeta {
        name: Some(name.into()),
        namespace: Some(v.namespace().into()),
        labels: Some(labels),
        annotations: Some(annotations(v)),
        ..ObjectMeta::default()
    }
}

/// `OpenShift` only: let ztunnel use the privileged security context constraint.
fn openshift_rbac(v: &ChartContext, name: &str) -> Result<Vec<Value>, ChartError> {
    let mut labels = chart::app_labels(v.release, APP);
    labels.insert("app".into(), APP.into());
    labels.insert("release".into(), name.into());
    labels.insert(
        "install.operator.istio.io/owning-resource".into(),
        chart::owner_name(v),
    );
    let metadata = ObjectMeta {
        name: Some(name.into()),
        labels: Some(labels),
        annotations: Some(annotations(v)),
        ..ObjectMeta::default()
    };
    let role = ClusterRole {
        metadata: metadata.clone(),
        rules: Some(vec![PolicyRule {
            api_groups: Some(vec!["security.openshift.io".into()]),
            resources: Some(vec!["securitycontextconstraints".into()]),
            resource_names: Some(vec!["privileged".into()]),
            verbs: vec!["use".into()],
            ..PolicyRule::default()
        }]),
        ..ClusterRole::default()
    };
    let binding = ClusterRoleBinding {
        metadata,
        role_ref: RoleRef {
            api_group: Some("rbac.authorization.k8s.io".into()),
            kind: "ClusterRole".into(),
            name: name.into(),
        },
        subjects: Some(vec![Subject {
            kind: "ServiceAccount".into(),
            name: name.into(),
            namespace: Some(v.namespace().into()),
            ..Subject::default()
        }]),
    };
    Ok(vec![chart::to_json(&role)?, chart::to_json(&binding)?])
}

/// istiod's address for a revision: the default CA and XDS endpoint.
fn istiod_address(v: &ChartContext) -> String {
    format!(
        "istiod{}.{}.svc:15012",
        v.revision_suffix(),
        v.str("istioNamespace")
    )
}

fn daemon_set(v: &ChartContext, name: &str) -> Result<Value, ChartError> {
    let revision = v.revision();
    let app_selector = BTreeMap::from([("app".to_string(), APP.to_string())]);

    let mut pod_labels = chart::app_labels(v.release, APP);
    pod_labels.insert("sidecar.istio.io/inject".into(), "false".into());
    pod_labels.insert("istio.io/dataplane-mode".into(), "none".into());
    pod_labels.insert("app".into(), APP.into());
    pod_labels.extend(
        v.get("podLabels")
            .map(|map| helm::text_map(Some(map)))
            .unwrap_or_default(),
    );
    let mut pod_annotations =
        BTreeMap::from([("sidecar.istio.io/inject".to_string(), "false".to_string())]);
    if !revision.is_empty() {
        pod_annotations.insert("istio.io/rev".into(), revision.clone());
    }
    pod_annotations.extend(
        v.get("podAnnotations")
            .map(|map| helm::text_map(Some(map)))
            .unwrap_or_default(),
    );

    let mut node_selector = BTreeMap::from([("kubernetes.io/os".to_string(), "linux".to_string())]);
    node_selector.extend(
        v.get("nodeSelector")
            .map(|map| helm::text_map(Some(map)))
            .unwrap_or_default(),
    );

    let image = v.str("image");
    let image = if image.contains('/') {
        image
    } else {
        let image = if image.is_empty() { APP.into() } else { image };
        let variant = v.str("variant");
        let suffix = if variant.is_empty() {
            String::new()
        } else {
            format!("-{variant}")
        };
        format!("{}/{image}:{}{suffix}", v.str("hub"), v.str("tag"))
    };

    let grace = v.str("terminationGracePeriodSeconds");
    let or_istiod = |path: &str| match v.str(path) {
        empty if empty.is_empty() => istiod_address(v),
        address => address,
    };
    let mut env = vec![
        pod::env("CA_ADDRESS", or_istiod("caAddress")),
        pod::env("XDS_ADDRESS", or_istiod("xdsAddress")),
    ];
    if v.truthy("logAsJson") {
        env.push(pod::env("LOG_FORMAT", "json"));
    }
    if v.truthy("network") {
        env.push(pod::env("NETWORK", v.str("network")));
    }
    let cluster = chart::first_set(v, &["multiCluster.clusterName"]);
    env.extend([
        pod::env("RUST_LOG", v.str("logLevel")),
        pod::env("RUST_BACKTRACE", "1"),
        pod::env(
            "ISTIO_META_CLUSTER_ID",
            if cluster.is_empty() {
                "Kubernetes"
            } else {
                &cluster
            },
        ),
        pod::env("INPOD_ENABLED", "true"),
        pod::env("TERMINATION_GRACE_PERIOD_SECONDS", &grace),
        pod::field_env("POD_NAME", "metadata.name", None),
        pod::field_env("POD_NAMESPACE", "metadata.namespace", None),
        pod::field_env("NODE_NAME", "spec.nodeName", None),
        pod::field_env("INSTANCE_IP", "status.podIP", None),
        pod::field_env("SERVICE_ACCOUNT", "spec.serviceAccountName", None),
    ]);
    env.extend(
        helm::text_map(v.get("meshConfig.defaultConfig.proxyMetadata"))
            .into_iter()
            .map(|(key, value)| pod::env(&key, &value)),
    );
    env.push(pod::resource_env("ZTUNNEL_CPU_LIMIT", "limits.cpu"));
    // These tell ztunnel its CPU budget only when one is actually set.
    if v.release.has(Feature::ZtunnelResourceCpuEnv) && v.truthy("resources") {
        if v.truthy("resources.limits.cpu") {
            env.push(pod::resource_env(
                "ZTUNNEL_RESOURCE_CPU_LIMIT",
                "limits.cpu",
            ));
        }
        if v.truthy("resources.requests.cpu") {
            env.push(pod::resource_env(
                "ZTUNNEL_RESOURCE_CPU_REQUEST",
                "requests.cpu",
            ));
        }
    }
    env.extend(
        helm::text_map(v.get("env"))
            .into_iter()
            .map(|(key, value)| pod::env(&key, &value)),
    );
    let crl = v.truthy("peerCaCrl.enabled");
    if crl {
        env.push(pod::env(
            "CRL_PATH",
            "/var/run/secrets/istio/crl/ca-crl.pem",
        ));
    }

    let mut mounts: Vec<VolumeMount> = vec![
        pod::mount("istiod-ca-cert", "/var/run/secrets/istio", false),
        pod::mount("istio-token", "/var/run/secrets/tokens", false),
        pod::mount("cni-ztunnel-sock-dir", "/var/run/ztunnel", false),
        pod::mount("tmp", "/tmp", false),
    ];
    if crl {
        mounts.push(pod::mount("crl-volume", "/var/run/secrets/istio/crl", true));
    }

    let ca_volume = pod::ca_root_volume(CaRoot {
        name: "istiod-ca-cert",
        trust_bundle: &v.str("trustBundleName"),
        cluster_trust_bundle: pod::is_true(v.get("env.ENABLE_CLUSTER_TRUST_BUNDLE_API")),
        optional: false,
    });
    // ztunnel's chart asks for the `istio-ca` audience whatever `global.sds.token.aud` says.
    let mut volumes = vec![
        pod::token_volume("istio-ca"),
        ca_volume,
        pod::host_path(
            "cni-ztunnel-sock-dir",
            "/var/run/ztunnel",
            Some("DirectoryOrCreate"),
        ),
        pod::empty_dir("tmp"),
    ];
    if crl {
        volumes.push(Volume {
            name: "crl-volume".into(),
            config_map: Some(ConfigMapVolumeSource {
                name: "istio-ca-crl".into(),
                optional: Some(true),
                ..ConfigMapVolumeSource::default()
            }),
            ..Volume::default()
        });
    }

    let pull_policy = v.str("imagePullPolicy");
    let container = Container {
        name: "istio-proxy".into(),
        image: Some(image),
        ports: Some(vec![ContainerPort {
            container_port: 15020,
            name: Some("ztunnel-stats".into()),
            protocol: Some("TCP".into()),
            ..ContainerPort::default()
        }]),
        resources: v.get("resources").and_then(pod::resource_requirements),
        image_pull_policy: (!pull_policy.is_empty()).then_some(pull_policy),
        security_context: Some(SecurityContext {
            allow_privilege_escalation: Some(true),
            privileged: Some(false),
            capabilities: Some(Capabilities {
                drop: Some(vec!["ALL".into()]),
                add: Some(vec![
                    "NET_ADMIN".into(),
                    "SYS_ADMIN".into(),
                    "NET_RAW".into(),
                ]),
            }),
            read_only_root_filesystem: Some(true),
            run_as_group: Some(1337),
            run_as_non_root: Some(false),
            run_as_user: Some(0),
            ..SecurityContext::default()
        }),
        readiness_probe: Some(Probe {
            http_get: Some(HTTPGetAction {
                port: IntOrString::Int(15021),
                path: Some("/healthz/ready".into()),
                ..HTTPGetAction::default()
            }),
            ..Probe::default()
        }),
        args: Some(vec!["proxy".into(), "ztunnel".into()]),
        env: Some(env),
        volume_mounts: Some(mounts),
        ..Container::default()
    };
    let dns_settings = v.release.has(Feature::ZtunnelDnsSettings);
    let dns_policy = if dns_settings {
        v.str("dnsPolicy")
    } else {
        String::new()
    };
    let daemon_set = DaemonSet {
        metadata: meta(v, name),
        spec: DaemonSetSpec {
            selector: LabelSelector {
                match_labels: Some(app_selector),
                ..LabelSelector::default()
            },
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(pod_labels),
                    annotations: Some(pod_annotations),
                    ..ObjectMeta::default()
                }),
                spec: Some(PodSpec {
                    node_selector: Some(node_selector),
                    service_account_name: Some(name.into()),
                    dns_policy: (!dns_policy.is_empty()).then_some(dns_policy),
                    containers: vec![container],
                    priority_class_name: Some("system-node-critical".into()),
                    termination_grace_period_seconds: v.int("terminationGracePeriodSeconds"),
                    volumes: Some(volumes),
                    ..PodSpec::default()
                }),
            },
            ..DaemonSetSpec::default()
        },
        ..DaemonSet::default()
    };
    let mut object = chart::to_json(&daemon_set)?;
    pod::reread_resource_amounts(&mut object);
    // Free-form chart values, written as the user gave them.
    if let Some(strategy) = v.get("updateStrategy").filter(|s| truthy(s)) {
        chart::set_at(&mut object, &["spec", "updateStrategy"], strategy.clone());
    }
    for (key, field) in [
        ("affinity", "affinity"),
        ("tolerations", "tolerations"),
        ("dnsConfig", "dnsConfig"),
    ] {
        if key == "dnsConfig" && !dns_settings {
            continue;
        }
        if let Some(value) = v.get(key).filter(|value| truthy(value)) {
            chart::set_at(
                &mut object,
                &["spec", "template", "spec", field],
                value.clone(),
            );
        }
    }
    let pod = &mut object["spec"]["template"]["spec"];
    if let Some(options) = v.get("seLinuxOptions").filter(|o| truthy(o)) {
        pod["containers"][0]["securityContext"]["seLinuxOptions"] = options.clone();
    }
    for (key, list) in [("volumeMounts", "containers"), ("volumes", "volumes")] {
        let Some(extra) = v.get(key).and_then(Value::as_array) else {
            continue;
        };
        let target = if list == "containers" {
            &mut pod["containers"][0]["volumeMounts"]
        } else {
            &mut pod["volumes"]
        };
        if let Value::Array(items) = target {
            items.extend(extra.iter().cloned());
        }
    }
    Ok(object)
}

fn network_policy(v: &ChartContext, name: &str) -> NetworkPolicy {
    let rule = |ports: &[(&str, i32)]| {
        chart::ingress_rule(
            v.release,
            ports
                .iter()
                .map(|(protocol, port)| NetworkPolicyPort {
                    protocol: Some((*protocol).into()),
                    port: Some(IntOrString::Int(*port)),
                    ..NetworkPolicyPort::default()
                })
                .collect(),
        )
    };
    let mut labels = chart::app_labels(v.release, APP);
    labels.insert("app".into(), APP.into());
    labels.insert("istio.io/rev".into(), v.revision_or_default());
    labels.insert(
        "install.operator.istio.io/owning-resource".into(),
        chart::owner_name(v),
    );
    labels.insert("operator.istio.io/component".into(), "Ztunnel".into());
    labels.insert("release".into(), chart::RELEASE.into());
    NetworkPolicy {
        metadata: ObjectMeta {
            name: Some(format!("{name}{}", v.revision_suffix())),
            namespace: Some(v.namespace().into()),
            labels: Some(labels),
            ..ObjectMeta::default()
        },
        spec: Some(NetworkPolicySpec {
            pod_selector: Some(LabelSelector {
                match_labels: Some(BTreeMap::from([("app".to_string(), APP.to_string())])),
                ..LabelSelector::default()
            }),
            policy_types: Some(vec!["Ingress".into(), "Egress".into()]),
            // Readiness, metrics, admin, HBONE, outbound, inbound plaintext, DNS capture.
            ingress: Some(vec![
                rule(&[("TCP", 15021)]),
                rule(&[("TCP", 15020)]),
                rule(&[("TCP", 15000)]),
                rule(&[("TCP", 15008)]),
                rule(&[("TCP", 15001)]),
                rule(&[("TCP", 15006)]),
                rule(&[("TCP", 15053), ("UDP", 15053)]),
            ]),
            egress: Some(vec![NetworkPolicyEgressRule::default()]),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api;
    use crate::merge::overlay;
    use crate::render::helm::go_text;
    use crate::render::{ComponentInstance, ComponentName};

    fn context(values: Value) -> ChartContext {
        let instance = ComponentInstance {
            component: ComponentName::Ztunnel,
            name: None,
            namespace: "istio-system".into(),
            raw: Value::Null,
            spec: api::GatewayComponent::default(),
        };
        let mut merged = defaults(crate::release::newest());
        overlay(
            &mut merged,
            json!({"hub": "docker.io/istio", "tag": "1.31.0", "resourceName": "ztunnel"}),
        );
        overlay(&mut merged, values);
        ChartContext {
            instance,
            values: merged,
            given: Value::Null,
            release: crate::release::newest(),
        }
    }

    fn find<'a>(objects: &'a [Value], kind: &str, name: &str) -> &'a Value {
        objects
            .iter()
            .find(|o| o["kind"] == kind && o["metadata"]["name"] == name)
            .unwrap_or_else(|| panic!("{kind}/{name} not rendered"))
    }

    fn env_names(ds: &Value) -> Vec<String> {
        ds["spec"]["template"]["spec"]["containers"][0]["env"]
            .as_array()
            .map(|list| list.iter().map(|e| go_text(&e["name"])).collect())
            .unwrap_or_default()
    }

    #[test]
    fn default_render_matches_the_chart() {
        let objects = render(&context(json!({}))).expect("renders");
        assert_eq!(objects.len(), 2);
        let sa = find(&objects, "ServiceAccount", "ztunnel");
        assert_eq!(sa["metadata"]["annotations"], json!({}));
        let ds = find(&objects, "DaemonSet", "ztunnel");
        let container = &ds["spec"]["template"]["spec"]["containers"][0];
        assert_eq!(container["image"], "docker.io/istio/ztunnel:1.31.0");
        assert_eq!(
            container["env"][0]["value"],
            "istiod.istio-system.svc:15012"
        );
        assert_eq!(container["resources"]["requests"]["memory"], "512Mi");
        assert_eq!(ds["spec"]["updateStrategy"]["rollingUpdate"]["maxSurge"], 1);
        assert_eq!(
            ds["spec"]["template"]["metadata"]["annotations"]["prometheus.io/port"],
            "15020"
        );
        let names = env_names(ds);
        assert!(names.contains(&"ZTUNNEL_RESOURCE_CPU_REQUEST".to_string()));
        assert!(!names.contains(&"ZTUNNEL_RESOURCE_CPU_LIMIT".to_string()));
    }

    #[test]
    fn revision_platform_and_values_apply() {
        let objects = render(&context(json!({
            "revision": "canary",
            "platform": "openshift",
            "variant": "distroless",
            "resourceName": "zt",
            "resourceQuotas": {"enabled": true},
            "global": {"networkPolicy": {"enabled": true}},
            "seLinuxOptions": {"type": "spc_t"},
            "meshConfig": {"defaultConfig": {"proxyMetadata": {"ISTIO_META_ENABLE_HBONE": "true"}}},
            "resources": {"limits": {"cpu": "200m"}},
            "env": {"ENABLE_CLUSTER_TRUST_BUNDLE_API": true}
        })))
        .expect("renders");
        let ds = find(&objects, "DaemonSet", "zt");
        assert_eq!(ds["metadata"]["annotations"]["istio.io/rev"], "canary");
        let pod = &ds["spec"]["template"]["spec"];
        assert_eq!(pod["serviceAccountName"], "zt");
        assert_eq!(
            pod["containers"][0]["image"],
            "docker.io/istio/ztunnel:1.31.0-distroless"
        );
        assert_eq!(
            pod["containers"][0]["env"][0]["value"],
            "istiod-canary.istio-system.svc:15012"
        );
        assert_eq!(
            pod["containers"][0]["securityContext"]["seLinuxOptions"]["type"],
            "spc_t"
        );
        assert_eq!(
            pod["volumes"][1]["projected"]["sources"][0]["clusterTrustBundle"]["name"],
            "istio.io:istiod-ca:root-cert"
        );
        let names = env_names(ds);
        assert!(names.contains(&"ISTIO_META_ENABLE_HBONE".to_string()));
        assert!(names.contains(&"ZTUNNEL_RESOURCE_CPU_LIMIT".to_string()));
        let role = find(&objects, "ClusterRole", "zt");
        assert_eq!(role["metadata"]["labels"]["release"], "zt");
        find(&objects, "ClusterRoleBinding", "zt");
        find(&objects, "ResourceQuota", "zt");
        let policy = find(&objects, "NetworkPolicy", "zt-canary");
        assert_eq!(policy["spec"]["ingress"][6]["ports"][1]["protocol"], "UDP");
    }
}
