//! The cluster half of the pipeline: rendered manifests in, a live cluster brought to match them.
//!
//! [`client`] connects (kubeconfig, context) and fails early with a clear message; [`discovery`]
//! maps each object's kind to its API resource once per run; [`diff`] asks the API server what an
//! apply would change (server-side apply dry-run, compared with the live object) and which owned
//! objects would be pruned; [`apply`] writes in dependency order with server-side apply;
//! [`wait`] decides readiness and explains why something is not ready; [`prune`] deletes what is
//! no longer rendered; [`uninstall`] selects what an uninstall removes; [`namespace`] ensures
//! namespaces exist; [`kinds`] is the one list of the kinds meshctl manages. `meshctl operator
//! init` and `remove` are built on the same pieces.
//!
//! Nothing here prints: progress goes through [`Reporter`], which the CLI implements with progress
//! bars and the operator with tracing. Every write uses the one field manager [`FIELD_MANAGER`].

pub mod apply;
pub mod client;
pub mod diff;
pub mod discovery;
pub mod handover;
pub mod helm_release;
pub mod injection;
pub mod inventory;
pub mod kinds;
pub mod kubeconfig;
pub mod namespace;
pub mod owners;
pub mod precheck;
pub mod prune;
pub mod tags;
pub mod uninstall;
pub mod upgrade;
pub mod wait;

use std::fmt::{self, Write as _};
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;

use crate::manifest::{self, Manifest};
use crate::render::ComponentName;

/// The field manager of every server-side apply meshctl sends, so that ownership of fields is
/// stable across runs and conflicts with other tools are reported under one name.
pub const FIELD_MANAGER: &str = "meshctl";

/// The identity of one object: what messages name and what the diff and prune stages key on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ObjectKey {
    /// The API group, `""` for the core group.
    pub group: String,
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    pub name: String,
}

impl ObjectKey {
    /// The key of a JSON object (rendered or live).
    #[must_use]
    pub fn of(object: &Value) -> Self {
        let api_version = object["apiVersion"].as_str().unwrap_or_default();
        Self {
            group: api_version
                .rsplit_once('/')
                .map_or("", |(group, _)| group)
                .to_string(),
            kind: object["kind"].as_str().unwrap_or_default().to_string(),
            namespace: object["metadata"]["namespace"]
                .as_str()
                .filter(|n| !n.is_empty())
                .map(str::to_string),
            name: object["metadata"]["name"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        }
    }

    /// `namespace/name`, or `name` for cluster-scoped objects.
    #[must_use]
    pub fn path(&self) -> String {
        match &self.namespace {
            Some(namespace) => format!("{namespace}/{}", self.name),
            None => self.name.clone(),
        }
    }
}

impl fmt::Display for ObjectKey {
    /// ``Kind `namespace/name` ``, as every message names an object.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} `{}`", self.kind, self.path())
    }
}

impl From<&Manifest> for ObjectKey {
    fn from(manifest: &Manifest) -> Self {
        Self::of(manifest.object())
    }
}

/// Progress of the cluster stages, reported as it happens. Every method has a no-op default, so
/// an implementation overrides only what it shows.
pub trait Reporter: Sync {
    /// A step outside any component: creating namespaces, waiting for CRDs, pruning.
    fn step(&self, _message: &str) {}
    /// A component's objects are about to be applied.
    fn component_started(&self, _component: ComponentName, _objects: usize) {}
    /// One object was written.
    fn object_applied(&self, _component: ComponentName, _object: &ObjectKey) {}
    /// The component is applied and not yet ready; `reason` says what it waits for.
    fn waiting(&self, _component: ComponentName, _reason: &str) {}
    /// The component is applied and ready.
    fn component_ready(&self, _component: ComponentName, _elapsed: Duration) {}
    /// The component failed (the error itself is returned to the caller).
    fn component_failed(&self, _component: ComponentName) {}
    /// One object was deleted (prune or uninstall).
    fn object_deleted(&self, _object: &ObjectKey) {}
}

