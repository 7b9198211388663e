//! Taking over from Istio's own in-cluster operator (Istio ≤ 1.23), which many clusters still
//! run after Istio removed it in 1.24.
//!
//! What it leaves ([`find`]): a Deployment `istio-operator[-REV]` (pods labelled
//! `name=istio-operator`) with its `ServiceAccount`, `Service`, `ClusterRole` and
//! `ClusterRoleBinding` of the same name; `IstioOperator` resources carrying its finalizer
//! [`ISTIO_FINALIZER`]; and its own `istiooperators.install.istio.io` CRD (one served version,
//! `v1alpha1`, a schema that keeps every field).
//!
//! Two controllers on one resource would fight, and Istio's finalizer without Istio's operator
//! keeps a deleted resource forever. So `operator init` refuses while either is there, unless
//! asked to replace it; then, in this order:
//! 1. [`stop`]: Istio's operator is scaled to zero and its pods waited for until gone, then its
//!    Deployment, `Service`, RBAC and `ServiceAccount` are deleted. Nothing it installed is
//!    touched: the mesh keeps running.
//! 2. [`adopt_crd`]: the CRD is replaced by meshctl's (same group, version and storage, so the
//!    stored resources stay readable as they are; fields meshctl's schema does not describe are
//!    dropped from `status` only).
//! 3. [`adopt_resources`]: on each resource, Istio's finalizer is swapped for meshctl's, so that
//!    deleting it still uninstalls the mesh — by the same ownership labels Istio's operator wrote.
//!    A resource in a namespace meshctl's operator does not watch only loses Istio's finalizer
//!    (nothing would ever release meshctl's).
//!
//! The mesh itself is not reinstalled: meshctl's operator finds what Istio's installed by those
//! labels, and a plan without changes writes nothing.

use std::time::{Duration, Instant};

use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::api::{Api, DynamicObject, ListParams, Patch, PatchParams, PostParams};
use serde_json::{Value, json};

use super::deploy::{self, DeployError, Settings};
use super::{CRD_NAME, FINALIZER, GROUP, KIND, PART_OF_LABEL, crd};
use crate::cluster::discovery::Catalog;
use crate::cluster::prune;
use crate::cluster::{ObjectKey, Reporter, RequestFailed};

/// The finalizer Istio's operator put on every `IstioOperator` it reconciled.
pub const ISTIO_FINALIZER: &str = "istio-finalizer.install.istio.io";

/// The name of Istio's operator Deployment (and of its RBAC, `Service`, `ServiceAccount`),
/// `-REV` appended for a revisioned one.
const ISTIO_OPERATOR: &str = "istio-operator";

/// What Istio's operator left in the cluster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Its Deployments, each with the objects that go with it (`ServiceAccount`, `Service`,
    /// `ClusterRole`, `ClusterRoleBinding` of the same name, where they exist).
    pub operators: Vec<IstioOperatorDeployment>,
    /// `IstioOperator` resources carrying [`ISTIO_FINALIZER`].
    pub finalized: Vec<ObjectKey>,
    /// The CRD exists and is not meshctl's (it lacks [`PART_OF_LABEL`]).
    pub foreign_crd: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IstioOperatorDeployment {
    pub deployment: ObjectKey,
    /// Its pods' labels (the Deployment's `matchLabels`), to wait until they are gone.
    pub selector: String,
    pub related: Vec<ObjectKey>,
}

impl Found {
    /// Istio's operator runs, or its finalizer is on resources: taking over needs consent.
    #[must_use]
    pub fn needs_replacing(&self) -> bool {
        !self.operators.is_empty() || !self.finalized.is_empty()
    }

    /// Everything found, one object a line, for the refusal and the plan.
    #[must_use]
    pub fn describe(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .operators
            .iter()
            .map(|o| format!("{} (Istio's operator)", o.deployment))
            .collect();
        lines.extend(
            self.finalized
                .iter()
                .map(|k| format!("{k} with finalizer `{ISTIO_FINALIZER}`")),
        );
        if self.foreign_crd {
            lines.push(format!(
                "CustomResourceDefinition `{CRD_NAME}` (Istio's, not meshctl's)"
            ));
        }
        lines
    }
}

fn key(group: &str, kind: &str, namespace: Option<&str>, name: &str) -> ObjectKey {
    ObjectKey {
        group: group.to_string(),
        kind: kind.to_string(),
        namespace: namespace.map(str::to_string),
        name: name.to_string(),
    }
}

