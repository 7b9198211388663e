//! Finding and deleting owned objects that are no longer wanted: by ownership labels, per kind,
//! never by name.
//!
//! The kinds looked at are every kind meshctl can render plus istioctl's prune list
//! ([`kinds::prunable`]) — whatever this render happens to contain, so that a `NetworkPolicy` an
//! earlier install rendered is found once it is switched off — never CRDs, except for
//! `uninstall --purge`, which asks for them. A kind the user may not list is skipped and
//! reported, not an error: a namespace-scoped user can still install what they may write.
//! Deletion uses foreground propagation, so a Deployment's pods go before it is reported gone.

use std::collections::{BTreeSet, HashSet};
use std::time::{Duration, Instant};

use futures::{FutureExt, StreamExt, TryStreamExt, stream};
use kube::api::{DeleteParams, ListParams};
use serde_json::Value;

use super::discovery::Catalog;
use super::kinds;
use super::{ObjectKey, Ownership, Reporter, RequestFailed, is_not_found};

/// How many requests run at once.
const CONCURRENCY: usize = 8;

#[derive(Debug, thiserror::Error)]
pub enum PruneError {
    #[error(transparent)]
    Request(#[from] RequestFailed),
    #[error("{object} still exists {seconds}s after deletion (finalizers or terminating pods?)")]
    NotGone { object: String, seconds: u64 },
}

impl PruneError {
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Request(error) => error.hint(),
            Self::NotGone { .. } => None,
        }
    }
}

/// Live owned objects found by [`list_owned`], and the kinds that could not be looked at.
#[derive(Debug, Default)]
pub struct Owned {
    pub objects: Vec<Value>,
    /// `Kind` (`reason`) for every kind skipped, e.g. `Secret (forbidden to list)`.
    pub skipped_kinds: Vec<String>,
}

/// The kinds to look at for objects owned by an install ([`kinds::prunable`]: everything meshctl
/// renders and everything on istioctl's list), and CRDs when asked.
#[must_use]
pub fn kinds_to_scan(include_crds: bool) -> BTreeSet<(String, String)> {
    let mut kinds: BTreeSet<(String, String)> =
        kinds::prunable().map(kinds::ManagedKind::key).collect();
    if include_crds {
        kinds.insert(kinds::CRD.key());
    }
    kinds
}

/// Per kind: the objects found, and why the kind was skipped, if it was.
type Listed = (Vec<Value>, Option<String>);

/// Lists every live object of `kinds` that `ownership` selects. Namespaced kinds are listed across
/// all namespaces, falling back to `namespaces` one by one when that is forbidden.
pub async fn list_owned(
    catalog: &Catalog,
    kinds: &BTreeSet<(String, String)>,
    ownership: &Ownership,
    namespaces: &BTreeSet<String>,
) -> Result<Owned, PruneError> {
    let params = ListParams::default().labels(&ownership.label_selector());
    // The futures are built and boxed before the first await, so no closure over a borrowed item
    // is part of this future's state: the operator needs it `Send` (rust-lang/rust#102211).
    let served: Vec<(String, super::discovery::Resolved)> = kinds
        .iter()
        .filter_map(|(group, kind)| {
            catalog
                .find_kind(group, kind)
                .map(|resolved| (kind.clone(), resolved))
        })
        .collect();
    let requests: Vec<_> = served
        .into_iter()
        .map(|(kind, resolved)| {
            let params = params.clone();
            async move {
                let all = catalog.api_all(&resolved);
                match all.list(&params).await {
                    Ok(list) => Ok((to_values(list.items, &resolved), None)),
                    Err(error) => {
                        let error =
                            catalog.request_error(error, "list", &resolved.resource_name(), None);
                        if !error.is_forbidden() {
                            return Err(RequestFailed::new(
                                "list",
                                format!("{kind} objects"),
                                error,
                            )
                            .into());
                        }
                        // Nowhere to look one namespace at a time: not looked at, and said so.
                        if !resolved.namespaced() || namespaces.is_empty() {
                            return Ok((Vec::new(), Some(format!("{kind} (forbidden to list)"))));
                        }
                        let mut found = Vec::new();
                        for namespace in namespaces {
                            match catalog.api(&resolved, Some(namespace)).list(&params).await {
                                Ok(list) => found.extend(to_values(list.items, &resolved)),
                                Err(_) => {
                                    return Ok((
                                        Vec::new(),
                                        Some(format!("{kind} (forbidden to list)")),
                                    ));
                                }
                            }
                        }
                        Ok((found, None))
                    }
                }
            }
            .boxed()
        })
        .collect();
    let results: Vec<Result<Listed, PruneError>> =
        stream::iter(requests).buffered(CONCURRENCY).collect().await;
    let mut owned = Owned::default();
    for result in results {
        let (objects, skipped) = result?;
        owned.objects.extend(objects);
        owned.skipped_kinds.extend(skipped);
    }
    owned.objects.retain(|object| ownership.owns(object));
    owned.objects.sort_by_key(ObjectKey::of);
    Ok(owned)
}