/// A [`Reporter`] that shows nothing (tests, scripts).
pub struct NoProgress;

impl Reporter for NoProgress {}

/// Which live objects belong to an install: the labels meshctl and istioctl put on everything
/// they apply. Prune and uninstall select with these, never by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ownership {
    /// `istio.io/rev`; `None` selects every revision (`uninstall --purge`).
    pub revision: Option<String>,
    /// `install.operator.istio.io/owning-resource`, when the `IstioOperator` has a name.
    pub owning_resource: Option<String>,
    /// Also objects labelled `owning-resource-not-pruned=true`: an uninstall removes them (as
    /// istioctl's does: the default tag's webhooks carry it), a prune never does.
    pub include_opted_out: bool,
}

impl Ownership {
    /// The ownership of a rendered set: its revision and owning resource, read from the labels
    /// the render put on its objects.
    #[must_use]
    pub fn of_render(manifests: &[Manifest]) -> Self {
        let label = |key: &str| {
            manifests
                .iter()
                .filter(|m| m.kind() != "CustomResourceDefinition")
                .find_map(|m| m.label(key))
                .map(str::to_string)
        };
        Self {
            revision: Some(label(manifest::REVISION_LABEL).unwrap_or_else(|| "default".into())),
            owning_resource: label(manifest::OWNING_RESOURCE_LABEL),
            include_opted_out: false,
        }
    }

    /// One revision's objects, whoever owns them (`uninstall -r REV`).
    #[must_use]
    pub fn revision(revision: &str) -> Self {
        Self {
            revision: Some(revision.to_string()),
            owning_resource: None,
            include_opted_out: true,
        }
    }

    /// Everything meshctl or istioctl manages (`uninstall --purge`).
    #[must_use]
    pub fn everything() -> Self {
        Self {
            revision: None,
            owning_resource: None,
            include_opted_out: true,
        }
    }

    /// The label selector for list calls.
    #[must_use]
    pub fn label_selector(&self) -> String {
        let mut selector = format!("{}=Reconcile", manifest::MANAGED_LABEL);
        if let Some(revision) = &self.revision {
            let _ = write!(selector, ",{}={revision}", manifest::REVISION_LABEL);
        }
        if let Some(owner) = &self.owning_resource {
            let _ = write!(selector, ",{}={owner}", manifest::OWNING_RESOURCE_LABEL);
        }
        selector
    }

    /// Whether a live object carries these labels, has not opted out of pruning (unless
    /// [`Self::include_opted_out`]), and is not another controller's: the `EndpointSlice`
    /// controller copies a Service's labels, ownership labels included, onto the slices it makes
    /// for it, and those are its to delete. meshctl renders nothing with a controller reference.
    #[must_use]
    pub fn owns(&self, object: &Value) -> bool {
        let controlled = object["metadata"]["ownerReferences"]
            .as_array()
            .is_some_and(|references| references.iter().any(|r| r["controller"] == true));
        let labels = &object["metadata"]["labels"];
        let is = |key: &str, value: &str| labels[key].as_str() == Some(value);
        is(manifest::MANAGED_LABEL, "Reconcile")
            && self
                .revision
                .as_deref()
                .is_none_or(|r| is(manifest::REVISION_LABEL, r))
            && self
                .owning_resource
                .as_deref()
                .is_none_or(|o| is(manifest::OWNING_RESOURCE_LABEL, o))
            && (self.include_opted_out || !is(manifest::NOT_PRUNED_LABEL, "true"))
            && !controlled
    }
}

