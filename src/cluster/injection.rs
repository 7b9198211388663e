//! Namespaces labelled for sidecar injection by the `meshctl.io/injection-namespaces` annotation
//! ([`crate::switches`]): planned, applied and released here, for `install`, `uninstall` and the
//! operator alike.
//!
//! Ownership is recorded on the namespace itself, in two annotations: [`OWNER_ANNOTATION`]
//! (`<IstioOperator namespace>/<name>`) and [`LABEL_ANNOTATION`] (the `key=value` meshctl set).
//! meshctl only ever removes a label that both annotations say it set and that still has the value
//! it set; a namespace that already carries an injection label it did not set is left alone and
//! reported. Namespaces are never created or deleted here.
//!
//! Writes are JSON merge patches of `metadata.labels` and `metadata.annotations` (verb `patch`).

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::Namespace;
use kube::api::{Api, ListParams, Patch, PatchParams};
use serde::Serialize;
use serde_json::{Value, json};

use super::discovery::Catalog;
use super::{FIELD_MANAGER, RequestFailed};
use crate::switches::{self, Switches};

/// Annotation on a namespace: which `IstioOperator` set its injection label.
pub const OWNER_ANNOTATION: &str = "meshctl.io/injection-label-owner";
/// Annotation on a namespace: the injection label meshctl set, as `key=value`.
pub const LABEL_ANNOTATION: &str = "meshctl.io/injection-label";

/// The labels that turn injection on, whoever set them.
const INJECTION_LABELS: [&str; 2] = ["istio-injection", "istio.io/rev"];

/// What one `IstioOperator` wants labelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Desired {
    /// `<namespace>/<name>` of the `IstioOperator`.
    pub owner: String,
    pub label: (String, String),
    pub namespaces: Vec<String>,
}

impl Desired {
    /// From a merged `IstioOperator` tree. An unnamed resource (a CLI file without
    /// `metadata.name`) is owned as `installed-state`, istioctl's name for its install record.
    pub fn of(merged: &Value, revision: Option<&str>) -> Result<Self, switches::SwitchError> {
        let switches = Switches::of(merged)?;
        let text = |value: &Value, default: &str| {
            value
                .as_str()
                .filter(|t| !t.is_empty())
                .unwrap_or(default)
                .to_string()
        };
        let owner = format!(
            "{}/{}",
            text(&merged["metadata"]["namespace"], "istio-system"),
            text(&merged["metadata"]["name"], "installed-state")
        );
        let (key, value) = switches::injection_label(revision);
        Ok(Self {
            owner,
            label: (key.to_string(), value),
            namespaces: switches.injection_namespaces,
        })
    }

    fn label_text(&self) -> String {
        format!("{}={}", self.label.0, self.label.1)
    }
}

/// What applying [`Desired`] would do, namespace by namespace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InjectionPlan {
    /// The label meshctl sets, `key=value`.
    pub label: String,
    /// Listed namespaces to label.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub label_added: Vec<String>,
    /// Namespaces whose label (ours) goes: taken off the list.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub label_removed: Vec<String>,
    /// Listed and already labelled by us.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unchanged: Vec<String>,
    /// Listed but not in the cluster (the operator labels them when they appear).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// Listed, but carrying an injection label meshctl did not set: left alone.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub user_labelled: BTreeMap<String, String>,
}

impl InjectionPlan {
    #[must_use]
    pub fn has_changes(&self) -> bool {
        !self.label_added.is_empty() || !self.label_removed.is_empty()
    }

    /// Plan lines for people: `+ label namespace ...`.
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for name in &self.label_added {
            lines.push(format!("+ Namespace `{name}`: label {}", self.label));
        }
        for name in &self.label_removed {
            lines.push(format!("- Namespace `{name}`: remove label meshctl set"));
        }
        for name in &self.missing {
            lines.push(format!(
                "! Namespace `{name}` is listed for injection but does not exist: not labelled"
            ));
        }
        for (name, label) in &self.user_labelled {
            lines.push(format!(
                "! Namespace `{name}` already carries {label}, set by someone else: left alone"
            ));
        }
        lines
    }
}

fn failed(
    action: &'static str,
    what: &str,
    catalog: &Catalog,
    verb: &str,
    error: kube::Error,
) -> RequestFailed {
    RequestFailed::new(
        action,
        what,
        catalog.request_error(error, verb, "namespaces", None),
    )
}

async fn list(catalog: &Catalog) -> Result<Vec<Namespace>, RequestFailed> {
    let api: Api<Namespace> = Api::all(catalog.client().clone());
    api.list(&ListParams::default())
        .await
        .map(|list| list.items)
        .map_err(|e| failed("list", "Namespace objects", catalog, "list", e))
}

