//! Render checks for the pilot component against concrete fields istioctl writes.

use serde_json::Value;

use super::render;
use crate::merge::{SetFlag, merge_inputs};
use crate::render::{ChartContext, ComponentName, enabled_components};

/// Renders the pilot component of the default profile with `--set` flags applied.
fn render_with(flags: &[&str]) -> Vec<Value> {
    let flags: Vec<SetFlag> = flags
        .iter()
        .map(|flag| SetFlag::parse(flag).expect("test flags are well formed"))
        .collect();
    let merged = merge_inputs(&[], &flags).expect("built-in profiles merge");
    let instance = enabled_components(&merged)
        .expect("components resolve")
        .into_iter()
        .find(|instance| instance.component == ComponentName::Pilot)
        .expect("pilot is enabled");
    let context = ChartContext::new(
        &merged,
        &instance,
        crate::release::resolve(&merged).expect("release").release,
    )
    .expect("values resolve");
    render(&context).expect("pilot renders")
}

fn find<'a>(objects: &'a [Value], kind: &str, name: &str) -> Option<&'a Value> {
    objects
        .iter()
        .find(|o| o["kind"] == kind && o["metadata"]["name"] == name)
}

fn get<'a>(objects: &'a [Value], kind: &str, name: &str) -> &'a Value {
    find(objects, kind, name).unwrap_or_else(|| panic!("{kind} {name} is rendered"))
}

fn env_value<'a>(deployment: &'a Value, name: &str) -> Option<&'a Value> {
    deployment["spec"]["template"]["spec"]["containers"][0]["env"]
        .as_array()
        .expect("env is a list")
        .iter()
        .find(|e| e["name"] == name)
        .map(|e| &e["value"])
}

#[test]
fn default_profile_objects() {
    let objects = render_with(&[]);
    for (kind, name) in [
        ("ServiceAccount", "istiod"),
        ("Role", "istiod"),
        ("RoleBinding", "istiod"),
        ("ClusterRole", "istiod-clusterrole-istio-system"),
        ("ClusterRole", "istiod-gateway-controller-istio-system"),
        ("ClusterRole", "istio-reader-clusterrole-istio-system"),
        (
            "ClusterRoleBinding",
            "istio-reader-clusterrole-istio-system",
        ),
        ("ConfigMap", "istio"),
        ("ConfigMap", "values"),
        ("Deployment", "istiod"),
        ("Service", "istiod"),
        ("HorizontalPodAutoscaler", "istiod"),
        ("MutatingWebhookConfiguration", "istio-sidecar-injector"),
        (
            "ValidatingWebhookConfiguration",
            "istio-validator-istio-system",
        ),
    ] {
        assert!(find(&objects, kind, name).is_some(), "{kind} {name}");
    }
    assert!(find(&objects, "PodDisruptionBudget", "istiod").is_none());
    assert!(find(&objects, "NetworkPolicy", "istiod").is_none());
}

#[test]
fn default_mesh_config_text() {
    let objects = render_with(&[]);
    let mesh = get(&objects, "ConfigMap", "istio");
    assert_eq!(
        mesh["data"]["mesh"],
        "defaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\ndefaultProviders:\n  \
         metrics:\n  - prometheus\nenablePrometheusMerge: true\nrootNamespace: istio-system\n\
         trustDomain: cluster.local"
    );
    assert_eq!(mesh["data"]["meshNetworks"], "networks: {}");
    assert_eq!(mesh["metadata"]["labels"]["istio.io/rev"], "default");
}

