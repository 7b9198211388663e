//! The `cni` component: the Istio CNI node agent (the `istio-cni-node` daemon set), its config map,
//! RBAC and the optional resource quota, network policy and Multus `NetworkAttachmentDefinition`.
//!
//! Istio's chart reads its settings at the top level but istioctl users write them under
//! `values.cni`; like the chart, the render lays `values.cni` over the top level before reading
//! anything.

mod config;
mod daemon_set;
mod rbac;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::ServiceAccount;
use k8s_openapi::api::networking::v1::{
    NetworkPolicy, NetworkPolicyEgressRule, NetworkPolicyPort, NetworkPolicySpec,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::{Value, json};

use super::error::ChartError;
use super::{ChartContext, chart, pod};
use crate::merge::overlay;
use crate::release::{Feature, Release};

/// The chart's name, which every object's name starts from.
const NAME: &str = "istio-cni";

/// The component's chart defaults (our own text, same effect as Istio's chart `values.yaml`).
pub fn defaults(release: &Release) -> Value {
    // Split up: one `json!` this size exceeds the macro recursion limit.
    let ambient = json!({
        "enabled": false,
        "enablementSelectors": [
            {"podSelector": {"matchLabels": {"istio.io/dataplane-mode": "ambient"}}},
            {
                "podSelector": {"matchExpressions": [
                    {"key": "istio.io/dataplane-mode", "operator": "NotIn", "values": ["none"]}
                ]},
                "namespaceSelector": {"matchLabels": {"istio.io/dataplane-mode": "ambient"}}
            }
        ],
        "configDir": "",
        "dnsCapture": true,
        "ipv6": true,
        "reconcileIptablesOnStartup": true,
        "shareHostNetworkNamespace": false,
        "enableAmbientDetectionRetry": false
    });
    let global = json!({
        "hub": "registry.istio.io/testing",
        "tag": "latest",
        "variant": "",
        "imagePullPolicy": "",
        "logging": {"level": "info"},
        "logAsJson": false,
        "networkPolicy": {"enabled": false},
        "imagePullSecrets": [],
        "defaultResources": {"requests": {"cpu": "100m", "memory": "100Mi"}},
        "nativeNftables": false,
        "resourceScope": "all"
    });
    let mut defaults = json!({
        "hub": "",
        "tag": "",
        "variant": "",
        "image": "install-cni",
        "pullPolicy": "",
        "logging": {"level": ""},
        "cniBinDir": "/opt/cni/bin",
        "cniConfDir": "/etc/cni/net.d",
        "cniConfFileName": "",
        "cniNetnsDir": "/var/run/netns",
        "istioOwnedCNIConfigFileName": "",
        "istioOwnedCNIConfig": false,
        "excludeNamespaces": ["kube-system"],
        "affinity": {},
        "daemonSetLabels": {},
        "podAnnotations": {},
        "podLabels": {},
        "chained": true,
        "provider": "default",
        "ambient": ambient,
        "repair": {
            "enabled": true,
            "hub": "",
            "tag": "",
            "labelPods": false,
            "deletePods": false,
            "repairPods": true,
            "initContainerName": "istio-validation",
            "brokenPodLabelKey": "cni.istio.io/uninitialized",
            "brokenPodLabelValue": "true"
        },
        "seccompProfile": {},
        "seLinuxOptions": {},
        "useAppArmorAnnotation": true,
        "resources": {"requests": {"cpu": "100m", "memory": "100Mi"}},
        "resourceQuotas": {"enabled": false, "pods": 5000},
        "tolerations": [
            {"effect": "NoSchedule", "operator": "Exists"},
            {"key": "CriticalAddonsOnly", "operator": "Exists"},
            {"effect": "NoExecute", "operator": "Exists"}
        ],
        "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1}},
        "terminationGracePeriodSeconds": 30,
        "revision": "",
        "ownerName": "",
        "global": global,
        "env": {}
    });
    if !release.has(Feature::AppArmorProfileSwitch)
        && let Some(map) = defaults.as_object_mut()
    {
        map.remove("useAppArmorAnnotation");
    }
    defaults
}

/// Renders the component's objects.
pub fn render(context: &ChartContext) -> Result<Vec<Value>, ChartError> {
    let v = &flattened(context);
    let scope = v.str("global.resourceScope");
    let cluster_scoped = scope == "all" || scope == "cluster";
    let namespace_scoped = scope == "all" || scope == "namespace";
    let mut objects = Vec::new();
    if namespace_scoped {
        objects.push(chart::to_json(&service_account(v))?);
    }
    if cluster_scoped {
        objects.extend(rbac::cluster_rbac(v)?);
    }
    if namespace_scoped {
        objects.push(chart::to_json(&config::config_map(v))?);
        objects.push(daemon_set::daemon_set(v)?);
        if v.truthy("resourceQuotas.enabled") {
            objects.push(chart::to_json(&chart::node_critical_quota(
                &format!("{NAME}-resource-quota"),
                v.namespace(),
                chart::app_labels(context.release, NAME),
                &v.str("resourceQuotas.pods"),
            ))?);
        }
        if v.str("provider") == "multus" {
            objects.push(network_attachment_definition(context));
        }
    }
    if v.truthy("global.networkPolicy.enabled") {
        objects.push(chart::to_json(&network_policy(v))?);
    }
    Ok(objects)
}

/// The chart copies everything under `cni` to the top level before rendering.
fn flattened(context: &ChartContext) -> ChartContext {
    let mut flat = context.clone();
    if let Some(own) = context.values.get("cni").filter(|c| c.is_object()) {
        overlay(&mut flat.values, own.clone());
    }
    flat
}

/// The labels most of the chart's objects carry.
fn labels(v: &ChartContext, extra: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut labels = chart::app_labels(v.release, NAME);
    for (key, value) in extra {
        labels.insert((*key).into(), (*value).into());
    }
    labels.insert("release".into(), chart::RELEASE.into());
    labels.insert("istio.io/rev".into(), v.revision_or_default());
    labels.insert(
        "install.operator.istio.io/owning-resource".into(),
        chart::owner_name(v),
    );
    labels.insert("operator.istio.io/component".into(), "Cni".into());
    labels
}

fn meta(v: &ChartContext, name: &str, extra: &[(&str, &str)], namespaced: bool) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.into()),
        namespace: namespaced.then(|| v.namespace().to_string()),
        labels: Some(labels(v, extra)),
        ..ObjectMeta::default()
    }
}

