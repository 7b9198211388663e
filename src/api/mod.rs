//! The `IstioOperator` API (`install.istio.io/v1alpha1`) as typed serde structs.
//!
//! These types are the *validation* view of a user's input: every file and the merged result are
//! decoded into them strictly (unknown fields and wrong types are errors that name the path). The
//! merge itself works on untyped trees (see [`crate::merge`]) because istioctl's overlay semantics —
//! explicit `null` clears, lists replace — cannot be expressed once the input is typed.

pub mod mesh_config;
pub mod sanity;
pub mod validation;
pub mod values;

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::DeploymentStrategy;
use k8s_openapi::api::autoscaling::v2::HorizontalPodAutoscalerSpec;
use k8s_openapi::api::core::v1::{
    Affinity, EnvVar, PodSecurityContext, Probe, ResourceRequirements, ServiceSpec, Toleration,
    Volume, VolumeMount,
};
use k8s_openapi::api::policy::v1::PodDisruptionBudgetSpec;
use serde::{Deserialize, Serialize};

/// The API group and version of the `IstioOperator` kind.
pub const API_VERSION: &str = "install.istio.io/v1alpha1";
/// The kind name, as written in `kind:`.
pub const KIND: &str = "IstioOperator";

/// A whole `IstioOperator` document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct IstioOperator {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<IstioOperatorSpec>,
    /// Written by the in-cluster operator; accepted so that `kubectl get -o yaml` output parses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<serde_json::Value>,
}

/// The parts of `metadata` an `IstioOperator` may carry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    /// Everything else an API server adds (uid, resourceVersion, finalizers …) is accepted as is.
    #[serde(flatten)]
    pub rest: BTreeMap<String, serde_json::Value>,
}

/// `spec` of an `IstioOperator`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct IstioOperatorSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Accepted for compatibility; meshctl always renders its built-in charts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub install_package_path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<Tag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compatibility_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mesh_config: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Components>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unvalidated_values: Option<serde_json::Value>,
}

/// An image tag: istioctl accepts a string or a number (`tag: 1.31`) and always treats it as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Tag {
    Text(String),
    Number(serde_json::Number),
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tag::Text(text) => f.write_str(text),
            Tag::Number(number) => write!(f, "{number}"),
        }
    }
}

/// `spec.components`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Components {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<BaseComponent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pilot: Option<Component>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cni: Option<Component>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ztunnel: Option<Component>,
    /// Removed upstream long ago but still accepted by istioctl's decoder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub istiod_remote: Option<Component>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingress_gateways: Option<Vec<GatewayComponent>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub egress_gateways: Option<Vec<GatewayComponent>>,
}

/// `spec.components.base`: it has no namespace, hub or tag of its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct BaseComponent {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, rename = "k8s", skip_serializing_if = "Option::is_none")]
    pub kubernetes: Option<KubernetesResources>,
}

/// `spec.components.{pilot,cni,ztunnel}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Component {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<Tag>,
    #[serde(default, rename = "k8s", skip_serializing_if = "Option::is_none")]
    pub kubernetes: Option<KubernetesResources>,
}

/// One entry of `spec.components.ingressGateways[]` or `egressGateways[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct GatewayComponent {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<Tag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<BTreeMap<String, String>>,
    #[serde(default, rename = "k8s", skip_serializing_if = "Option::is_none")]
    pub kubernetes: Option<KubernetesResources>,
}

/// `k8s`: settings applied to a component's main resource after rendering.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct KubernetesResources {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affinity: Option<Affinity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env: Option<Vec<EnvVar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hpa_spec: Option<HorizontalPodAutoscalerSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_pull_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_selector: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod_disruption_budget: Option<PodDisruptionBudgetSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod_annotations: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_class_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readiness_probe: Option<Probe>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replica_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<ResourceRequirements>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_annotations: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<DeploymentStrategy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerations: Option<Vec<Toleration>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_context: Option<PodSecurityContext>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Vec<Volume>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_mounts: Option<Vec<VolumeMount>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overlays: Option<Vec<KubernetesOverlay>>,
}

/// One `k8s.overlays[]` entry: path patches on one rendered object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct KubernetesOverlay {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patches: Option<Vec<OverlayPatch>>,
}

/// One path patch: `value: null` (or no value) deletes what the path names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct OverlayPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default)]
    pub value: serde_json::Value,
}
