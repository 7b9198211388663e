//! A rendered object plus its identity, ownership labels and the order objects are written in.
//!
//! Objects are held as JSON trees (keys sorted, so output is deterministic) after the typed render:
//! post-processing (`k8s` patches, overlays) and the cluster stages work on trees, as the API server
//! does.
//!
//! One exception keeps `manifest generate` fast: an object whose bulk is fixed text compiled into
//! the binary ([`Embedded`], Istio's CRDs: a megabyte of schema that only their labels change)
//! is held as that text plus its metadata. [`Manifest::object`] builds its tree on first use, so
//! every consumer still sees the whole object; [`to_yaml_stream`] writes the text instead, which
//! is byte for byte what writing the tree gives (a test in `render::base::crds` proves it).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::{Map, Value};

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
#[derive(Debug, Clone)]
pub struct Manifest {
    pub component: ComponentName,
    object: Object,
}

#[derive(Debug, Clone)]
enum Object {
    Tree(Value),
    /// Fixed text plus this render's labels; the tree is built once, when first read.
    Embedded {
        embedded: &'static Embedded,
        labels: Map<String, Value>,
        tree: OnceLock<Value>,
    },
}

/// An object whose bulk is fixed text compiled into the binary. Only its labels vary between
/// renders; its text is what [`crate::yaml::write_value`] writes for the object, split around
/// the `metadata` block.
#[derive(Debug)]
pub struct Embedded {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub name: &'static str,
    pub annotations: &'static [(&'static str, &'static str)],
    /// The document's text before `metadata:` (`apiVersion`, `kind`).
    pub before_metadata: &'static str,
    /// The document's text after the `metadata` block (`spec`).
    pub after_metadata: &'static str,
    /// The whole object as a tree, any labels in it to be replaced.
    pub tree: fn(&Embedded) -> Value,
}

impl Embedded {
    /// `metadata` with the given labels.
    fn metadata(&self, labels: &Map<String, Value>) -> Value {
        let annotations: Map<String, Value> = self
            .annotations
            .iter()
            .map(|(key, value)| ((*key).to_string(), Value::String((*value).to_string())))
            .collect();
        let mut metadata = Map::new();
        if !annotations.is_empty() {
            metadata.insert("annotations".into(), Value::Object(annotations));
        }
        metadata.insert("labels".into(), Value::Object(labels.clone()));
        metadata.insert("name".into(), Value::String(self.name.to_string()));
        Value::Object(metadata)
    }
}

impl PartialEq for Manifest {
    fn eq(&self, other: &Self) -> bool {
        self.component == other.component && self.object() == other.object()
    }
}

impl Manifest {
    /// An object built as a tree.
    #[must_use]
    pub fn new(component: ComponentName, object: Value) -> Self {
        Self {
            component,
            object: Object::Tree(object),
        }
    }

    /// An embedded object with these labels.
    #[must_use]
    pub fn embedded(
        component: ComponentName,
        embedded: &'static Embedded,
        labels: BTreeMap<String, String>,
    ) -> Self {
        Self {
            component,
            object: Object::Embedded {
                embedded,
                labels: labels
                    .into_iter()
                    .map(|(key, value)| (key, Value::String(value)))
                    .collect(),
                tree: OnceLock::new(),
            },
        }
    }

    /// The whole object.
    #[must_use]
    pub fn object(&self) -> &Value {
        match &self.object {
            Object::Tree(tree) => tree,
            Object::Embedded {
                embedded,
                labels,
                tree,
            } => tree.get_or_init(|| {
                let mut object = (embedded.tree)(embedded);
                object["metadata"] = embedded.metadata(labels);
                object
            }),
        }
    }

    /// The whole object, to change it (an embedded object becomes an ordinary tree).
    pub fn object_mut(&mut self) -> &mut Value {
        if let Object::Embedded { .. } = self.object {
            let tree = self.object().clone();
            self.object = Object::Tree(tree);
        }
        match &mut self.object {
            Object::Tree(tree) => tree,
            Object::Embedded { .. } => unreachable!("converted to a tree above"),
        }
    }

    /// The object, taken out of the manifest.
    #[must_use]
    pub fn into_object(mut self) -> Value {
        std::mem::take(self.object_mut())
    }

    /// `apiVersion`, e.g. `apps/v1`.
    #[must_use]
    pub fn api_version(&self) -> &str {
        match &self.object {
            Object::Embedded { embedded, .. } => embedded.api_version,
            Object::Tree(tree) => tree["apiVersion"].as_str().unwrap_or_default(),
        }
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
        match &self.object {
            Object::Embedded { embedded, .. } => embedded.kind,
            Object::Tree(tree) => tree["kind"].as_str().unwrap_or_default(),
        }
    }

    #[must_use]
    pub fn name(&self) -> &str {
        match &self.object {
            Object::Embedded { embedded, .. } => embedded.name,
            Object::Tree(tree) => tree["metadata"]["name"].as_str().unwrap_or_default(),
        }
    }

    #[must_use]
    pub fn namespace(&self) -> Option<&str> {
        match &self.object {
            Object::Embedded { .. } => None,
            Object::Tree(tree) => tree["metadata"]["namespace"].as_str(),
        }
    }

    /// The value of one label, if set.
    #[must_use]
    pub fn label(&self, key: &str) -> Option<&str> {
        match &self.object {
            Object::Embedded { labels, .. } => labels.get(key).and_then(Value::as_str),
            Object::Tree(tree) => tree["metadata"]["labels"][key].as_str(),
        }
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
        let tree = match &mut self.object {
            Object::Embedded { labels, tree, .. } => {
                labels.insert(key.to_string(), Value::String(value.to_string()));
                match tree.get_mut() {
                    Some(tree) => tree,
                    None => return,
                }
            }
            Object::Tree(tree) => tree,
        };
        let Some(metadata) = tree.get_mut("metadata").and_then(Value::as_object_mut) else {
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
        match &manifest.object {
            Object::Tree(tree) => crate::yaml::write_value(&mut out, tree),
            Object::Embedded {
                embedded, labels, ..
            } => {
                out.push_str(embedded.before_metadata);
                let mut metadata = Map::new();
                metadata.insert("metadata".into(), embedded.metadata(labels));
                crate::yaml::write_value(&mut out, &Value::Object(metadata));
                out.push_str(embedded.after_metadata);
            }
        }
        out.push_str("---\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(api_version: &str, kind: &str, name: &str) -> Manifest {
        Manifest::new(
            ComponentName::Base,
            json!({"apiVersion": api_version, "kind": kind, "metadata": {"name": name}}),
        )
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
        manifest.object_mut()["metadata"]["namespace"] = json!("istio-system");
        assert_eq!(manifest.display_name(), "Deployment `istio-system/istiod`");
    }
}
