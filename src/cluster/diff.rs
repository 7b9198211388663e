//! What an install would change, asked of the API server itself.
//!
//! Each rendered object is sent as a server-side apply dry-run, first without `force` (a 409 names
//! the fields another field manager owns: a conflict the plan shows), then with it; the result is
//! compared with the live object, both normalised (server bookkeeping dropped), so server-side
//! defaults never show up as changes. Owned live objects that are no longer rendered are listed as
//! prunes. Secret values are redacted before any text is produced.
//!
//! Nothing is written: every request is a GET, a LIST or a dry-run.

use std::collections::{BTreeSet, HashSet};

use futures::{FutureExt, StreamExt, stream};
use kube::api::{Patch, PatchParams};
use serde::Serialize;
use serde_json::{Map, Value};

use super::discovery::{Catalog, DiscoveryError};
use super::handover::{self, HandedOver};
use super::namespace;
use super::prune::{self, PruneError};
use super::{FIELD_MANAGER, ObjectKey, Ownership, RequestFailed, is_conflict, is_not_found};
use crate::manifest::{self, Manifest};
use crate::render::ComponentName;

/// How many objects are diffed at once.
const CONCURRENCY: usize = 8;

/// What happens to one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Create,
    Change,
    Unchanged,
    Prune,
}

/// A field another manager owns with a different value; applying takes it over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub manager: String,
    pub field: String,
}

/// One object's line in the plan.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectPlan {
    #[serde(flatten)]
    pub key: ObjectKey,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "component_label"
    )]
    pub component: Option<ComponentName>,
    pub action: Action,
    /// Unified diff of live → applied (normalised YAML, secrets redacted); empty when unchanged.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub diff: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// The live object belongs to another revision or owner and would be taken over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub takeover: Option<String>,
    /// Fields left to the controller that took them over (see [`handover`]): not applied.
    #[serde(rename = "handedOver", skip_serializing_if = "Vec::is_empty")]
    pub handed_over: Vec<HandedOver>,
}

// serde's `serialize_with` hands over a reference to the field.
#[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)]
fn component_label<S: serde::Serializer>(
    component: &Option<ComponentName>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(component.map_or("", ComponentName::label))
}

/// Counts per action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub create: usize,
    pub change: usize,
    pub prune: usize,
    pub unchanged: usize,
    pub conflicts: usize,
}

/// The plan: every rendered object's action, then the prunes.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub summary: Summary,
    /// Namespaces the install will create.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_namespaces: Vec<String>,
    /// Kinds not checked for prunable objects (the user may not list them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped_kinds: Vec<String>,
    pub objects: Vec<ObjectPlan>,
    /// Namespaces labelled or unlabelled for injection (`meshctl.io/injection-namespaces`):
    /// not rendered objects, so planned apart ([`super::injection`]). `None`: not planned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub injection: Option<super::injection::InjectionPlan>,
}

impl Plan {
    fn new(
        objects: Vec<ObjectPlan>,
        missing_namespaces: Vec<String>,
        skipped_kinds: Vec<String>,
    ) -> Self {
        let mut summary = Summary::default();
        for object in &objects {
            match object.action {
                Action::Create => summary.create += 1,
                Action::Change => summary.change += 1,
                Action::Unchanged => summary.unchanged += 1,
                Action::Prune => summary.prune += 1,
            }
            summary.conflicts += object.conflicts.len();
        }
        Self {
            summary,
            missing_namespaces,
            skipped_kinds,
            objects,
            injection: None,
        }
    }

    /// Whether applying would change anything in the cluster.
    #[must_use]
    pub fn has_changes(&self) -> bool {
        !self.missing_namespaces.is_empty()
            || self.objects.iter().any(|o| o.action != Action::Unchanged)
            || self
                .injection
                .as_ref()
                .is_some_and(super::injection::InjectionPlan::has_changes)
    }

    /// The action planned for one object (`None` when not in the plan).
    #[must_use]
    pub fn action_of(&self, key: &ObjectKey) -> Option<Action> {
        self.objects
            .iter()
            .find(|o| &o.key == key)
            .map(|o| o.action)
    }

    /// The apply body of a rendered object: what the server does not own, less the fields the
    /// plan found handed over to another controller.
    #[must_use]
    pub fn body_of(&self, manifest: &Manifest) -> Value {
        let mut body = apply_body(manifest.object());
        let key = ObjectKey::from(manifest);
        if let Some(object) = self.objects.iter().find(|o| o.key == key) {
            handover::strip(&mut body, &object.handed_over);
        }
        body
    }