fn service_account(v: &ChartContext) -> ServiceAccount {
    ServiceAccount {
        metadata: meta(v, NAME, &[("app", NAME)], true),
        image_pull_secrets: pod::pull_secrets(v.get("global.imagePullSecrets")),
        ..ServiceAccount::default()
    }
}

fn network_policy(v: &ChartContext) -> NetworkPolicy {
    let node = format!("{NAME}-node");
    let port = |number: i32| {
        chart::ingress_rule(
            v.release,
            vec![NetworkPolicyPort {
                protocol: Some("TCP".into()),
                port: Some(IntOrString::Int(number)),
                ..NetworkPolicyPort::default()
            }],
        )
    };
    NetworkPolicy {
        metadata: meta(
            v,
            &format!("{NAME}{}", v.revision_suffix()),
            &[("k8s-app", &node)],
            true,
        ),
        spec: Some(NetworkPolicySpec {
            pod_selector: Some(LabelSelector {
                match_labels: Some(BTreeMap::from([("k8s-app".to_string(), node)])),
                ..LabelSelector::default()
            }),
            policy_types: Some(vec!["Ingress".into(), "Egress".into()]),
            // Metrics, then the readiness probe.
            ingress: Some(vec![port(15014), port(8000)]),
            egress: Some(vec![NetworkPolicyEgressRule::default()]),
        }),
    }
}

/// Multus' attachment definition that makes pods on `OpenShift` use the Istio CNI plugin. No
/// k8s-openapi type exists for this CRD, so it is written as JSON.
fn network_attachment_definition(v: &ChartContext) -> Value {
    let mut labels = chart::app_labels(v.release, NAME);
    labels.insert("operator.istio.io/component".into(), "Cni".into());
    json!({
        "apiVersion": "k8s.cni.cncf.io/v1",
        "kind": "NetworkAttachmentDefinition",
        "metadata": {"name": NAME, "namespace": "default", "labels": labels},
    })
}