/// A request that failed, named for what meshctl was doing and to what: ``cannot apply
/// Deployment `istio-system/istiod` ``, with the [`RequestError`] as its cause. Every stage
/// reports a failed request with this one type.
#[derive(Debug, thiserror::Error)]
#[error("cannot {action} {object}")]
pub struct RequestFailed {
    /// What meshctl was doing, in words: `apply`, `get`, `remove the finalizer of`.
    pub action: &'static str,
    /// What it was done to: ``Deployment `istio-system/istiod` ``, `Secret objects`.
    pub object: String,
    #[source]
    pub source: RequestError,
}

impl RequestFailed {
    #[must_use]
    pub fn new(action: &'static str, object: impl fmt::Display, source: RequestError) -> Self {
        Self {
            action,
            object: object.to_string(),
            source,
        }
    }

    #[must_use]
    pub fn hint(&self) -> Option<String> {
        self.source.hint()
    }
}

/// What a failed API request means, for messages that name the object and the permission.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    /// RBAC said no; `verb`, `resource` and `namespace` say which permission is missing.
    #[error(
        "forbidden: {user} may not {verb} {resource} {scope}",
        user = user.as_deref().map_or_else(|| "this user".to_string(), |u| format!("user `{u}`")),
        scope = namespace.as_deref().map_or_else(|| "at cluster scope".to_string(), |n| format!("in namespace `{n}`"))
    )]
    Forbidden {
        verb: String,
        /// `resource.group`, e.g. `deployments.apps`.
        resource: String,
        namespace: Option<String>,
        user: Option<String>,
    },
    #[error("credentials rejected (401 Unauthorized)")]
    Unauthorized,
    #[error("the API server refused it: {message} ({code} {reason})")]
    Api {
        code: u16,
        reason: String,
        message: String,
    },
    /// The API server did not answer: connection refused, reset or closed, or no answer in time.
    /// `server` is filled in where the URL is known ([`RequestError::at_server`]).
    #[error("{}", match server {
        Some(server) => format!("the API server at {server} is unreachable ({cause})"),
        None => cause.clone(),
    })]
    Unreachable {
        server: Option<String>,
        cause: String,
    },
    #[error("request failed")]
    Transport(#[source] Box<kube::Error>),
}

impl RequestError {
    /// Classifies a kube error from a request with `verb` on `resource` (plural, with group).
    #[must_use]
    pub fn from_kube(
        error: kube::Error,
        verb: &str,
        resource: &str,
        namespace: Option<&str>,
    ) -> Self {
        match error {
            kube::Error::Api(status) if status.code == 403 => parse_forbidden(&status.message)
                .unwrap_or_else(|| Self::Forbidden {
                    verb: verb.to_string(),
                    resource: resource.to_string(),
                    namespace: namespace.map(str::to_string),
                    user: None,
                }),
            kube::Error::Api(status) if status.code == 401 => Self::Unauthorized,
            kube::Error::Api(status) => Self::Api {
                code: status.code,
                reason: status.reason,
                message: status.message,
            },
            other => match unreachable_cause(&other) {
                Some(cause) => Self::Unreachable {
                    server: None,
                    cause: cause.to_string(),
                },
                None => Self::Transport(Box::new(other)),
            },
        }
    }

    /// Names the API server in an [`Unreachable`](Self::Unreachable) error.
    #[must_use]
    pub fn at_server(mut self, url: Option<&str>) -> Self {
        if let (Self::Unreachable { server, .. }, Some(url)) = (&mut self, url) {
            *server = Some(url.trim_end_matches('/').to_string());
        }
        self
    }

    /// Whether the API server could not be reached (as opposed to answering with an error).
    #[must_use]
    pub fn is_unreachable(&self) -> bool {
        matches!(self, Self::Unreachable { .. })
    }

    #[must_use]
    pub fn is_forbidden(&self) -> bool {
        matches!(self, Self::Forbidden { .. })
    }