    /// Drops the conflicts with the field managers `taken` says meshctl is taking objects from
    /// (`--take-over-from`): expected, and said once per owner rather than per field.
    pub fn drop_conflicts_with(&mut self, taken: impl Fn(&str) -> bool) {
        for object in &mut self.objects {
            object.conflicts.retain(|c| !taken(&c.manager));
        }
        self.summary.conflicts = self.objects.iter().map(|o| o.conflicts.len()).sum();
    }

    /// The objects to prune.
    #[must_use]
    pub fn prunes(&self) -> Vec<ObjectKey> {
        self.objects
            .iter()
            .filter(|o| o.action == Action::Prune)
            .map(|o| o.key.clone())
            .collect()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    #[error(transparent)]
    Discovery(#[from] DiscoveryError),
    #[error(transparent)]
    Request(#[from] RequestFailed),
    #[error(transparent)]
    Prune(#[from] PruneError),
}

impl DiffError {
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Request(error) => error.hint(),
            Self::Prune(error) => error.hint(),
            Self::Discovery(error) => error.hint(),
        }
    }
}

/// Computes the plan for applying `manifests` as the install `ownership` describes.
pub async fn plan(
    catalog: &Catalog,
    manifests: &[Manifest],
    ownership: &Ownership,
) -> Result<Plan, DiffError> {
    let kinds = prune::kinds_to_scan(false);
    plan_scanning(catalog, manifests, ownership, &kinds).await
}

/// [`plan`], looking for objects to prune among `kinds` only. The operator passes the kinds its
/// RBAC lets it list, rather than trying (and being refused) Secrets on every reconcile.
pub async fn plan_scanning(
    catalog: &Catalog,
    manifests: &[Manifest],
    ownership: &Ownership,
    kinds: &BTreeSet<(String, String)>,
) -> Result<Plan, DiffError> {
    let namespaces: BTreeSet<String> = manifests
        .iter()
        .filter_map(|m| m.namespace().map(str::to_string))
        .collect();
    let missing_namespaces = namespace::missing(catalog, &namespaces).await?;
    let missing: HashSet<&str> = missing_namespaces.iter().map(String::as_str).collect();
    // CRDs rendered but not yet served: their custom resources are planned as creates.
    let rendered_kinds: HashSet<(String, String)> = manifests
        .iter()
        .filter(|m| m.kind() == "CustomResourceDefinition")
        .filter_map(|m| {
            let spec = &m.object()["spec"];
            Some((
                spec["group"].as_str()?.to_string(),
                spec["names"]["kind"].as_str()?.to_string(),
            ))
        })
        .collect();

    // The futures are built and boxed before the first await, so no closure over a borrowed item
    // is part of this future's state: the operator needs it `Send` (rust-lang/rust#102211).
    let requests: Vec<_> = manifests
        .iter()
        .map(|manifest| {
            let namespace_missing = manifest.namespace().is_some_and(|n| missing.contains(n));
            let crd_pending = rendered_kinds
                .contains(&(manifest.group().to_string(), manifest.kind().to_string()));
            plan_object(catalog, manifest, namespace_missing, crd_pending).boxed()
        })
        .collect();
    let results: Vec<Result<ObjectPlan, DiffError>> =
        stream::iter(requests).buffered(CONCURRENCY).collect().await;
    let mut objects = results.into_iter().collect::<Result<Vec<_>, _>>()?;

    let owned = prune::list_owned(catalog, kinds, ownership, &namespaces).await?;
    let rendered: HashSet<ObjectKey> = manifests.iter().map(ObjectKey::from).collect();
    for live in prune::select_prunable(&owned.objects, ownership, &rendered) {
        let mut before = normalise(&live);
        let mut after = Value::Null;
        redact_secret_pair(&mut before, &mut after);
        let key = ObjectKey::of(&live);
        let component = component_of(&live);
        objects.push(ObjectPlan {
            diff: unified(&key, &before, &Value::Null),
            key,
            component,
            action: Action::Prune,
            conflicts: Vec::new(),
            takeover: None,
            handed_over: Vec::new(),
        });
    }
    Ok(Plan::new(objects, missing_namespaces, owned.skipped_kinds))
}

fn component_of(object: &Value) -> Option<ComponentName> {
    let label = object["metadata"]["labels"][manifest::COMPONENT_LABEL].as_str()?;
    ComponentName::ALL.into_iter().find(|c| c.label() == label)
}

async fn plan_object(
    catalog: &Catalog,
    manifest: &Manifest,
    namespace_missing: bool,
    crd_pending: bool,
) -> Result<ObjectPlan, DiffError> {
    let key = ObjectKey::from(manifest);
    let create = |key: ObjectKey| {
        let mut after = normalise(manifest.object());
        let mut before = Value::Null;
        redact_secret_pair(&mut before, &mut after);
        ObjectPlan {
            diff: unified(&key, &Value::Null, &after),
            key,
            component: Some(manifest.component),
            action: Action::Create,
            conflicts: Vec::new(),
            takeover: None,
            handed_over: Vec::new(),
        }
    };
    let resolved = match catalog.resolve(manifest.object()) {
        Ok(resolved) => resolved,
        Err(_) if crd_pending => return Ok(create(key)),
        Err(error) => return Err(error.into()),
    };
    if namespace_missing {
        // Nothing can exist in a namespace that does not, and a dry-run there would fail.
        return Ok(create(key));
    }
    let api = catalog.api(&resolved, key.namespace.as_deref());
    let request_error = |action: &'static str, verb: &str, error| {
        DiffError::from(catalog.object_request_failed(error, action, verb, &key, &resolved))
    };
    // The live object and the dry-run must see the same version of it: a controller that writes
    // it in between (istiod patching a validator's caBundle and failurePolicy while the operator
    // re-plans) would otherwise show its own write as a change of ours, and the apply that follows
    // would revert what it just took over. A few tries, then the last pair as it is.
    let mut attempt = 1;
    let (live, handed_over, dry_run, conflicts) = loop {
        let live = api
            .get_opt(&key.name)
            .await
            .map_err(|e| request_error("get", "get", e))?
            .and_then(|o| serde_json::to_value(o).ok());

        let mut body = apply_body(manifest.object());
        let handed_over = live
            .as_ref()
            .map(|live| handover::hand_over(&mut body, live))
            .unwrap_or_default();
        let params = PatchParams::apply(FIELD_MANAGER).dry_run();
        let (dry_run, conflicts) = match api.patch(&key.name, &params, &Patch::Apply(&body)).await {
            Ok(result) => (result, Vec::new()),
            Err(error) if is_conflict(&error) => {
                let conflicts = parse_conflicts(&error);
                let forced = api
                    .patch(&key.name, &params.clone().force(), &Patch::Apply(&body))
                    .await
                    .map_err(|e| request_error("dry-run apply", "patch", e))?;
                (forced, conflicts)
            }
            Err(error) if is_not_found(&error) && live.is_none() => return Ok(create(key)),
            Err(error) => return Err(request_error("dry-run apply", "patch", error)),
        };
        let dry_run = serde_json::to_value(dry_run).unwrap_or(Value::Null);
        if attempt >= CONSISTENT_READS || same_version(live.as_ref(), &dry_run) {
            break (live, handed_over, dry_run, conflicts);
        }
        tracing::debug!(object = %key, attempt, "changed between read and dry-run; planning it again");
        attempt += 1;
    };
    let Some(live) = live else {
        return Ok(create(key));
    };
    if let Some(owner) = shared_with_another_revision(&live, manifest) {
        // Base's non-CRD objects (the reader ServiceAccount) are shared by every revision. A
        // revisioned install that took them over would delete them on its own uninstall and
        // leave the other revision broken, so it leaves them with their owner.
        return Ok(ObjectPlan {
            diff: String::new(),
            takeover: Some(format!("shared with revision `{owner}`, left as it is")),
            key,
            component: Some(manifest.component),
            action: Action::Unchanged,
            conflicts: Vec::new(),
            handed_over: Vec::new(),
        });
    }
    let mut before = normalise(&live);
    let mut after = normalise(&dry_run);
    redact_secret_pair(&mut before, &mut after);
    let action = if before == after {
        Action::Unchanged
    } else {
        Action::Change
    };
    Ok(ObjectPlan {
        diff: if action == Action::Change {
            unified(&key, &before, &after)
        } else {
            String::new()
        },
        takeover: takeover(&live, manifest.object()),
        key,
        component: Some(manifest.component),
        action,
        conflicts,
        handed_over,
    })
}

/// How many times one object is read and dry-run applied before the plan takes what it has, when
/// another writer keeps changing it in between.
const CONSISTENT_READS: u32 = 4;

/// Whether a dry-run result was made from the version of the object that was read as `live`. A
/// dry-run writes nothing, so it carries the `resourceVersion` of the object it patched; a newly
/// created one (`live` absent) has none to compare.
fn same_version(live: Option<&Value>, dry_run: &Value) -> bool {
    let version = |object: &Value| {
        object["metadata"]["resourceVersion"]
            .as_str()
            .map(str::to_string)
    };
    match live {
        None => true,
        Some(live) => version(live) == version(dry_run),
    }
}

/// The body of a server-side apply: the rendered object without anything the server owns.
#[must_use]
pub fn apply_body(object: &Value) -> Value {
    let mut body = object.clone();
    if let Some(metadata) = body.get_mut("metadata").and_then(Value::as_object_mut) {
        metadata.remove("managedFields");
        metadata.remove("resourceVersion");
    }
    body
}

/// The revision that owns a live Base object a non-default revision also renders, when that
/// object should stay with it. The default revision does take such objects over: it is the one a
/// cluster keeps, so shared objects end up owned by the revision that outlives the others.
fn shared_with_another_revision(live: &Value, manifest: &Manifest) -> Option<String> {
    if manifest.component != ComponentName::Base || manifest.kind() == "CustomResourceDefinition" {
        return None;
    }
    let label = |object: &Value| {
        object["metadata"]["labels"][manifest::REVISION_LABEL]
            .as_str()
            .map(str::to_string)
    };
    let rendered = label(manifest.object())?;
    let owner = label(live)?;
    (rendered != "default" && owner != rendered).then_some(owner)
}

/// When the live object carries another install's labels, says whose. CRDs are shared by every
/// revision and never pruned by one, so their label changing hands is not worth a warning.
fn takeover(live: &Value, rendered: &Value) -> Option<String> {
    if rendered["kind"] == "CustomResourceDefinition" {
        return None;
    }
    let labels = |object: &Value, key: &str| {
        object["metadata"]["labels"][key]
            .as_str()
            .map(str::to_string)
    };
    let live_revision = labels(live, manifest::REVISION_LABEL)?;
    let rendered_revision = labels(rendered, manifest::REVISION_LABEL)?;
    (labels(live, manifest::MANAGED_LABEL).as_deref() == Some("Reconcile")
        && live_revision != rendered_revision)
        .then(|| {
            format!("owned by revision `{live_revision}`, would move to `{rendered_revision}`")
        })
}

/// Reads the fields and managers from a 409 apply conflict: structured causes when the server
/// sends them, else its message (`conflict with "kubectl" using apps/v1: .spec.replicas`).
#[must_use]
pub fn parse_conflicts(error: &kube::Error) -> Vec<Conflict> {
    let kube::Error::Api(status) = error else {
        return Vec::new();
    };
    let manager_of = |text: &str| {
        text.split('"')
            .nth(1)
            .map_or_else(|| "another manager".into(), str::to_string)
    };
    let from_causes: Vec<Conflict> = status
        .details
        .iter()
        .flat_map(|d| &d.causes)
        .filter(|c| !c.field.is_empty())
        .map(|c| Conflict {
            manager: manager_of(&c.message),
            field: c.field.clone(),
        })
        .collect();
    if !from_causes.is_empty() {
        return from_causes;
    }
    parse_conflict_message(&status.message)
}

fn parse_conflict_message(message: &str) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    let mut manager = String::from("another manager");
    for line in message.lines() {
        let line = line.trim();
        if let Some(rest) = line
            .split("conflict with \"")
            .nth(1)
            .or_else(|| line.split("conflicts with \"").nth(1))
        {
            if let Some((name, tail)) = rest.split_once('"') {
                manager = name.to_string();
                if let Some((_, field)) = tail.split_once(": ") {
                    conflicts.push(Conflict {
                        manager: manager.clone(),
                        field: field.trim().to_string(),
                    });
                }
            }
        } else if let Some(field) = line.strip_prefix("- ") {
            conflicts.push(Conflict {
                manager: manager.clone(),
                field: field.to_string(),
            });
        }
    }
    conflicts
}