/// Plans [`Desired`] against the given namespaces.
#[must_use]
pub fn plan_against(desired: &Desired, namespaces: &[Namespace]) -> InjectionPlan {
    let mut plan = InjectionPlan {
        label: desired.label_text(),
        ..InjectionPlan::default()
    };
    let by_name: BTreeMap<&str, &Namespace> = namespaces
        .iter()
        .filter_map(|n| Some((n.metadata.name.as_deref()?, n)))
        .collect();
    for name in &desired.namespaces {
        let Some(namespace) = by_name.get(name.as_str()) else {
            plan.missing.push(name.clone());
            continue;
        };
        if owned_by(namespace, &desired.owner) {
            if recorded_label(namespace).as_deref() == Some(desired.label_text().as_str())
                && has_label(namespace, &desired.label.0, &desired.label.1)
            {
                plan.unchanged.push(name.clone());
            } else {
                // Ours, but for another revision (or the value was lost): relabel.
                plan.label_added.push(name.clone());
            }
        } else if let Some(label) = injection_label_of(namespace) {
            plan.user_labelled.insert(name.clone(), label);
        } else {
            plan.label_added.push(name.clone());
        }
    }
    for (name, namespace) in &by_name {
        if owned_by(namespace, &desired.owner) && !desired.namespaces.iter().any(|n| n == name) {
            plan.label_removed.push((*name).to_string());
        }
    }
    plan
}

/// Plans [`Desired`] against the cluster.
pub async fn plan(catalog: &Catalog, desired: &Desired) -> Result<InjectionPlan, RequestFailed> {
    Ok(plan_against(desired, &list(catalog).await?))
}

/// Applies a plan: labels what it adds, removes our labels from what it removes.
pub async fn apply(
    catalog: &Catalog,
    desired: &Desired,
    plan: &InjectionPlan,
) -> Result<usize, RequestFailed> {
    let namespaces = list(catalog).await?;
    for name in &plan.label_added {
        // A relabel (another revision) drops the label set before.
        let mut labels = serde_json::Map::new();
        if let Some(previous) = namespaces
            .iter()
            .find(|n| n.metadata.name.as_deref() == Some(name))
            .and_then(recorded_label)
            && let Some((key, _)) = previous.split_once('=')
        {
            labels.insert(key.to_string(), Value::Null);
        }
        labels.insert(
            desired.label.0.clone(),
            Value::String(desired.label.1.clone()),
        );
        let patch = json!({"metadata": {
            "labels": labels,
            "annotations": {
                OWNER_ANNOTATION: desired.owner,
                LABEL_ANNOTATION: desired.label_text(),
            },
        }});
        merge_patch(catalog, name, &patch).await?;
    }
    for name in &plan.label_removed {
        if let Some(namespace) = namespaces
            .iter()
            .find(|n| n.metadata.name.as_deref() == Some(name))
        {
            release_one(catalog, namespace).await?;
        }
    }
    Ok(plan.label_added.len() + plan.label_removed.len())
}

/// Which namespaces an uninstall releases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Release {
    /// Those one `IstioOperator` labelled (`uninstall -f`, the operator's deletion).
    Owner(String),
    /// Those labelled for one revision, by any owner (`uninstall -r`).
    Revision(String),
    /// Every label meshctl set (`uninstall --purge`).
    Everything,
}

/// Removes the labels meshctl set on the namespaces `which` selects; returns their names.
pub async fn release(catalog: &Catalog, which: &Release) -> Result<Vec<String>, RequestFailed> {
    let mut released = Vec::new();
    for namespace in list(catalog).await? {
        let Some(owner) = annotation(&namespace, OWNER_ANNOTATION) else {
            continue;
        };
        let selected = match which {
            Release::Owner(wanted) => owner == *wanted,
            Release::Revision(revision) => {
                let (key, value) = switches::injection_label(Some(revision));
                recorded_label(&namespace).as_deref() == Some(format!("{key}={value}").as_str())
            }
            Release::Everything => true,
        };
        if selected {
            release_one(catalog, &namespace).await?;
            released.extend(namespace.metadata.name.clone());
        }
    }
    Ok(released)
}

/// Removes our annotations, and our label if it still has the value we set (a value the user
/// changed is theirs now).
async fn release_one(catalog: &Catalog, namespace: &Namespace) -> Result<(), RequestFailed> {
    let name = namespace.metadata.name.clone().unwrap_or_default();
    let mut labels = serde_json::Map::new();
    if let Some(recorded) = recorded_label(namespace)
        && let Some((key, value)) = recorded.split_once('=')
        && has_label(namespace, key, value)
    {
        labels.insert(key.to_string(), Value::Null);
    }
    let patch = json!({"metadata": {
        "labels": labels,
        "annotations": {OWNER_ANNOTATION: null, LABEL_ANNOTATION: null},
    }});
    merge_patch(catalog, &name, &patch).await
}