    /// What the user can do about it, when that is knowable.
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Forbidden { .. } => Some(
                "ask a cluster administrator for that permission, or use `--kubeconfig`/`--context` \
                 for a user who has it (installing Istio needs cluster-admin)"
                    .into(),
            ),
            Self::Unauthorized => {
                Some("the kubeconfig's credentials are expired or wrong; log in again".into())
            }
            Self::Unreachable { .. } => Some(
                "check that the cluster is up; once its API server answers again, re-run the \
                 same command: it keeps what was already applied and converges the rest"
                    .into(),
            ),
            _ => None,
        }
    }
}

/// In words, why a request never got an answer from the API server, when that is the failure:
/// kube wraps the socket's error in hyper's and tower's, which are not for users to read.
fn unreachable_cause(error: &kube::Error) -> Option<&'static str> {
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = next {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind;
            let cause = match io.kind() {
                ErrorKind::ConnectionRefused => "connection refused",
                ErrorKind::ConnectionReset => "connection reset",
                ErrorKind::ConnectionAborted => "connection aborted",
                ErrorKind::TimedOut => "no answer in time",
                ErrorKind::BrokenPipe | ErrorKind::UnexpectedEof | ErrorKind::NotConnected => {
                    "connection closed"
                }
                ErrorKind::HostUnreachable | ErrorKind::NetworkUnreachable => "host unreachable",
                _ => {
                    next = error.source();
                    continue;
                }
            };
            return Some(cause);
        }
        if let Some(hyper) = error.downcast_ref::<hyper::Error>() {
            if hyper.is_incomplete_message() || hyper.is_closed() || hyper.is_canceled() {
                return Some("connection closed before the answer arrived");
            }
            if hyper.is_timeout() {
                return Some("no answer in time");
            }
        }
        next = error.source();
    }
    None
}

/// Reads the API server's standard RBAC message:
/// `… is forbidden: User "u" cannot patch resource "deployments" in API group "apps" in the
/// namespace "istio-system"`.
fn parse_forbidden(message: &str) -> Option<RequestError> {
    static PATTERN: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r#"User "(?P<user>[^"]*)" cannot (?P<verb>\S+) resource "(?P<resource>[^"]*)"(?: in API group "(?P<group>[^"]*)")?(?: in the namespace "(?P<namespace>[^"]*)")?"#,
        )
        .ok()
    });
    let captures = PATTERN.as_ref()?.captures(message)?;
    let resource = &captures["resource"];
    let resource = match captures.name("group").map(|g| g.as_str()) {
        Some(group) if !group.is_empty() => format!("{resource}.{group}"),
        _ => resource.to_string(),
    };
    Some(RequestError::Forbidden {
        verb: captures["verb"].to_string(),
        resource,
        namespace: captures.name("namespace").map(|n| n.as_str().to_string()),
        user: Some(captures["user"].to_string()),
    })
}

/// Whether a kube error is a 404 (the object or its namespace does not exist).
#[must_use]
pub fn is_not_found(error: &kube::Error) -> bool {
    matches!(error, kube::Error::Api(status) if status.code == 404)
}