/// Drops what the server keeps for itself, so that only what a user wrote or the server
/// defaulted is compared.
#[must_use]
pub fn normalise(object: &Value) -> Value {
    let mut object = object.clone();
    if let Some(map) = object.as_object_mut() {
        map.remove("status");
        if let Some(metadata) = map.get_mut("metadata").and_then(Value::as_object_mut) {
            for key in [
                "managedFields",
                "resourceVersion",
                "uid",
                "generation",
                "creationTimestamp",
                "deletionTimestamp",
                "deletionGracePeriodSeconds",
                "selfLink",
            ] {
                metadata.remove(key);
            }
            if let Some(annotations) = metadata
                .get_mut("annotations")
                .and_then(Value::as_object_mut)
            {
                annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
                if annotations.is_empty() {
                    metadata.remove("annotations");
                }
            }
        }
    }
    object
}

/// Replaces Secret values (`data`, `stringData`) in a before/after pair, keeping only whether
/// each key was added, removed or changed, so no diff or plan ever shows a secret.
pub fn redact_secret_pair(before: &mut Value, after: &mut Value) {
    let is_secret = |v: &Value| v["kind"] == "Secret" && v["apiVersion"] == "v1";
    if !is_secret(before) && !is_secret(after) {
        return;
    }
    for field in ["data", "stringData"] {
        let old = before
            .get(field)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let new = after
            .get(field)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let redacted =
            |map: &Map<String, Value>, other: &Map<String, Value>| -> Map<String, Value> {
                map.iter()
                    .map(|(key, value)| {
                        let marker = if other.get(key).is_some_and(|o| o != value) {
                            "(redacted, changed)"
                        } else {
                            "(redacted)"
                        };
                        (key.clone(), Value::String(marker.into()))
                    })
                    .collect()
            };
        if before.get(field).is_some() {
            let mut map = redacted(&old, &new);
            // The old side always reads "(redacted)": only the new side marks a change.
            for value in map.values_mut() {
                *value = Value::String("(redacted)".into());
            }
            before[field] = Value::Object(map);
        }
        if after.get(field).is_some() {
            after[field] = Value::Object(redacted(&new, &old));
        }
    }
}