async fn merge_patch(catalog: &Catalog, name: &str, patch: &Value) -> Result<(), RequestFailed> {
    let api: Api<Namespace> = Api::all(catalog.client().clone());
    let params = PatchParams {
        field_manager: Some(FIELD_MANAGER.to_string()),
        ..PatchParams::default()
    };
    api.patch(name, &params, &Patch::Merge(patch))
        .await
        .map(|_| ())
        .map_err(|e| failed("patch", &format!("Namespace `{name}`"), catalog, "patch", e))
}

fn annotation(namespace: &Namespace, key: &str) -> Option<String> {
    namespace.metadata.annotations.as_ref()?.get(key).cloned()
}

fn owned_by(namespace: &Namespace, owner: &str) -> bool {
    annotation(namespace, OWNER_ANNOTATION).as_deref() == Some(owner)
}

fn recorded_label(namespace: &Namespace) -> Option<String> {
    annotation(namespace, LABEL_ANNOTATION)
}

fn has_label(namespace: &Namespace, key: &str, value: &str) -> bool {
    namespace
        .metadata
        .labels
        .as_ref()
        .and_then(|l| l.get(key))
        .is_some_and(|v| v == value)
}

/// The injection label a namespace carries, as `key=value`.
fn injection_label_of(namespace: &Namespace) -> Option<String> {
    let labels = namespace.metadata.labels.as_ref()?;
    INJECTION_LABELS
        .iter()
        .find_map(|key| labels.get(*key).map(|value| format!("{key}={value}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn namespace(name: &str, labels: &[(&str, &str)], annotations: &[(&str, &str)]) -> Namespace {
        let map = |pairs: &[(&str, &str)]| {
            Some(
                pairs
                    .iter()
                    .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
                    .collect(),
            )
        };
        Namespace {
            metadata: kube::api::ObjectMeta {
                name: Some(name.into()),
                labels: map(labels),
                annotations: map(annotations),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    fn desired(namespaces: &[&str]) -> Desired {
        Desired {
            owner: "istio-system/mesh".into(),
            label: ("istio-injection".into(), "enabled".into()),
            namespaces: namespaces.iter().map(|n| (*n).to_string()).collect(),
        }
    }

    const OURS: [(&str, &str); 2] = [
        (OWNER_ANNOTATION, "istio-system/mesh"),
        (LABEL_ANNOTATION, "istio-injection=enabled"),
    ];

    #[test]
    fn listed_namespaces_are_labelled_unlisted_ours_released_others_left() {
        let cluster = [
            namespace("new", &[], &[]),
            namespace("done", &[("istio-injection", "enabled")], &OURS),
            namespace("dropped", &[("istio-injection", "enabled")], &OURS),
            namespace("by-hand", &[("istio.io/rev", "canary")], &[]),
            namespace("by-hand-unlisted", &[("istio-injection", "enabled")], &[]),
            namespace(
                "someone-elses",
                &[("istio-injection", "enabled")],
                &[(OWNER_ANNOTATION, "other/iop")],
            ),
        ];
        let plan = plan_against(&desired(&["new", "done", "by-hand", "absent"]), &cluster);
        assert_eq!(plan.label_added, ["new"]);
        assert_eq!(plan.unchanged, ["done"]);
        assert_eq!(plan.label_removed, ["dropped"]);
        assert_eq!(plan.missing, ["absent"]);
        assert_eq!(
            plan.user_labelled,
            BTreeMap::from([("by-hand".to_string(), "istio.io/rev=canary".to_string())])
        );
        assert!(plan.has_changes());
        // Emptied: only ours go.
        let emptied = plan_against(&desired(&[]), &cluster);
        assert_eq!(emptied.label_removed, ["done", "dropped"]);
        assert!(emptied.label_added.is_empty());
    }

    #[test]
    fn a_revision_change_relabels_our_namespaces() {
        let cluster = [namespace("done", &[("istio-injection", "enabled")], &OURS)];
        let mut canary = desired(&["done"]);
        canary.label = ("istio.io/rev".into(), "canary".into());
        assert_eq!(plan_against(&canary, &cluster).label_added, ["done"]);
    }

    #[test]
    fn the_owner_defaults_to_istioctls_install_record() {
        let desired = Desired::of(
            &json!({"metadata": {"annotations": {
                switches::INJECTION_NAMESPACES_ANNOTATION: "a"}}}),
            Some("canary"),
        )
        .expect("valid");
        assert_eq!(desired.owner, "istio-system/installed-state");
        assert_eq!(desired.label_text(), "istio.io/rev=canary");
        assert_eq!(desired.namespaces, ["a"]);
    }
}
