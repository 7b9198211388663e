//! The CNI render against the chart's behaviour.

use serde_json::{Value, json};

use super::*;
use crate::api;
use crate::render::{ComponentInstance, ComponentName};

fn context(values: Value) -> ChartContext {
    let instance = ComponentInstance {
        component: ComponentName::Cni,
        name: None,
        namespace: "istio-system".into(),
        raw: Value::Null,
        spec: api::GatewayComponent::default(),
    };
    let mut merged = defaults(crate::release::newest());
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

fn base() -> Value {
    json!({"global": {"hub": "docker.io/istio", "tag": "1.31.0"}})
}

#[test]
fn default_render_matches_the_chart() {
    let objects = render(&context(base())).expect("renders");
    let kinds: Vec<_> = objects
        .iter()
        .map(|o| {
            format!(
                "{}/{}",
                o["kind"].as_str().unwrap_or(""),
                o["metadata"]["name"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "ServiceAccount/istio-cni",
            "ClusterRole/istio-cni",
            "ClusterRole/istio-cni-repair-role",
            "ClusterRoleBinding/istio-cni",
            "ClusterRoleBinding/istio-cni-repair-rolebinding",
            "ConfigMap/istio-cni-config",
            "DaemonSet/istio-cni-node",
        ]
    );
    let ds = find(&objects, "DaemonSet", "istio-cni-node");
    let container = &ds["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(container["image"], "docker.io/istio/install-cni:1.31.0");
    assert_eq!(container["args"], json!(["--log_output_level=info"]));
    assert_eq!(container["resources"]["requests"]["cpu"], "100m");
    assert_eq!(
        ds["spec"]["updateStrategy"]["rollingUpdate"]["maxUnavailable"],
        1
    );
    assert_eq!(
        ds["spec"]["template"]["spec"]["volumes"][0]["hostPath"]["path"],
        "/opt/cni/bin"
    );
    assert_eq!(
        ds["spec"]["template"]["spec"]["tolerations"][1]["key"],
        "CriticalAddonsOnly"
    );
    assert_eq!(ds["metadata"]["labels"]["istio.io/rev"], "default");
    let cm = find(&objects, "ConfigMap", "istio-cni-config");
    assert_eq!(cm["data"]["CURRENT_AGENT_VERSION"], "1.31.0");
    assert_eq!(cm["data"]["AMBIENT_ENABLED"], "false");
    assert_eq!(cm["data"]["EXCLUDE_NAMESPACES"], "kube-system");
    assert_eq!(
        cm["data"]["AMBIENT_ENABLEMENT_SELECTOR"],
        "- podSelector:\n    matchLabels:\n      istio.io/dataplane-mode: ambient\n\
         - namespaceSelector:\n    matchLabels:\n      istio.io/dataplane-mode: ambient\n  \
         podSelector:\n    matchExpressions:\n    - key: istio.io/dataplane-mode\n      \
         operator: NotIn\n      values:\n      - none"
    );
    assert!(cm["data"].get("CNI_CONF_NAME").is_none());
}

#[test]
fn cni_values_and_openshift_settings_apply() {
    let mut values = base();
    overlay(
        &mut values,
        json!({
            "global": {"platform": "openshift", "networkPolicy": {"enabled": true}},
            "seLinuxOptions": {"type": "spc_t"},
            "revision": "canary",
            "cni": {
                "cniBinDir": "/var/lib/cni/bin", "chained": false,
                "cniConfFileName": "istio-cni.conf", "provider": "multus",
                "ambient": {"enabled": true}, "resourceQuotas": {"enabled": true}
            }
        }),
    );
    let objects = render(&context(values)).expect("renders");
    let role = find(&objects, "ClusterRole", "istio-cni");
    assert_eq!(
        role["rules"][1]["apiGroups"],
        json!(["security.openshift.io"])
    );
    find(&objects, "ClusterRole", "istio-cni-ambient");
    find(&objects, "ClusterRoleBinding", "istio-cni-ambient");
    find(&objects, "NetworkAttachmentDefinition", "istio-cni");
    find(&objects, "NetworkPolicy", "istio-cni-canary");
    let quota = find(&objects, "ResourceQuota", "istio-cni-resource-quota");
    assert_eq!(quota["spec"]["hard"]["pods"], "5000");
    let cm = find(&objects, "ConfigMap", "istio-cni-config");
    assert_eq!(cm["data"]["CHAINED_CNI_PLUGIN"], "false");
    assert_eq!(cm["data"]["CNI_CONF_NAME"], "istio-cni.conf");
    assert_eq!(cm["metadata"]["labels"]["istio.io/rev"], "canary");
    let ds = find(&objects, "DaemonSet", "istio-cni-node");
    let pod = &ds["spec"]["template"]["spec"];
    assert_eq!(pod["volumes"][0]["hostPath"]["path"], "/var/lib/cni/bin");
    assert_eq!(pod["volumes"][2]["name"], "cni-ztunnel-sock-dir");
    assert_eq!(
        pod["containers"][0]["securityContext"]["seLinuxOptions"]["type"],
        "spc_t"
    );
    assert_eq!(
        pod["containers"][0]["volumeMounts"][5]["name"],
        "cni-ztunnel-sock-dir"
    );
}
