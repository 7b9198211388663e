//! What Istio runs in a cluster, read from the live objects (no istiod needed): each control-plane
//! revision with the release it runs, and how many pods run a sidecar of each release, per
//! revision. `meshctl version` prints it; `precheck` can judge an upgrade by it.
//!
//! A control plane is an istiod `Deployment` (`app=istiod`), whoever installed it (istioctl,
//! meshctl, Helm); its release is its `operator.istio.io/version` label, else its image tag. A
//! data-plane pod is one with an `istio-proxy` container (or native sidecar); its release is that
//! container's image tag, its revision the pod's `istio.io/rev` label.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{Container, Pod};
use kube::api::{Api, ListParams};
use serde::Serialize;

use super::RequestFailed;
use super::discovery::Catalog;
use crate::manifest;

/// One istiod revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ControlPlane {
    pub namespace: String,
    /// `default` for the unrevisioned one.
    pub revision: String,
    /// The Istio version it runs (`1.30.3`), `None` where neither label nor image says.
    pub version: Option<String>,
    /// Ready replicas of its Deployment.
    pub ready: i32,
}

/// Sidecars of one release, injected by one revision.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct DataPlane {
    pub revision: String,
    pub version: String,
    pub pods: usize,
}

/// Everything [`read`] found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Inventory {
    pub control_planes: Vec<ControlPlane>,
    pub data_plane: Vec<DataPlane>,
}

/// The tag of an image reference (`docker.io/istio/proxyv2:1.30.3` → `1.30.3`), without a digest.
#[must_use]
pub fn image_tag(image: &str) -> Option<&str> {
    let image = image.split('@').next().unwrap_or(image);
    let last = image.rsplit('/').next().unwrap_or(image);
    last.split_once(':')
        .map(|(_, tag)| tag)
        .filter(|t| !t.is_empty())
}

/// A pod's injected proxy: a native sidecar (an init container that keeps running) or a
/// container named `istio-proxy`.
#[must_use]
pub fn proxy(pod: &Pod) -> Option<&Container> {
    let spec = pod.spec.as_ref()?;
    spec.init_containers
        .iter()
        .flatten()
        .chain(spec.containers.iter())
        .find(|c| c.name == "istio-proxy")
}

/// Reads the control planes and the data plane of the whole cluster.
pub async fn read(catalog: &Catalog) -> Result<Inventory, RequestFailed> {
    let client = catalog.client().clone();
    let deployments: Api<Deployment> = Api::all(client.clone());
    let list = deployments
        .list(&ListParams::default().labels("app=istiod"))
        .await
        .map_err(|e| {
            RequestFailed::new(
                "list",
                "Deployment objects",
                catalog.request_error(e, "list", "deployments.apps", None),
            )
        })?;
    let mut control_planes: Vec<ControlPlane> = list
        .items
        .iter()
        .map(|deployment| {
            let labels = deployment.metadata.labels.clone().unwrap_or_default();
            let image_version = deployment
                .spec
                .template
                .spec
                .as_ref()
                .and_then(|s| s.containers.iter().find(|c| c.name == "discovery"))
                .and_then(|c| c.image.as_deref())
                .and_then(image_tag)
                .map(str::to_string);
            ControlPlane {
                namespace: deployment.metadata.namespace.clone().unwrap_or_default(),
                revision: labels
                    .get(manifest::REVISION_LABEL)
                    .cloned()
                    .unwrap_or_else(|| "default".into()),
                version: labels
                    .get(manifest::VERSION_LABEL)
                    .cloned()
                    .or(image_version),
                ready: deployment
                    .status
                    .as_ref()
                    .and_then(|s| s.ready_replicas)
                    .unwrap_or(0),
            }
        })
        .collect();
    control_planes.sort_by(|a, b| (&a.namespace, &a.revision).cmp(&(&b.namespace, &b.revision)));

    let pods: Api<Pod> = Api::all(client);
    let list = pods.list(&ListParams::default()).await.map_err(|e| {
        RequestFailed::new(
            "list",
            "Pod objects",
            catalog.request_error(e, "list", "pods", None),
        )
    })?;
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    for pod in &list.items {
        let Some(container) = proxy(pod) else {
            continue;
        };
        let version = container
            .image
            .as_deref()
            .and_then(image_tag)
            .unwrap_or("unknown")
            .to_string();
        let revision = pod
            .metadata
            .labels
            .as_ref()
            .and_then(|l| l.get(manifest::REVISION_LABEL))
            .cloned()
            .unwrap_or_else(|| "default".into());
        *counts.entry((revision, version)).or_default() += 1;
    }
    let data_plane = counts
        .into_iter()
        .map(|((revision, version), pods)| DataPlane {
            revision,
            version,
            pods,
        })
        .collect();
    Ok(Inventory {
        control_planes,
        data_plane,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_tags_are_read_like_a_registry_reads_them() {
        assert_eq!(image_tag("docker.io/istio/proxyv2:1.30.3"), Some("1.30.3"));
        assert_eq!(
            image_tag("registry:5000/istio/pilot:1.29.6-distroless"),
            Some("1.29.6-distroless")
        );
        assert_eq!(image_tag("localhost:5000/istio/pilot"), None);
        assert_eq!(
            image_tag("docker.io/istio/proxyv2:1.31.0@sha256:abc"),
            Some("1.31.0")
        );
        assert_eq!(image_tag("proxyv2"), None);
    }
}
