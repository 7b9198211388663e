//! Helm's record of what it installed: one `Secret` per release version,
//! `sh.helm.release.v1.<release>.v<N>` of type `helm.sh/release.v1`, labelled `owner=helm`,
//! `name`, `status`, `version`, in the release's namespace. Its `data.release` is the release as
//! JSON, gzipped, then base64 (on top of the base64 every Secret's data has): the chart's name
//! and version, the user's values (`config`), and the rendered manifest Helm will delete on
//! `helm uninstall` (whatever the objects' annotations say).
//!
//! [`read`] lists and decodes them (the newest version of each release); [`forget`] deletes a
//! release's Secrets, which is how a release stops existing for `helm list` and `helm uninstall`
//! without its objects being touched. Nothing here prints.

use std::collections::BTreeMap;
use std::io::Read as _;

use base64::Engine as _;
use k8s_openapi::api::core::v1::Secret;
use kube::Api;
use kube::api::{DeleteParams, ListParams};
use serde_json::Value;

use super::discovery::Catalog;
use super::{ObjectKey, RequestFailed};
use crate::yaml;

/// The `type` of a release Secret.
pub const SECRET_TYPE: &str = "helm.sh/release.v1";

/// The newest version of one Helm release, decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Release {
    pub name: String,
    pub namespace: String,
    /// The release version (`helm history`'s REVISION).
    pub version: u32,
    /// `deployed`, `failed`, `pending-upgrade`, …
    pub status: String,
    /// The chart's `name` (`istiod`, `base`, `gateway`).
    pub chart: String,
    pub chart_version: String,
    /// The values the user gave (`--set`, `-f`), not the chart's defaults.
    pub config: Value,
    /// What the release rendered, as object identities (namespace filled in with the release's
    /// for objects that have none: cluster-scoped kinds keep it, so compare with
    /// [`Release::renders`]).
    pub objects: Vec<ObjectKey>,
    /// The names of every Secret that records a version of it, oldest first.
    pub secrets: Vec<String>,
}

impl Release {
    /// `istio-system/istiod`.
    #[must_use]
    pub fn path(&self) -> String {
        format!("{}/{}", self.namespace, self.name)
    }

