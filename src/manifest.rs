//! A rendered object plus its identity, ownership labels and the order objects are written in.
//!
//! Objects are held as JSON trees (keys sorted, so output is deterministic) after the typed render:
//! post-processing (`k8s` patches, overlays) and the cluster stages work on trees, as the API server
//! does.

use serde_json::Value;

use crate::render::ComponentName;

/// Label: the object is managed by an operator and may be reconciled and pruned.
pub const MANAGED_LABEL: &str = "operator.istio.io/managed";
/// Label: the Istio version that rendered the object.
pub const VERSION_LABEL: &str = "operator.istio.io/version";
/// Label: the component that owns the object (`Base`, `Pilot`, …).
pub const COMPONENT_LABEL: &str = "operator.istio.io/component";
/// Label: the `IstioOperator` resource that owns the object.
pub const OWNING_RESOURCE_LABEL: &str = "install.operator.istio.io/owning-resource";
/// Label: the namespace of that `IstioOperator`.
pub const OWNING_RESOURCE_NAMESPACE_LABEL: &str =
    "install.operator.istio.io/owning-resource-namespace";
/// Label: set to `true` by a user to keep an object from ever being pruned.
pub const NOT_PRUNED_LABEL: &str = "install.operator.istio.io/owning-resource-not-pruned";
/// Label: the control-plane revision (`default` when none).
pub const REVISION_LABEL: &str = "istio.io/rev";

/// One rendered Kubernetes object and the component it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    pub component: ComponentName,
    pub object: Value,
}

impl Manifest {
    /// `apiVersion`, e.g. `apps/v1`.
    #[must_use]
    pub fn api_version(&self) -> &str {
        self.object["apiVersion"].as_str().unwrap_or_default()
    }

    /// The API group (`""` for the core group).
    #[must_use]
    pub fn group(&self) -> &str {
        self.api_version()
            .rsplit_once('/')
            .map_or("", |(group, _)| group)
    }

    #[must_use]
    pub fn kind(&self) -> &str {
        self.object["kind"].as_str().unwrap_or_default()
    }

    #[must_use]
    pub fn name(&self) -> &str {
        self.object["metadata"]["name"].as_str().unwrap_or_default()
    }

    #[must_use]
    pub fn namespace(&self) -> Option<&str> {
        self.object["metadata"]["namespace"].as_str()
    }

    /// ``Kind `namespace/name` `` for messages.
    #[must_use]
    pub fn display_name(&self) -> String {
        match self.namespace() {
            Some(namespace) => format!("{} `{namespace}/{}`", self.kind(), self.name()),
            None => format!("{} `{}`", self.kind(), self.name()),
        }
    }

    /// Sets one label, creating `metadata.labels` when needed.
    pub fn set_label(&mut self, key: &str, value: &str) {
        let Some(metadata) = self
            .object
            .get_mut("metadata")
            .and_then(Value::as_object_mut)
        else {
            return;
        };
        let labels = metadata
            .entry("labels")
            .or_insert_with(|| Value::Object(serde_json::Map::new()));
        if !labels.is_object() {
            *labels = Value::Object(serde_json::Map::new());
        }
        if let Some(labels) = labels.as_object_mut() {
            labels.insert(key.to_string(), Value::String(value.to_string()));
        }
    }
}

/// istioctl's apply order: CRDs first, then identities and RBAC, webhooks, config, workloads,
/// autoscalers and Services; ties by group, kind and name.
fn kind_rank(group: &str, kind: &str) -> i32 {
    match (group, kind) {
        ("apiextensions.k8s.io", "CustomResourceDefinition") => -1000,
        ("", "ServiceAccount") | ("rbac.authorization.k8s.io", "ClusterRole") => 1,
        ("rbac.authorization.k8s.io", "ClusterRoleBinding") => 2,
        ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration") => 3,
        ("", "ConfigMap" | "Secret") => 100,
        ("autoscaling", "HorizontalPodAutoscaler") => 1001,
        ("", "Service") => 10000,
        _ => 1000,
    }
}

/// Sorts manifests into the stable output order (a stable sort, so equal keys keep render order).
pub fn sort(manifests: &mut [Manifest]) {
    manifests.sort_by(|a, b| {
        (
            kind_rank(a.group(), a.kind()),
            a.group(),
            a.kind(),
            a.name(),
            a.namespace(),
        )
            .cmp(&(
                kind_rank(b.group(), b.kind()),
                b.group(),
                b.kind(),
                b.name(),
                b.namespace(),
            ))
    });
}

/// Writes manifests as one multi-document YAML stream, each object followed by `---`.
#[must_use]
pub fn to_yaml_stream(manifests: &[Manifest]) -> String {
    // Sized for the usual install (about 1 MB with CRDs) so that the text is rarely copied.
    let mut out = String::with_capacity(1 << 20);
    for manifest in manifests {
        crate::yaml::write_value(&mut out, &manifest.object);
        out.push_str("---\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(api_version: &str, kind: &str, name: &str) -> Manifest {
        Manifest {
            component: ComponentName::Base,
            object: json!({"apiVersion": api_version, "kind": kind, "metadata": {"name": name}}),
        }
    }

    #[test]
    fn crds_come_first_and_services_last() {
        let mut manifests = vec![
            object("v1", "Service", "a"),
            object("apps/v1", "Deployment", "b"),
            object("v1", "ConfigMap", "z"),
            object("apiextensions.k8s.io/v1", "CustomResourceDefinition", "y"),
            object("v1", "ServiceAccount", "x"),
            object("v1", "ConfigMap", "c"),
        ];
        sort(&mut manifests);
        let order: Vec<_> = manifests.iter().map(|m| (m.kind(), m.name())).collect();
        assert_eq!(
            order,
            [
                ("CustomResourceDefinition", "y"),
                ("ServiceAccount", "x"),
                ("ConfigMap", "c"),
                ("ConfigMap", "z"),
                ("Deployment", "b"),
                ("Service", "a"),
            ]
        );
    }

    #[test]
    fn display_name_includes_namespace_when_namespaced() {
        let mut manifest = object("apps/v1", "Deployment", "istiod");
        assert_eq!(manifest.display_name(), "Deployment `istiod`");
        manifest.object["metadata"]["namespace"] = json!("istio-system");
        assert_eq!(manifest.display_name(), "Deployment `istio-system/istiod`");
    }
}