async fn list(
    catalog: &Catalog,
    group: &str,
    kind: &str,
    namespace: Option<&str>,
    params: &ListParams,
) -> Result<Vec<DynamicObject>, DeployError> {
    let Some(resolved) = catalog.find_kind(group, kind) else {
        return Ok(Vec::new());
    };
    let api = match namespace {
        Some(namespace) => catalog.api(&resolved, Some(namespace)),
        None => catalog.api_all(&resolved),
    };
    let list = api.list(params).await.map_err(|error| {
        RequestFailed::new(
            "list",
            format!("{kind} objects"),
            catalog.request_error(error, "list", &resolved.resource_name(), namespace),
        )
    })?;
    Ok(list.items)
}

/// Istio's operator Deployment is the one whose pods are selected by `name=istio-operator` (its
/// chart's fixed selector), named `istio-operator` or `istio-operator-REV`.
fn is_istio_operator(deployment: &Value) -> bool {
    let name = deployment["metadata"]["name"].as_str().unwrap_or_default();
    let named = name == ISTIO_OPERATOR || name.starts_with("istio-operator-");
    named && deployment["spec"]["selector"]["matchLabels"]["name"] == ISTIO_OPERATOR
}

/// Banzai Cloud's operator, still running: `StatefulSet`s and `Deployment`s with the
/// `control-plane=controller-manager` selector label of its chart whose containers run a
/// `banzaicloud/istio-operator` image, scaled above zero. Named as `Kind namespace/name`.
pub async fn find_banzai_operators(catalog: &Catalog) -> Result<Vec<String>, DeployError> {
    let params = ListParams::default().labels("control-plane=controller-manager");
    let mut found = Vec::new();
    for kind in ["StatefulSet", "Deployment"] {
        for workload in list(catalog, "apps", kind, None, &params).await? {
            let value = serde_json::to_value(&workload).unwrap_or_default();
            if is_banzai_operator(&value) {
                found.push(format!(
                    "{kind} {}/{}",
                    workload.metadata.namespace.unwrap_or_default(),
                    workload.metadata.name.unwrap_or_default()
                ));
            }
        }
    }
    Ok(found)
}