/// A unified diff of two normalised objects as YAML (`Null` is "absent").
#[must_use]
pub fn unified(key: &ObjectKey, before: &Value, after: &Value) -> String {
    let text = |v: &Value| {
        if v.is_null() {
            String::new()
        } else {
            crate::yaml::to_string(v)
        }
    };
    let (old, new) = (text(before), text(after));
    similar::TextDiff::from_lines(&old, &new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("live {key}"), &format!("applied {key}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_dry_run_of_another_version_than_the_one_read_is_planned_again() {
        let at = |version: &str| json!({"metadata": {"name": "v", "resourceVersion": version}});
        assert!(same_version(Some(&at("41")), &at("41")));
        // istiod wrote the validator between the read and the dry-run.
        assert!(!same_version(Some(&at("41")), &at("42")));
        // Nothing to compare a creation with.
        assert!(same_version(None, &json!({"metadata": {"name": "v"}})));
    }

    #[test]
    fn normalise_drops_server_bookkeeping_only() {
        let live = json!({
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {
                "name": "istio", "namespace": "istio-system",
                "uid": "1", "resourceVersion": "2", "generation": 3,
                "creationTimestamp": "2026-01-01T00:00:00Z",
                "managedFields": [{"manager": "meshctl"}],
                "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{}"},
                "labels": {"a": "b"}
            },
            "data": {"mesh": "x"},
            "status": {"x": 1}
        });
        assert_eq!(
            normalise(&live),
            json!({"apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "istio", "namespace": "istio-system", "labels": {"a": "b"}},
                "data": {"mesh": "x"}})
        );
        let kept = json!({"metadata": {"annotations": {"keep": "me"}}});
        assert_eq!(normalise(&kept), kept);
    }

    #[test]
    fn secrets_are_redacted_but_changes_still_show() {
        let secret = |data: Value| json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}, "data": data});
        let mut before = secret(json!({"same": "c2VjcmV0", "changed": "b2xk", "gone": "eA=="}));
        let mut after = secret(json!({"same": "c2VjcmV0", "changed": "bmV3", "added": "eQ=="}));
        redact_secret_pair(&mut before, &mut after);
        assert_eq!(
            before["data"],
            json!({"same": "(redacted)", "changed": "(redacted)", "gone": "(redacted)"})
        );
        assert_eq!(
            after["data"],
            json!({"same": "(redacted)", "changed": "(redacted, changed)", "added": "(redacted)"})
        );
        let key = ObjectKey::of(&before);
        let text = unified(&key, &before, &after);
        assert!(
            !text.contains("c2VjcmV0") && !text.contains("bmV3"),
            "{text}"
        );
        assert!(text.contains("+  changed: (redacted, changed)"), "{text}");

        let mut created = secret(json!({"token": "c2VjcmV0"}));
        created["stringData"] = json!({"plain": "hunter2"});
        let mut nothing = Value::Null;
        redact_secret_pair(&mut nothing, &mut created);
        assert!(!created.to_string().contains("hunter2"));
        assert!(!created.to_string().contains("c2VjcmV0"));
    }

    #[test]
    fn conflict_messages_name_manager_and_fields() {
        let one = r#"Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas"#;
        assert_eq!(
            parse_conflict_message(one),
            [Conflict {
                manager: "kubectl-edit".into(),
                field: ".spec.replicas".into()
            }]
        );
        let many = "Apply failed with 2 conflicts: conflicts with \"helm\" using v1:\n- .data.mesh\n- .metadata.labels.app";
        let parsed = parse_conflict_message(many);
        assert_eq!(parsed.len(), 2);
        assert!(parsed.iter().all(|c| c.manager == "helm"));
        assert_eq!(parsed[1].field, ".metadata.labels.app");
    }

    #[test]
    fn plan_summary_counts_and_change_detection() {
        let key = |name: &str| ObjectKey {
            group: String::new(),
            kind: "ConfigMap".into(),
            namespace: None,
            name: name.into(),
        };
        let entry = |name: &str, action| ObjectPlan {
            key: key(name),
            component: None,
            action,
            diff: String::new(),
            conflicts: Vec::new(),
            takeover: None,
            handed_over: Vec::new(),
        };
        let plan = Plan::new(
            vec![entry("a", Action::Unchanged), entry("b", Action::Unchanged)],
            Vec::new(),
            Vec::new(),
        );
        assert!(!plan.has_changes());
        let plan = Plan::new(
            vec![entry("a", Action::Create), entry("b", Action::Prune)],
            Vec::new(),
            Vec::new(),
        );
        assert!(plan.has_changes());
        assert_eq!(
            plan.summary,
            Summary {
                create: 1,
                change: 0,
                prune: 1,
                unchanged: 0,
                conflicts: 0
            }
        );
        assert_eq!(plan.prunes(), [key("b")]);
    }

    #[test]
    fn shared_base_objects_stay_with_their_revision() {
        let live = |revision: &str| serde_json::json!({"metadata": {"labels": {"istio.io/rev": revision}}});
        let rendered = |component: ComponentName, kind: &str, revision: &str| {
            Manifest::new(
                component,
                serde_json::json!({
                    "apiVersion": "v1", "kind": kind,
                    "metadata": {"name": "x", "labels": {"istio.io/rev": revision}},
                }),
            )
        };
        let base_sa = |revision| rendered(ComponentName::Base, "ServiceAccount", revision);
        // A canary install leaves the default revision's shared object alone …
        assert_eq!(
            shared_with_another_revision(&live("default"), &base_sa("canary")).as_deref(),
            Some("default")
        );
        // … the default revision takes it back, and an owner keeps managing its own.
        assert!(shared_with_another_revision(&live("canary"), &base_sa("default")).is_none());
        assert!(shared_with_another_revision(&live("canary"), &base_sa("canary")).is_none());
        // Only Base's objects are shared, and CRDs are handled apart.
        let pilot = rendered(ComponentName::Pilot, "ServiceAccount", "canary");
        assert!(shared_with_another_revision(&live("default"), &pilot).is_none());
        let crd = rendered(ComponentName::Base, "CustomResourceDefinition", "canary");
        assert!(shared_with_another_revision(&live("default"), &crd).is_none());
    }

    #[test]
    fn takeover_is_reported_across_revisions() {
        let object = |rev: &str| json!({"metadata": {"labels": {"operator.istio.io/managed": "Reconcile", "istio.io/rev": rev}}});
        assert!(
            takeover(&object("default"), &object("canary"))
                .is_some_and(|t| t.contains("`default`"))
        );
        assert!(takeover(&object("canary"), &object("canary")).is_none());
    }
}