/// Dynamic objects as JSON, with `apiVersion`/`kind` filled in (list items omit them).
fn to_values(
    items: Vec<kube::api::DynamicObject>,
    resolved: &super::discovery::Resolved,
) -> Vec<Value> {
    items
        .into_iter()
        .filter_map(|item| serde_json::to_value(item).ok())
        .map(|mut value| {
            value["apiVersion"] = Value::String(resolved.resource.api_version.clone());
            value["kind"] = Value::String(resolved.resource.kind.clone());
            value
        })
        .collect()
}

/// The live objects an install would prune: owned, not opted out, not rendered any more, never
/// CRDs and never namespaces.
#[must_use]
pub fn select_prunable<S: std::hash::BuildHasher>(
    live: &[Value],
    ownership: &Ownership,
    rendered: &HashSet<ObjectKey, S>,
) -> Vec<Value> {
    live.iter()
        .filter(|object| {
            let key = ObjectKey::of(object);
            let crd = key.group == kinds::CRD.group && key.kind == kinds::CRD.kind;
            let namespace = key.group.is_empty() && key.kind == "Namespace";
            let still_rendered = rendered.contains(&key);
            let opted_out =
                object["metadata"]["labels"][crate::manifest::NOT_PRUNED_LABEL] == "true";
            ownership.owns(object) && !opted_out && !still_rendered && !crd && !namespace
        })
        .cloned()
        .collect()
}

/// Deletion order: webhooks first (so admission never points at a deleted service), then
/// workloads before the identities and configuration they use, CRDs last.
fn deletion_rank(key: &ObjectKey) -> u8 {
    match key.kind.as_str() {
        "MutatingWebhookConfiguration" | "ValidatingWebhookConfiguration" => 0,
        "ValidatingAdmissionPolicyBinding" | "ValidatingAdmissionPolicy" => 1,
        "Deployment" | "DaemonSet" | "HorizontalPodAutoscaler" | "PodDisruptionBudget" => 2,
        "CustomResourceDefinition" => 9,
        _ => 5,
    }
}

/// Orders objects for deletion (see [`deletion_rank`]); stable within a rank.
pub fn sort_for_deletion(objects: &mut [ObjectKey]) {
    objects.sort_by_key(|key| (deletion_rank(key), key.clone()));
}

/// Deletes objects with foreground propagation, rank by rank (objects of one rank at once).
/// With `wait_gone`, waits until each has disappeared (finalizers done, pods gone).
pub async fn delete(
    catalog: &Catalog,
    objects: &[ObjectKey],
    wait_gone: Option<Duration>,
    reporter: &dyn Reporter,
) -> Result<usize, PruneError> {
    let mut ordered = objects.to_vec();
    sort_for_deletion(&mut ordered);
    let mut deleted = 0;
    let mut index = 0;
    while index < ordered.len() {
        let rank = deletion_rank(&ordered[index]);
        let end = ordered[index..]
            .iter()
            .position(|k| deletion_rank(k) != rank)
            .map_or(ordered.len(), |p| index + p);
        let batch = &ordered[index..end];
        // Built before the first await, so the operator's reconcile stays `Send` (see list_owned).
        let deletions: Vec<_> = batch
            .iter()
            .map(|key| delete_one(catalog, key, wait_gone, reporter).boxed())
            .collect();
        let counts: Vec<bool> = stream::iter(deletions)
            .buffer_unordered(CONCURRENCY)
            .try_collect()
            .await?;
        deleted += counts.into_iter().filter(|d| *d).count();
        index = end;
    }
    Ok(deleted)
}