    /// Whether this release rendered `key`. A manifest object without a namespace is either
    /// cluster-scoped or in the release's namespace; which, only the server knows, so both match.
    #[must_use]
    pub fn renders(&self, key: &ObjectKey) -> bool {
        self.objects.iter().any(|object| {
            object.group == key.group
                && object.kind == key.kind
                && object.name == key.name
                && (key.namespace.is_none() || object.namespace == key.namespace)
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HelmReleaseError {
    #[error(transparent)]
    Request(#[from] RequestFailed),
    /// A release Secret that is not what Helm writes.
    #[error("cannot read Helm release Secret `{namespace}/{name}`: {reason}")]
    Undecodable {
        namespace: String,
        name: String,
        reason: String,
    },
}

impl HelmReleaseError {
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Request(error) => error.hint(),
            Self::Undecodable { .. } => None,
        }
    }

    /// Whether the user may not list Secrets (the caller then goes on without releases).
    #[must_use]
    pub fn is_forbidden(&self) -> bool {
        matches!(self, Self::Request(error) if error.source.is_forbidden())
    }
}

/// Every Helm release in the cluster (or in `namespace`), newest version of each, sorted by
/// namespace and name.
pub async fn read(
    catalog: &Catalog,
    namespace: Option<&str>,
) -> Result<Vec<Release>, HelmReleaseError> {
    let api: Api<Secret> = match namespace {
        Some(namespace) => Api::namespaced(catalog.client().clone(), namespace),
        None => Api::all(catalog.client().clone()),
    };
    let list = api
        .list(&ListParams::default().labels("owner=helm"))
        .await
        .map_err(|e| {
            RequestFailed::new(
                "list",
                "Helm release Secret objects",
                catalog.request_error(e, "list", "secrets", namespace),
            )
        })?;
    let mut newest: BTreeMap<(String, String), Release> = BTreeMap::new();
    let mut secrets: BTreeMap<(String, String), Vec<(u32, String)>> = BTreeMap::new();
    for secret in list.items {
        if secret.type_.as_deref() != Some(SECRET_TYPE) {
            continue;
        }
        let secret_name = secret.metadata.name.clone().unwrap_or_default();
        let secret_namespace = secret.metadata.namespace.clone().unwrap_or_default();
        let undecodable = |reason: String| HelmReleaseError::Undecodable {
            namespace: secret_namespace.clone(),
            name: secret_name.clone(),
            reason,
        };
        let payload = secret
            .data
            .as_ref()
            .and_then(|data| data.get("release"))
            .ok_or_else(|| undecodable("it has no `release` data".into()))?;
        let release = decode(&payload.0, &secret_namespace).map_err(undecodable)?;
        let key = (release.namespace.clone(), release.name.clone());
        secrets
            .entry(key.clone())
            .or_default()
            .push((release.version, secret_name));
        if newest.get(&key).is_none_or(|r| r.version < release.version) {
            newest.insert(key, release);
        }
    }
    Ok(newest
        .into_iter()
        .map(|(key, mut release)| {
            // Oldest first: a run interrupted while forgetting leaves the newest version, so the
            // next run reads the same values.
            let mut versions = secrets.remove(&key).unwrap_or_default();
            versions.sort();
            release.secrets = versions.into_iter().map(|(_, name)| name).collect();
            release
        })
        .collect())
}

/// Decodes a release Secret's `release` data (base64 of gzipped JSON).
pub fn decode(payload: &[u8], secret_namespace: &str) -> Result<Release, String> {
    let gzipped = base64::engine::general_purpose::STANDARD
        .decode(payload.trim_ascii())
        .map_err(|e| format!("its payload is not base64: {e}"))?;
    let mut json = Vec::new();
    // Helm gzips the payload; very old releases were plain JSON (its driver accepts both).
    if gzipped.starts_with(&[0x1f, 0x8b]) {
        flate2::read::GzDecoder::new(gzipped.as_slice())
            .read_to_end(&mut json)
            .map_err(|e| format!("its payload is not gzip: {e}"))?;
    } else {
        json = gzipped;
    }
    let value: Value =
        serde_json::from_slice(&json).map_err(|e| format!("its payload is not JSON: {e}"))?;
    let namespace = value["namespace"]
        .as_str()
        .filter(|n| !n.is_empty())
        .unwrap_or(secret_namespace)
        .to_string();
    let manifest = value["manifest"].as_str().unwrap_or_default();
    let source = yaml::Source(format!("the manifest of Helm release `{namespace}`"));
    let objects = yaml::parse_documents(manifest, &source)
        .map_err(|e| format!("its manifest is not YAML: {e}"))?
        .iter()
        .filter(|object| object["kind"].is_string())
        .map(|object| {
            let mut key = ObjectKey::of(object);
            if key.namespace.is_none() {
                key.namespace = Some(namespace.clone());
            }
            key
        })
        .collect();
    Ok(Release {
        name: value["name"].as_str().unwrap_or_default().to_string(),
        namespace,
        version: value["version"]
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .unwrap_or(0),
        status: value["info"]["status"]
            .as_str()
            .unwrap_or("unknown")
            .to_string(),
        chart: value["chart"]["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        chart_version: value["chart"]["metadata"]["version"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        config: match &value["config"] {
            Value::Null => Value::Object(serde_json::Map::new()),
            config => config.clone(),
        },
        objects,
        secrets: Vec::new(),
    })
}

/// Deletes every Secret of `release`: `helm list` no longer shows it and `helm uninstall` can no
/// longer delete what it rendered. The objects themselves are not touched. A Secret already
/// gone is not an error (an interrupted run deletes the rest).
pub async fn forget(catalog: &Catalog, release: &Release) -> Result<(), RequestFailed> {
    let api: Api<Secret> = Api::namespaced(catalog.client().clone(), &release.namespace);
    for name in &release.secrets {
        match api.delete(name, &DeleteParams::default()).await {
            Ok(_) => {}
            Err(kube::Error::Api(status)) if status.code == 404 => {}
            Err(error) => {
                return Err(RequestFailed::new(
                    "delete",
                    format!("Secret `{}/{name}`", release.namespace),
                    catalog.request_error(error, "delete", "secrets", Some(&release.namespace)),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write as _;

    /// A release payload as Helm writes it (base64 of gzipped JSON).
    pub(crate) fn payload(release: &Value) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder
            .write_all(release.to_string().as_bytes())
            .expect("gzip");
        let gzipped = encoder.finish().expect("gzip");
        base64::engine::general_purpose::STANDARD
            .encode(gzipped)
            .into_bytes()
    }

    #[test]
    fn a_release_secret_is_decoded_with_its_values_and_objects() {
        let release = serde_json::json!({
            "name": "istiod", "namespace": "istio-system", "version": 2,
            "info": {"status": "deployed"},
            "chart": {"metadata": {"name": "istiod", "version": "1.31.0"}},
            "config": {"pilot": {"env": {"A": "b"}}},
            "manifest": "---\n# Source: istiod/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n  namespace: istio-system\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: istiod-clusterrole-istio-system\n",
        });
        let decoded = decode(&payload(&release), "istio-system").expect("decodes");
        assert_eq!(decoded.path(), "istio-system/istiod");
        assert_eq!((decoded.version, decoded.status.as_str()), (2, "deployed"));
        assert_eq!(
            (decoded.chart.as_str(), decoded.chart_version.as_str()),
            ("istiod", "1.31.0")
        );
        assert_eq!(decoded.config["pilot"]["env"]["A"], "b");
        let deployment = ObjectKey {
            group: "apps".into(),
            kind: "Deployment".into(),
            namespace: Some("istio-system".into()),
            name: "istiod".into(),
        };
        assert!(decoded.renders(&deployment));
        let cluster_role = ObjectKey {
            group: "rbac.authorization.k8s.io".into(),
            kind: "ClusterRole".into(),
            namespace: None,
            name: "istiod-clusterrole-istio-system".into(),
        };
        assert!(
            decoded.renders(&cluster_role),
            "cluster-scoped objects match"
        );
        assert!(!decoded.renders(&ObjectKey {
            namespace: Some("other".into()),
            ..deployment
        }));
    }

    #[test]
    fn a_payload_that_is_not_helms_is_named() {
        let error = decode(b"not base64!", "ns").expect_err("refused");
        assert!(error.contains("not base64"), "{error}");
        let plain = base64::engine::general_purpose::STANDARD.encode("{}");
        let release = decode(plain.as_bytes(), "ns").expect("plain JSON is accepted");
        assert_eq!(release.namespace, "ns");
    }
}