fn is_banzai_operator(workload: &Value) -> bool {
    let scaled_down = workload["spec"]["replicas"].as_i64() == Some(0);
    let runs_it = workload["spec"]["template"]["spec"]["containers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["image"].as_str())
        .any(|image| image.contains("banzaicloud/istio-operator"));
    runs_it && !scaled_down
}

/// Looks for Istio's operator: `istio-operator` Deployments in any namespace and revisioned ones
/// in `operator_namespace`, resources with its finalizer, and a CRD that is not meshctl's.
pub async fn find(catalog: &Catalog, operator_namespace: &str) -> Result<Found, DeployError> {
    let mut found = Found::default();
    let mut deployments = list(
        catalog,
        "apps",
        "Deployment",
        None,
        &ListParams::default().fields(&format!("metadata.name={ISTIO_OPERATOR}")),
    )
    .await?;
    deployments.extend(
        list(
            catalog,
            "apps",
            "Deployment",
            Some(operator_namespace),
            &ListParams::default(),
        )
        .await?,
    );
    let mut seen = std::collections::BTreeSet::new();
    for deployment in deployments {
        let value = serde_json::to_value(&deployment).unwrap_or_default();
        if !is_istio_operator(&value) {
            continue;
        }
        let namespace = deployment.metadata.namespace.clone().unwrap_or_default();
        let name = deployment.metadata.name.clone().unwrap_or_default();
        if !seen.insert((namespace.clone(), name.clone())) {
            continue;
        }
        let selector = value["spec"]["selector"]["matchLabels"]
            .as_object()
            .map(|labels| {
                labels
                    .iter()
                    .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or_default()))
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .unwrap_or_default();
        found.operators.push(IstioOperatorDeployment {
            deployment: key("apps", "Deployment", Some(&namespace), &name),
            selector,
            related: related(catalog, &namespace, &name).await?,
        });
    }
    if catalog.find_kind(GROUP, KIND).is_some() {
        for resource in list(catalog, GROUP, KIND, None, &ListParams::default()).await? {
            if resource
                .metadata
                .finalizers
                .iter()
                .flatten()
                .any(|f| f == ISTIO_FINALIZER)
            {
                found.finalized.push(key(
                    GROUP,
                    KIND,
                    resource.metadata.namespace.as_deref(),
                    &resource.metadata.name.clone().unwrap_or_default(),
                ));
            }
        }
        let crd_key = key(
            "apiextensions.k8s.io",
            "CustomResourceDefinition",
            None,
            CRD_NAME,
        );
        if let Some(crds) = catalog.find_kind(&crd_key.group, &crd_key.kind)
            && let Some(live) = deploy::get(catalog, &crd_key, &crds).await?
        {
            found.foreign_crd = live
                .metadata
                .labels
                .as_ref()
                .and_then(|l| l.get(PART_OF_LABEL.0))
                .is_none_or(|v| v != PART_OF_LABEL.1);
        }
    }
    found.finalized.sort();
    Ok(found)
}

/// The objects of Istio's operator chart that go with its Deployment `namespace/name`: the
/// `ServiceAccount` and `Service` of that name, and the `ClusterRoleBinding` of that name when it
/// binds that service account, with the `ClusterRole` it grants.
async fn related(
    catalog: &Catalog,
    namespace: &str,
    name: &str,
) -> Result<Vec<ObjectKey>, DeployError> {
    let mut related = Vec::new();
    for candidate in [
        key("", "ServiceAccount", Some(namespace), name),
        key("", "Service", Some(namespace), name),
    ] {
        if exists(catalog, &candidate).await?.is_some() {
            related.push(candidate);
        }
    }
    let binding = key(
        "rbac.authorization.k8s.io",
        "ClusterRoleBinding",
        None,
        name,
    );
    if let Some(live) = exists(catalog, &binding).await? {
        let value = serde_json::to_value(&live).unwrap_or_default();
        let binds_it = value["subjects"].as_array().into_iter().flatten().any(|s| {
            s["kind"] == "ServiceAccount" && s["name"] == name && s["namespace"] == namespace
        });
        if binds_it {
            related.push(binding);
            let role = value["roleRef"]["name"].as_str().unwrap_or_default();
            let role = key("rbac.authorization.k8s.io", "ClusterRole", None, role);
            if role.name == name && exists(catalog, &role).await?.is_some() {
                related.push(role);
            }
        }
    }
    Ok(related)
}

async fn exists(catalog: &Catalog, key: &ObjectKey) -> Result<Option<DynamicObject>, DeployError> {
    let Some(resolved) = catalog.find_kind(&key.group, &key.kind) else {
        return Ok(None);
    };
    Ok(deploy::get(catalog, key, &resolved).await?)
}

/// Stops Istio's operator for good: scaled to zero, its pods waited for until gone (so it can no
/// longer act on anything), then its Deployment and the objects that go with it deleted.
/// Returns how many objects went.
pub async fn stop(
    catalog: &Catalog,
    found: &Found,
    timeout: Duration,
    reporter: &dyn Reporter,
) -> Result<usize, DeployError> {
    let mut deleted = 0;
    for operator in &found.operators {
        let key = &operator.deployment;
        let Some(resolved) = catalog.find_kind(&key.group, &key.kind) else {
            continue;
        };
        let namespace = key.namespace.as_deref();
        catalog
            .api(&resolved, namespace)
            .patch(
                &key.name,
                &PatchParams::default(),
                &Patch::Merge(&json!({"spec": {"replicas": 0}})),
            )
            .await
            .map_err(|error| {
                catalog.object_request_failed(error, "scale down", "patch", key, &resolved)
            })?;
        reporter.step(&format!("  {key} scaled to 0"));
        let started = Instant::now();
        loop {
            let pods = list(
                catalog,
                "",
                "Pod",
                namespace,
                &ListParams::default().labels(&operator.selector),
            )
            .await?;
            if pods.is_empty() {
                break;
            }
            if started.elapsed() > timeout {
                return Err(DeployError::IstioOperatorStillRunning {
                    deployment: key.to_string(),
                    pods: pods.len(),
                    timeout,
                });
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let mut keys = vec![key.clone()];
        keys.extend(operator.related.iter().cloned());
        deleted += prune::delete(catalog, &keys, Some(timeout), reporter)
            .await
            .map_err(DeployError::Remove)?;
    }
    Ok(deleted)
}

/// Replaces Istio's CRD by meshctl's in one update, so that nothing of Istio's schema lingers
/// beside meshctl's (a server-side apply would leave the fields it does not set, such as the
/// schema's top-level `x-kubernetes-preserve-unknown-fields`). The group, version and storage
/// version are the same, so every stored resource stays as it is.
pub async fn adopt_crd(catalog: &Catalog) -> Result<(), DeployError> {
    let crd_key = key(
        "apiextensions.k8s.io",
        "CustomResourceDefinition",
        None,
        CRD_NAME,
    );
    let Some(resolved) = catalog.find_kind(&crd_key.group, &crd_key.kind) else {
        return Ok(());
    };
    let Some(live) = deploy::get(catalog, &crd_key, &resolved).await? else {
        return Ok(());
    };
    let mut wanted = crd::custom_resource_definition();
    wanted.metadata.resource_version = live.metadata.resource_version.clone();
    Api::<CustomResourceDefinition>::all(catalog.client().clone())
        .replace(CRD_NAME, &PostParams::default(), &wanted)
        .await
        .map_err(|error| {
            catalog.object_request_failed(error, "replace", "update", &crd_key, &resolved)
        })?;
    Ok(())
}

/// What happened to one resource that carried Istio's finalizer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adopted {
    pub resource: ObjectKey,
    /// In a watched namespace: meshctl's finalizer replaced Istio's. Otherwise Istio's was only
    /// removed.
    pub watched: bool,
}

/// Swaps Istio's finalizer for meshctl's on every resource that carried it.
pub async fn adopt_resources(
    catalog: &Catalog,
    found: &Found,
    settings: &Settings,
) -> Result<Vec<Adopted>, DeployError> {
    let mut adopted = Vec::new();
    for resource in &found.finalized {
        let watched = resource
            .namespace
            .as_ref()
            .is_some_and(|n| settings.watched_namespaces.contains(n));
        deploy::rewrite_finalizers(
            catalog,
            resource,
            "replace Istio's finalizer on",
            |finalizers| {
                let at = finalizers.iter().position(|f| f == ISTIO_FINALIZER);
                finalizers.retain(|f| f != ISTIO_FINALIZER);
                if watched && !finalizers.iter().any(|f| f == FINALIZER) {
                    // Where Istio's was, so that the order of other finalizers is kept.
                    finalizers.insert(
                        at.unwrap_or(finalizers.len()).min(finalizers.len()),
                        FINALIZER.to_string(),
                    );
                }
            },
        )
        .await?;
        adopted.push(Adopted {
            resource: resource.clone(),
            watched,
        });
    }
    Ok(adopted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn istios_operator_is_recognised_by_name_and_selector() {
        let deployment = |name: &str, selector: &str| {
            json!({"metadata": {"name": name},
                "spec": {"selector": {"matchLabels": {"name": selector}}}})
        };
        assert!(is_istio_operator(&deployment(
            "istio-operator",
            "istio-operator"
        )));
        assert!(is_istio_operator(&deployment(
            "istio-operator-1-23",
            "istio-operator"
        )));
        assert!(!is_istio_operator(&deployment(
            "istio-operator",
            "something-else"
        )));
        assert!(!is_istio_operator(&deployment(
            "meshctl-operator",
            "istio-operator"
        )));
    }

    #[test]
    fn what_was_found_is_named() {
        let found = Found {
            operators: vec![IstioOperatorDeployment {
                deployment: key(
                    "apps",
                    "Deployment",
                    Some("istio-operator"),
                    "istio-operator",
                ),
                selector: "name=istio-operator".into(),
                related: Vec::new(),
            }],
            finalized: vec![key(GROUP, KIND, Some("istio-system"), "example")],
            foreign_crd: true,
        };
        assert!(found.needs_replacing());
        assert_eq!(
            found.describe(),
            [
                "Deployment `istio-operator/istio-operator` (Istio's operator)",
                "IstioOperator `istio-system/example` with finalizer `istio-finalizer.install.istio.io`",
                "CustomResourceDefinition `istiooperators.install.istio.io` (Istio's, not meshctl's)",
            ]
        );
        let crd_only = Found {
            foreign_crd: true,
            ..Found::default()
        };
        assert!(!crd_only.needs_replacing(), "a CRD alone runs nothing");
    }
}