async fn delete_one(
    catalog: &Catalog,
    key: &ObjectKey,
    wait_gone: Option<Duration>,
    reporter: &dyn Reporter,
) -> Result<bool, PruneError> {
    let Some(resolved) = catalog.find_kind(&key.group, &key.kind) else {
        // The kind is gone (its CRD was deleted), and with it every object of that kind.
        return Ok(false);
    };
    let api = catalog.api(&resolved, key.namespace.as_deref());
    let request_error = |error, verb: &'static str| {
        PruneError::from(catalog.object_request_failed(error, verb, verb, key, &resolved))
    };
    match api.delete(&key.name, &DeleteParams::foreground()).await {
        Ok(_) => {}
        Err(error) if is_not_found(&error) => return Ok(false),
        Err(error) => return Err(request_error(error, "delete")),
    }
    if let Some(timeout) = wait_gone {
        let started = Instant::now();
        loop {
            match api.get_opt(&key.name).await {
                Ok(None) => break,
                Ok(Some(_)) if started.elapsed() < timeout => {
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Ok(Some(_)) => {
                    return Err(PruneError::NotGone {
                        object: key.to_string(),
                        seconds: timeout.as_secs(),
                    });
                }
                Err(error) => return Err(request_error(error, "get")),
            }
        }
    }
    reporter.object_deleted(key);
    Ok(true)
}

#[cfg(test)]
#[allow(clippy::needless_pass_by_value)] // fixtures read better taking JSON by value
mod tests {
    use super::*;
    use serde_json::json;

    fn live(kind: &str, name: &str, labels: Value) -> Value {
        let api_version = match kind {
            "Deployment" => "apps/v1",
            "CustomResourceDefinition" => "apiextensions.k8s.io/v1",
            _ => "v1",
        };
        json!({"apiVersion": api_version, "kind": kind,
            "metadata": {"name": name, "namespace": "istio-system", "labels": labels}})
    }

    fn owned(revision: &str) -> Value {
        json!({"operator.istio.io/managed": "Reconcile", "istio.io/rev": revision})
    }

    #[test]
    fn prune_selects_owned_unrendered_objects_only() {
        let objects = vec![
            live("Deployment", "istiod", owned("default")),
            live("Deployment", "istio-egressgateway", owned("default")),
            live("Deployment", "istiod-canary", owned("canary")),
            live("Deployment", "users-app", json!({})),
            live(
                "CustomResourceDefinition",
                "gateways.networking.istio.io",
                owned("default"),
            ),
            live(
                "ConfigMap",
                "kept",
                json!({"operator.istio.io/managed": "Reconcile", "istio.io/rev": "default",
                    "install.operator.istio.io/owning-resource-not-pruned": "true"}),
            ),
        ];
        let rendered: HashSet<ObjectKey> = [ObjectKey::of(&objects[0])].into_iter().collect();
        let pruned = select_prunable(&objects, &Ownership::revision("default"), &rendered);
        let names: Vec<_> = pruned.iter().map(|o| ObjectKey::of(o).name).collect();
        assert_eq!(names, ["istio-egressgateway"]);
    }

    #[test]
    fn scanned_kinds_include_every_renderable_kind_but_crds_only_on_purge() {
        // Found whether or not this render has one: an earlier install may have.
        let kinds = kinds_to_scan(false);
        assert!(kinds.contains(&("networking.k8s.io".into(), "NetworkPolicy".into())));
        assert!(kinds.contains(&(
            "admissionregistration.k8s.io".into(),
            "ValidatingAdmissionPolicy".into()
        )));
        assert!(kinds.contains(&("apps".into(), "Deployment".into())));
        assert!(
            kinds.contains(&(String::new(), "Secret".into())),
            "istioctl's list"
        );
        assert!(
            !kinds
                .iter()
                .any(|(_, k)| k == "CustomResourceDefinition" || k == "Namespace")
        );
        assert!(
            kinds_to_scan(true)
                .iter()
                .any(|(_, k)| k == "CustomResourceDefinition")
        );
    }

    #[test]
    fn webhooks_are_deleted_first_and_crds_last() {
        let key = |group: &str, kind: &str, name: &str| ObjectKey {
            group: group.into(),
            kind: kind.into(),
            namespace: None,
            name: name.into(),
        };
        let mut keys = vec![
            key("apiextensions.k8s.io", "CustomResourceDefinition", "a"),
            key("", "ServiceAccount", "b"),
            key("apps", "Deployment", "c"),
            key(
                "admissionregistration.k8s.io",
                "ValidatingWebhookConfiguration",
                "d",
            ),
        ];
        sort_for_deletion(&mut keys);
        let kinds: Vec<_> = keys.iter().map(|k| k.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "ValidatingWebhookConfiguration",
                "Deployment",
                "ServiceAccount",
                "CustomResourceDefinition"
            ]
        );
    }
}