#[test]
fn default_deployment_fields() {
    let objects = render_with(&[]);
    let deployment = get(&objects, "Deployment", "istiod");
    let container = &deployment["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(container["image"], "docker.io/istio/pilot:1.31.0");
    assert_eq!(container["args"][2], "--log_output_level=default:info");
    assert_eq!(container["resources"]["requests"]["memory"], "2048Mi");
    assert_eq!(
        deployment["spec"]["selector"]["matchLabels"]["istio"],
        "pilot"
    );
    assert!(deployment["spec"].get("replicas").is_none());
    assert_eq!(
        env_value(deployment, "PILOT_TRACE_SAMPLING"),
        Some(&"1".into())
    );
    assert_eq!(
        env_value(deployment, "CA_TRUSTED_NODE_ACCOUNTS"),
        Some(&"istio-system/ztunnel".into())
    );
    let volumes = deployment["spec"]["template"]["spec"]["volumes"]
        .as_array()
        .expect("volumes");
    assert_eq!(volumes.len(), 6);
    assert_eq!(volumes[5]["configMap"]["name"], "istio-ca-root-cert");
}

#[test]
fn values_config_map_is_go_json() {
    let objects = render_with(&[]);
    let values = get(&objects, "ConfigMap", "values");
    let merged = values["data"]["merged-values"]
        .as_str()
        .expect("merged values text");
    assert!(merged.starts_with("{\n  \"affinity\": {},\n  \"autoscaleBehavior\": {},\n"));
    // `pilot.enabled` is descoped to the top level; 1.0 prints as Go prints it.
    assert!(merged.contains("\n  \"enabled\": true,\n"));
    assert!(merged.contains("\n  \"traceSampling\": 1,\n"));
    let original: Value = serde_json::from_str(
        values["data"]["original-values"]
            .as_str()
            .expect("original values text"),
    )
    .expect("original values are JSON");
    assert_eq!(original["global"]["istioNamespace"], "istio-system");
}

#[test]
fn demo_profile_disables_autoscaling_and_adds_providers() {
    let objects = render_with(&["profile=demo"]);
    assert!(find(&objects, "HorizontalPodAutoscaler", "istiod").is_none());
    let deployment = get(&objects, "Deployment", "istiod");
    assert_eq!(
        env_value(deployment, "PILOT_TRACE_SAMPLING"),
        Some(&"100".into())
    );
    assert_eq!(deployment["spec"]["replicas"], 1);
    let mesh = get(&objects, "ConfigMap", "istio")["data"]["mesh"]
        .as_str()
        .expect("mesh text");
    assert!(mesh.starts_with("accessLogFile: /dev/stdout\n"));
    assert!(mesh.contains("extensionProviders:\n- envoyOtelAls:\n    port: 4317\n"));
}

#[test]
fn revision_renames_and_relabels() {
    let objects = render_with(&["revision=canary"]);
    let deployment = get(&objects, "Deployment", "istiod-canary");
    assert_eq!(
        deployment["spec"]["selector"]["matchLabels"]["istio.io/rev"],
        "canary"
    );
    assert_eq!(
        deployment["spec"]["template"]["metadata"]["labels"]["istio"],
        "istiod"
    );
    assert!(find(&objects, "ConfigMap", "istio-canary").is_some());
    assert!(
        find(
            &objects,
            "ClusterRole",
            "istiod-clusterrole-canary-istio-system"
        )
        .is_some()
    );
    assert!(
        find(
            &objects,
            "ValidatingWebhookConfiguration",
            "istio-validator-canary-istio-system"
        )
        .is_some()
    );
    let webhook = get(
        &objects,
        "MutatingWebhookConfiguration",
        "istio-sidecar-injector-canary",
    );
    // Only the two per-revision webhooks: the legacy selectors belong to the default revision.
    assert_eq!(webhook["webhooks"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        webhook["webhooks"][0]["clientConfig"]["service"]["name"],
        "istiod-canary"
    );
    let mesh = get(&objects, "ConfigMap", "istio-canary")["data"]["mesh"]
        .as_str()
        .expect("mesh text");
    assert!(mesh.contains("discoveryAddress: istiod-canary.istio-system.svc:15012"));
}

#[test]
fn replicas_pdb_and_network_policy() {
    let objects = render_with(&[
        "values.pilot.autoscaleMin=2",
        "values.global.networkPolicy.enabled=true",
    ]);
    let pdb = get(&objects, "PodDisruptionBudget", "istiod");
    assert_eq!(pdb["spec"]["minAvailable"], 1);
    let hpa = get(&objects, "HorizontalPodAutoscaler", "istiod");
    assert_eq!(hpa["spec"]["minReplicas"], 2);
    let policy = get(&objects, "NetworkPolicy", "istiod");
    assert_eq!(policy["spec"]["ingress"][1]["ports"][1]["port"], 15011);
    assert_eq!(policy["spec"]["egress"][0], serde_json::json!({}));
}

#[test]
fn remote_profile_renders_only_injection_support() {
    let objects = render_with(&["profile=remote"]);
    assert!(find(&objects, "Deployment", "istiod").is_none());
    assert!(find(&objects, "ConfigMap", "istio").is_none());
    assert!(find(&objects, "ServiceAccount", "istiod").is_none());
    assert!(
        find(
            &objects,
            "MutatingWebhookConfiguration",
            "istio-sidecar-injector"
        )
        .is_some()
    );
    let reader = get(
        &objects,
        "ClusterRole",
        "istio-reader-clusterrole-istio-system",
    );
    // Remote clusters let the reader manage the webhooks.
    assert_eq!(reader["rules"].as_array().map(Vec::len), Some(14));
}
