//! Which API resource serves each kind: one discovery per run, refreshed once after CRDs are
//! established (so custom resources of freshly installed CRDs resolve).
//!
//! Aggregated discovery (two requests) is tried first; servers without it get the classic walk.

use kube::Client;
use kube::api::{Api, ApiResource, DynamicObject, GroupVersionKind};
use kube::discovery::{ApiCapabilities, Discovery, Scope};
use serde_json::Value;

use super::{ObjectKey, RequestError, RequestFailed};

/// The API resources the server serves, for resolving kinds to endpoints.
pub struct Catalog {
    client: Client,
    discovery: Discovery,
    /// The API server's URL, for errors that say it stopped answering.
    server: Option<String>,
}

/// One resolved kind: where to send requests and whether it is namespaced.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub resource: ApiResource,
    pub capabilities: ApiCapabilities,
}

impl Resolved {
    #[must_use]
    pub fn namespaced(&self) -> bool {
        matches!(self.capabilities.scope, Scope::Namespaced)
    }

    /// `plural.group` (`deployments.apps`, `services`), as RBAC names a resource.
    #[must_use]
    pub fn resource_name(&self) -> String {
        if self.resource.group.is_empty() {
            self.resource.plural.clone()
        } else {
            format!("{}.{}", self.resource.plural, self.resource.group)
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DiscoveryError {
    #[error("API discovery failed")]
    Request(#[source] RequestError),
    #[error("{object}: the cluster does not serve {api_version} {kind}")]
    UnknownKind {
        object: String,
        api_version: String,
        kind: String,
    },
}

impl DiscoveryError {
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Request(source) => source.hint(),
            Self::UnknownKind { .. } => None,
        }
    }
}

impl Catalog {
    /// Discovers what the server serves.
    pub async fn discover(client: &Client) -> Result<Self, DiscoveryError> {
        let discovery = match Discovery::new(client.clone()).run_aggregated().await {
            Ok(discovery) => discovery,
            Err(_) => Discovery::new(client.clone()).run().await.map_err(|e| {
                DiscoveryError::Request(RequestError::from_kube(e, "get", "/apis", None))
            })?,
        };
        Ok(Self {
            client: client.clone(),
            discovery,
            server: None,
        })
    }

    /// Names the API server (its URL) in the errors of requests made through this catalog.
    #[must_use]
    pub fn with_server(mut self, server: &str) -> Self {
        self.server = Some(server.to_string());
        self
    }

    /// Runs discovery again (after CRDs became established).
    pub async fn refresh(&mut self) -> Result<(), DiscoveryError> {
        let server = self.server.take();
        let refreshed = Self::discover(&self.client).await;
        self.server = server;
        let refreshed = refreshed.map_err(|error| match error {
            DiscoveryError::Request(source) => {
                DiscoveryError::Request(source.at_server(self.server.as_deref()))
            }
            other @ DiscoveryError::UnknownKind { .. } => other,
        })?;
        self.discovery = refreshed.discovery;
        Ok(())
    }

    /// Classifies a failed request's error ([`RequestError::from_kube`]), naming the API server
    /// when it did not answer.
    #[must_use]
    pub fn request_error(
        &self,
        error: kube::Error,
        verb: &str,
        resource: &str,
        namespace: Option<&str>,
    ) -> RequestError {
        RequestError::from_kube(error, verb, resource, namespace).at_server(self.server.as_deref())
    }

    /// A failed request about one object, as every stage reports it: ``cannot apply Deployment
    /// `istio-system/istiod` `` and why. `action` says it in words, `verb` as RBAC names it.
    #[must_use]
    pub fn object_request_failed(
        &self,
        error: kube::Error,
        action: &'static str,
        verb: &str,
        key: &ObjectKey,
        resolved: &Resolved,
    ) -> RequestFailed {
        RequestFailed::new(
            action,
            key,
            self.request_error(
                error,
                verb,
                &resolved.resource_name(),
                key.namespace.as_deref(),
            ),
        )
    }

    #[must_use]
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The resource serving `apiVersion`/`kind`, if any.
    #[must_use]
    pub fn find(&self, api_version: &str, kind: &str) -> Option<Resolved> {
        let (group, version) = api_version.rsplit_once('/').unwrap_or(("", api_version));
        let gvk = GroupVersionKind::gvk(group, version, kind);
        self.discovery
            .resolve_gvk(&gvk)
            .map(|(resource, capabilities)| Resolved {
                resource,
                capabilities,
            })
    }

    /// The preferred version's resource for a group and kind (prune lists by kind, not version).
    #[must_use]
    pub fn find_kind(&self, group: &str, kind: &str) -> Option<Resolved> {
        self.discovery
            .get(group)?
            .recommended_kind(kind)
            .map(|(resource, capabilities)| Resolved {
                resource,
                capabilities,
            })
    }

    /// Resolves a rendered object's kind; an unknown kind is an error naming the object.
    pub fn resolve(&self, object: &Value) -> Result<Resolved, DiscoveryError> {
        let api_version = object["apiVersion"].as_str().unwrap_or_default();
        let kind = object["kind"].as_str().unwrap_or_default();
        self.find(api_version, kind)
            .ok_or_else(|| DiscoveryError::UnknownKind {
                object: ObjectKey::of(object).to_string(),
                api_version: api_version.to_string(),
                kind: kind.to_string(),
            })
    }

    /// A dynamic API handle for one object (namespaced or not, as discovery says).
    #[must_use]
    pub fn api(&self, resolved: &Resolved, namespace: Option<&str>) -> Api<DynamicObject> {
        match (resolved.namespaced(), namespace) {
            (true, Some(namespace)) => {
                Api::namespaced_with(self.client.clone(), namespace, &resolved.resource)
            }
            (true, None) => Api::default_namespaced_with(self.client.clone(), &resolved.resource),
            (false, _) => Api::all_with(self.client.clone(), &resolved.resource),
        }
    }

    /// A handle across all namespaces (list calls for prune).
    #[must_use]
    pub fn api_all(&self, resolved: &Resolved) -> Api<DynamicObject> {
        Api::all_with(self.client.clone(), &resolved.resource)
    }
}