/// Whether a kube error is a 409 (a field-manager conflict on apply, or "already exists").
#[must_use]
pub fn is_conflict(error: &kube::Error) -> bool {
    matches!(error, kube::Error::Api(status) if status.code == 409)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn forbidden_message_names_verb_resource_and_namespace() {
        let message = r#"deployments.apps "istiod" is forbidden: User "meshctl-limited" cannot patch resource "deployments" in API group "apps" in the namespace "istio-system""#;
        let error = parse_forbidden(message).expect("parses");
        assert_eq!(
            error.to_string(),
            "forbidden: user `meshctl-limited` may not patch deployments.apps in namespace `istio-system`"
        );
        let cluster = r#"customresourcedefinitions.apiextensions.k8s.io is forbidden: User "x" cannot list resource "customresourcedefinitions" in API group "apiextensions.k8s.io" at the cluster scope"#;
        assert_eq!(
            parse_forbidden(cluster).expect("parses").to_string(),
            "forbidden: user `x` may not list customresourcedefinitions.apiextensions.k8s.io at cluster scope"
        );
        let core = r#"namespaces "istio-system" is forbidden: User "x" cannot get resource "namespaces" in API group "" in the namespace "istio-system""#;
        assert!(
            parse_forbidden(core)
                .expect("parses")
                .to_string()
                .contains("get namespaces in")
        );
    }

    #[test]
    fn a_server_that_does_not_answer_is_unreachable_and_named() {
        use std::io::{Error, ErrorKind};
        let refused = kube::Error::Service(Box::new(Error::from(ErrorKind::ConnectionRefused)));
        let error = RequestError::from_kube(refused, "patch", "configmaps", Some("istio-system"));
        assert!(error.is_unreachable());
        assert_eq!(error.to_string(), "connection refused");
        let named = error.at_server(Some("https://127.0.0.1:6443/"));
        assert_eq!(
            named.to_string(),
            "the API server at https://127.0.0.1:6443 is unreachable (connection refused)"
        );
        assert!(
            named
                .hint()
                .is_some_and(|h| h.contains("re-run the same command"))
        );
        let reset = kube::Error::ReadEvents(Error::from(ErrorKind::ConnectionReset));
        assert!(RequestError::from_kube(reset, "watch", "deployments.apps", None).is_unreachable());
        // Anything else that is not an answer from the server keeps its own cause.
        let other = kube::Error::Service(Box::new(Error::other("certificate expired")));
        let error = RequestError::from_kube(other, "get", "namespaces", None);
        assert!(!error.is_unreachable());
        assert!(
            !error
                .at_server(Some("https://x"))
                .to_string()
                .contains("unreachable")
        );
    }

    #[test]
    fn ownership_selects_by_labels_and_respects_opt_out() {
        let object = |labels: Value| json!({"metadata": {"name": "x", "labels": labels}});
        let ours =
            object(json!({"operator.istio.io/managed": "Reconcile", "istio.io/rev": "default"}));
        let canary =
            object(json!({"operator.istio.io/managed": "Reconcile", "istio.io/rev": "canary"}));
        let kept = object(
            json!({"operator.istio.io/managed": "Reconcile", "istio.io/rev": "default",
            "install.operator.istio.io/owning-resource-not-pruned": "true"}),
        );
        let foreign = object(json!({"istio.io/rev": "default"}));
        let default = Ownership {
            include_opted_out: false,
            ..Ownership::revision("default")
        };
        assert!(default.owns(&ours));
        assert!(!default.owns(&canary));
        assert!(!default.owns(&kept));
        assert!(
            Ownership::revision("default").owns(&kept),
            "uninstall removes it"
        );
        assert!(!default.owns(&foreign));
        assert!(Ownership::everything().owns(&canary));
        let mut made_for_a_service = ours.clone();
        made_for_a_service["metadata"]["ownerReferences"] = json!([{"apiVersion": "v1", "kind": "Service", "name": "istiod", "uid": "u", "controller": true}]);
        assert!(!Ownership::everything().owns(&made_for_a_service));
        assert_eq!(
            default.label_selector(),
            "operator.istio.io/managed=Reconcile,istio.io/rev=default"
        );
        let named = Ownership {
            revision: Some("default".into()),
            owning_resource: Some("installed-state".into()),
            include_opted_out: false,
        };
        assert!(!named.owns(&ours));
        assert!(
            named
                .label_selector()
                .ends_with(",install.operator.istio.io/owning-resource=installed-state")
        );
    }

    #[test]
    fn object_key_displays_kind_and_path() {
        let key = ObjectKey::of(&json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "istiod", "namespace": "istio-system"}}));
        assert_eq!(key.group, "apps");
        assert_eq!(key.to_string(), "Deployment `istio-system/istiod`");
        let cluster = ObjectKey::of(
            &json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}),
        );
        assert_eq!(cluster.group, "");
        assert_eq!(cluster.to_string(), "Namespace `a`");
    }
}
