//! Everything `meshctl operator init` applies (and `operator dump` prints), and taking it away
//! again with `operator remove`.
//!
//! [`objects`] builds the set offline, in apply order: the CRD, namespaces, the `ServiceAccount`,
//! RBAC ([`super::rbac`]) and the Deployment. Every object the operator owns carries
//! [`PART_OF_LABEL`], which is how [`find_installed`] finds them again — never by name alone.
//! Namespaces are only ever *ensured*: a missing one is created, an existing one is left exactly
//! as it is. Watched namespaces (`istio-system`) never get the label, so removing the operator
//! can never delete them; the operator's own namespace gets it only when `init` created it.
//!
//! Every request goes through the install's own pieces in [`crate::cluster`] — server-side
//! apply, the CRD wait, namespace creation, deletion and the request error — so `operator init`
//! and `remove` behave, and fail, as `install` and `uninstall` do. What is the operator's own here
//! is what to apply, in which order, and how to report it.
//!
//! Neither [`apply`] nor [`remove`] touches the installed mesh: the operator's objects go, the
//! components it installed stay (removing those is `meshctl uninstall`'s job, or deleting the
//! `IstioOperator` resource while the operator still runs).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use k8s_openapi::api::apps::v1::{
    Deployment, DeploymentSpec, DeploymentStrategy, RollingUpdateDeployment,
};
use k8s_openapi::api::core::v1::{
    Capabilities, Container, ContainerPort, EnvVar, EnvVarSource, HTTPGetAction,
    LocalObjectReference, Namespace, ObjectFieldSelector, PodSecurityContext, PodSpec,
    PodTemplateSpec, Probe, ResourceRequirements, SeccompProfile, SecurityContext, ServiceAccount,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use kube::api::{DynamicObject, ListParams, Patch, PatchParams};
use serde::Serialize;
use serde_json::{Value, json};

use super::{CRD_NAME, FINALIZER, GROUP, IMAGE_NAME, KIND, MANAGED_BY_LABEL, NAME, PART_OF_LABEL};
use super::{crd, rbac};
use crate::cluster::apply::{self, ApplyError};
use crate::cluster::diff::normalise;
use crate::cluster::discovery::{Catalog, DiscoveryError, Resolved};
use crate::cluster::prune::{self, PruneError};
use crate::cluster::wait::{self, WaitError};
use crate::cluster::{ObjectKey, Reporter, RequestError, RequestFailed, is_conflict, is_not_found};
use crate::cluster::{kinds, namespace};

/// The name istioctl gives an `IstioOperator` that has none; `init -f` uses it too.
pub const DEFAULT_RESOURCE_NAME: &str = "installed-state";

/// What the operator deployment looks like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The registry of the operator image.
    pub hub: String,
    /// The tag of the operator image.
    pub tag: String,
    /// The namespace the operator runs in.
    pub namespace: String,
    /// The namespaces whose `IstioOperator` resources it reconciles.
    pub watched_namespaces: Vec<String>,
    /// Secrets for pulling the operator image.
    pub image_pull_secrets: Vec<String>,
    /// `--watch-banzai`: the operator also reconciles Banzai's `Istio` resources.
    pub watch_banzai: bool,
    /// `--take-over-helm-in`: the namespaces where the operator may read and delete Helm's release
    /// Secrets, to take a Helm install over ([`rbac::helm_takeover_rules`]).
    pub take_over_helm_in: Vec<String>,
}

/// Why the settings or the `IstioOperator` resource cannot be deployed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SettingsError {
    #[error(
        "`{flag}`: `{name}` is not a valid namespace name (lowercase letters, digits and `-`, \
         at most 63 characters, starting and ending with a letter or digit)"
    )]
    InvalidNamespace { flag: &'static str, name: String },
    #[error("`--watchedNamespaces`: at least one namespace is needed")]
    NoWatchedNamespaces,
    #[error(
        "`--imagePullSecrets`: `{name}` is not a valid secret name (lowercase letters, digits, \
         `-` and `.`, at most 253 characters)"
    )]
    InvalidSecretName { name: String },
    #[error("`{flag}`: `{value}` is not a valid image {what}")]
    InvalidImage {
        flag: &'static str,
        what: &'static str,
        value: String,
    },
    #[error("{source_name}: metadata.name `{name}` is not a valid resource name")]
    InvalidResourceName { source_name: String, name: String },
    #[error(
        "{source_name}: the IstioOperator is in namespace `{namespace}`, which the operator does \
         not watch ({watched})"
    )]
    UnwatchedNamespace {
        source_name: String,
        namespace: String,
        watched: String,
    },
}

impl SettingsError {
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::UnwatchedNamespace { namespace, .. } => Some(format!(
                "add it with `--watchedNamespaces=…,{namespace}`, or change metadata.namespace"
            )),
            _ => None,
        }
    }
}

/// A DNS-1123 label: what a namespace name must be.
fn is_dns_label(name: &str) -> bool {
    let bytes = name.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 63
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
        && bytes[0] != b'-'
        && bytes[bytes.len() - 1] != b'-'
}

/// A DNS-1123 subdomain: what most object names must be.
fn is_dns_subdomain(name: &str) -> bool {
    name.len() <= 253 && name.split('.').all(is_dns_label)
}

impl Settings {
    /// Checks every name before anything is built or sent, and drops repeated watched namespaces.
    pub fn validate(mut self) -> Result<Self, SettingsError> {
        if !is_dns_label(&self.namespace) {
            return Err(SettingsError::InvalidNamespace {
                flag: "--operatorNamespace",
                name: self.namespace,
            });
        }
        let mut seen = BTreeSet::new();
        self.watched_namespaces.retain(|n| seen.insert(n.clone()));
        if self.watched_namespaces.is_empty() {
            return Err(SettingsError::NoWatchedNamespaces);
        }
        if let Some(bad) = self.watched_namespaces.iter().find(|n| !is_dns_label(n)) {
            return Err(SettingsError::InvalidNamespace {
                flag: "--watchedNamespaces",
                name: bad.clone(),
            });
        }
        let mut seen = BTreeSet::new();
        self.take_over_helm_in.retain(|n| seen.insert(n.clone()));
        if let Some(bad) = self.take_over_helm_in.iter().find(|n| !is_dns_label(n)) {
            return Err(SettingsError::InvalidNamespace {
                flag: "--take-over-helm-in",
                name: bad.clone(),
            });
        }
        if let Some(bad) = self
            .image_pull_secrets
            .iter()
            .find(|n| !is_dns_subdomain(n))
        {
            return Err(SettingsError::InvalidSecretName { name: bad.clone() });
        }
        let hub_ok = !self.hub.is_empty()
            && !self.hub.ends_with('/')
            && self
                .hub
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._/:".contains(&b));
        if !hub_ok {
            return Err(SettingsError::InvalidImage {
                flag: "--hub",
                what: "registry",
                value: self.hub,
            });
        }
        // Docker's tag grammar: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
        let tag_ok = (1..=128).contains(&self.tag.len())
            && !self.tag.starts_with(['.', '-'])
            && self
                .tag
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
        if !tag_ok {
            return Err(SettingsError::InvalidImage {
                flag: "--tag",
                what: "tag",
                value: self.tag,
            });
        }
        Ok(self)
    }

    /// `{hub}/meshctl:{tag}`.
    #[must_use]
    pub fn image(&self) -> String {
        format!("{}/{IMAGE_NAME}:{}", self.hub, self.tag)
    }

    fn watches(&self, namespace: &str) -> bool {
        self.watched_namespaces.iter().any(|n| n == namespace)
    }
}

fn our_labels() -> BTreeMap<String, String> {
    BTreeMap::from([
        (PART_OF_LABEL.0.to_string(), PART_OF_LABEL.1.to_string()),
        (
            MANAGED_BY_LABEL.0.to_string(),
            MANAGED_BY_LABEL.1.to_string(),
        ),
    ])
}

fn metadata(name: &str, namespace: Option<&str>) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.to_string()),
        namespace: namespace.map(str::to_string),
        labels: Some(our_labels()),
        ..ObjectMeta::default()
    }
}

/// k8s-openapi objects serialise with their `apiVersion` and `kind`; neither can fail.
fn to_value<T: Serialize>(object: &T) -> Value {
    serde_json::to_value(object).unwrap_or(Value::Null)
}

/// Everything `operator init` applies, in apply order.
#[must_use]
pub fn objects(settings: &Settings) -> Vec<Value> {
    let namespace = settings.namespace.as_str();
    let mut objects = vec![to_value(&crd::custom_resource_definition())];
    // The operator's namespace is ours unless it is also watched: then it holds the user's
    // IstioOperator resources and must outlive the operator.
    if !settings.watches(namespace) {
        objects.push(to_value(&Namespace {
            metadata: metadata(namespace, None),
            ..Namespace::default()
        }));
    }
    // Watched namespaces must exist for their Roles; they carry no label of ours, so that
    // `operator remove` never deletes them (istio-system holds the mesh itself).
    for watched in &settings.watched_namespaces {
        objects.push(to_value(&Namespace {
            metadata: ObjectMeta {
                name: Some(watched.clone()),
                ..ObjectMeta::default()
            },
            ..Namespace::default()
        }));
    }
    objects.push(to_value(&ServiceAccount {
        metadata: metadata(NAME, Some(namespace)),
        ..ServiceAccount::default()
    }));
    objects.push(to_value(&rbac::cluster_role(NAME)));
    objects.push(to_value(&rbac::cluster_role_binding(namespace)));
    for watched in &settings.watched_namespaces {
        objects.push(to_value(&rbac::watched_namespace_role(
            watched,
            settings.watch_banzai,
        )));
        objects.push(to_value(&rbac::watched_namespace_role_binding(
            watched, namespace,
        )));
    }
    for helm in &settings.take_over_helm_in {
        objects.push(to_value(&rbac::helm_takeover_role(helm)));
        objects.push(to_value(&rbac::helm_takeover_role_binding(helm, namespace)));
    }
    objects.push(to_value(&rbac::leader_election_role(namespace)));
    objects.push(to_value(&rbac::leader_election_role_binding(namespace)));
    objects.push(to_value(&deployment(settings)));
    objects
}

/// The selector label of the operator's pods.
const APP_LABEL: &str = "app.kubernetes.io/name";

fn field_env(name: &str, path: &str) -> EnvVar {
    EnvVar {
        name: name.to_string(),
        value_from: Some(EnvVarSource {
            field_ref: Some(ObjectFieldSelector {
                field_path: path.to_string(),
                api_version: None,
            }),
            ..EnvVarSource::default()
        }),
        value: None,
    }
}

fn deployment(settings: &Settings) -> Deployment {
    let selector = BTreeMap::from([(APP_LABEL.to_string(), NAME.to_string())]);
    let mut pod_labels = our_labels();
    pod_labels.extend(selector.clone());
    let mut labels = our_labels();
    labels.extend(selector.clone());
    let quantity = |q: &str| Quantity(q.to_string());
    Deployment {
        metadata: ObjectMeta {
            labels: Some(labels),
            ..metadata(NAME, Some(&settings.namespace))
        },
        spec: DeploymentSpec {
            // One replica is enough: a restarted pod picks up where the last left off, because
            // reconcile is idempotent. More replicas are safe (the Lease lets one act) and only
            // shorten a failover.
            replicas: Some(1),
            selector: LabelSelector {
                match_labels: Some(selector),
                match_expressions: None,
            },
            // A rolling update is safe with leader election: the new pod waits for the Lease the
            // old one releases on SIGTERM, so two never act at once, and there is no gap.
            strategy: Some(DeploymentStrategy {
                type_: Some("RollingUpdate".to_string()),
                rolling_update: Some(RollingUpdateDeployment {
                    max_surge: Some(IntOrString::Int(1)),
                    max_unavailable: Some(IntOrString::Int(0)),
                }),
            }),
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(pod_labels),
                    ..ObjectMeta::default()
                }),
                spec: Some(PodSpec {
                    service_account_name: Some(NAME.to_string()),
                    image_pull_secrets: (!settings.image_pull_secrets.is_empty()).then(|| {
                        settings
                            .image_pull_secrets
                            .iter()
                            .map(|name| LocalObjectReference { name: name.clone() })
                            .collect()
                    }),
                    // Long enough for a reconcile in flight to finish its writes after SIGTERM.
                    termination_grace_period_seconds: Some(60),
                    node_selector: Some(BTreeMap::from([(
                        "kubernetes.io/os".to_string(),
                        "linux".to_string(),
                    )])),
                    security_context: Some(PodSecurityContext {
                        run_as_non_root: Some(true),
                        // The distroless `nonroot` user the image runs as.
                        run_as_user: Some(65532),
                        run_as_group: Some(65532),
                        seccomp_profile: Some(SeccompProfile {
                            type_: "RuntimeDefault".to_string(),
                            localhost_profile: None,
                        }),
                        ..PodSecurityContext::default()
                    }),
                    containers: vec![Container {
                        name: "operator".to_string(),
                        image: Some(settings.image()),
                        // `command` replaces the image's entrypoint (`/meshctl operator run`) so
                        // that the arguments below are the whole command line, whatever image
                        // `--hub`/`--tag` point at.
                        command: Some(vec!["/meshctl".to_string()]),
                        args: Some(
                            [
                                "operator".to_string(),
                                "run".to_string(),
                                format!(
                                    "--watchedNamespaces={}",
                                    settings.watched_namespaces.join(",")
                                ),
                            ]
                            .into_iter()
                            .chain(settings.watch_banzai.then(|| "--watch-banzai".to_string()))
                            .collect(),
                        ),
                        // `operator run` serves /healthz and /readyz here (its `--probe-address`
                        // default).
                        ports: Some(vec![ContainerPort {
                            name: Some("probes".to_string()),
                            container_port: PROBE_PORT,
                            protocol: Some("TCP".to_string()),
                            ..ContainerPort::default()
                        }]),
                        // Alive while the process answers; ready once it reached the API
                        // server and found the CRD (a standby replica is ready too).
                        liveness_probe: Some(http_probe("/healthz", 10)),
                        readiness_probe: Some(http_probe("/readyz", 5)),
                        // The Lease holder's identity and the Lease's namespace.
                        env: Some(vec![
                            field_env("POD_NAME", "metadata.name"),
                            field_env("POD_NAMESPACE", "metadata.namespace"),
                        ]),
                        resources: Some(ResourceRequirements {
                            requests: Some(BTreeMap::from([
                                ("cpu".to_string(), quantity("50m")),
                                ("memory".to_string(), quantity("64Mi")),
                            ])),
                            // A render holds the whole manifest set (a few MB) in memory; the
                            // limit leaves room for several and catches a leak.
                            limits: Some(BTreeMap::from([(
                                "memory".to_string(),
                                quantity("256Mi"),
                            )])),
                            claims: None,
                        }),
                        security_context: Some(SecurityContext {
                            allow_privilege_escalation: Some(false),
                            read_only_root_filesystem: Some(true),
                            run_as_non_root: Some(true),
                            capabilities: Some(Capabilities {
                                drop: Some(vec!["ALL".to_string()]),
                                add: None,
                            }),
                            ..SecurityContext::default()
                        }),
                        ..Container::default()
                    }],
                    ..PodSpec::default()
                }),
            },
            ..DeploymentSpec::default()
        },
        status: None,
    }
}

/// The port of the operator's health probes.
const PROBE_PORT: i32 = 8081;

fn http_probe(path: &str, period_seconds: i32) -> Probe {
    Probe {
        http_get: Some(HTTPGetAction {
            path: Some(path.to_string()),
            port: IntOrString::String("probes".to_string()),
            ..HTTPGetAction::default()
        }),
        period_seconds: Some(period_seconds),
        failure_threshold: Some(3),
        ..Probe::default()
    }
}

/// The `IstioOperator` resource `init -f` applies: the user's document as written, not the
/// merged result (the operator merges it with the profile itself, as `install` would), named
/// [`DEFAULT_RESOURCE_NAME`] when it has no name and placed in the first watched namespace when
/// it names none. Fields the server owns (from a `kubectl get -o yaml` copy) are dropped.
pub fn istio_operator_resource(
    document: &Value,
    source_name: &str,
    settings: &Settings,
) -> Result<Value, SettingsError> {
    let mut resource = document.clone();
    if !resource.is_object() {
        resource = json!({});
    }
    resource["apiVersion"] = json!(format!("{GROUP}/{}", super::VERSION));
    resource["kind"] = json!(KIND);
    if !resource["metadata"].is_object() {
        resource["metadata"] = json!({});
    }
    let name = resource["metadata"]["name"]
        .as_str()
        .unwrap_or(DEFAULT_RESOURCE_NAME)
        .to_string();
    if !is_dns_subdomain(&name) {
        return Err(SettingsError::InvalidResourceName {
            source_name: source_name.to_string(),
            name,
        });
    }
    let namespace = resource["metadata"]["namespace"]
        .as_str()
        .map_or_else(|| settings.watched_namespaces[0].clone(), str::to_string);
    if !settings.watches(&namespace) {
        return Err(SettingsError::UnwatchedNamespace {
            source_name: source_name.to_string(),
            namespace,
            watched: settings
                .watched_namespaces
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    resource["metadata"]["name"] = json!(name);
    resource["metadata"]["namespace"] = json!(namespace);
    if let Some(map) = resource.as_object_mut() {
        map.remove("status");
    }
    if let Some(metadata) = resource["metadata"].as_object_mut() {
        for key in [
            "uid",
            "resourceVersion",
            "generation",
            "creationTimestamp",
            "managedFields",
            "finalizers",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "selfLink",
        ] {
            metadata.remove(key);
        }
    }
    Ok(resource)
}

/// What applying one object did (or, on a dry run, would do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Created,
    Configured,
    Unchanged,
    /// A dry run could not ask the server (its namespace or kind does not exist yet); it would
    /// be created.
    WouldCreate,
}

impl Outcome {
    /// kubectl's words: `created`, `configured`, `unchanged`.
    #[must_use]
    pub fn word(self, dry_run: bool) -> &'static str {
        match (self, dry_run) {
            (Self::Created | Self::WouldCreate, false) => "created",
            (Self::Created | Self::WouldCreate, true) => "would be created",
            (Self::Configured, false) => "configured",
            (Self::Configured, true) => "would be configured",
            (Self::Unchanged, _) => "unchanged",
        }
    }
}

/// How `apply` runs.
#[derive(Debug, Clone, Copy)]
pub struct ApplyOptions {
    /// Server-side dry run: the server checks every object, nothing is persisted.
    pub dry_run: bool,
    /// How long the CRD may take to become established.
    pub timeout: Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum DeployError {
    #[error(transparent)]
    Discovery(#[from] DiscoveryError),
    #[error(transparent)]
    Request(#[from] RequestFailed),
    #[error(transparent)]
    Apply(#[from] ApplyError),
    #[error("waiting for the operator")]
    NotReady(#[source] WaitError),
    #[error("removing the operator")]
    Remove(#[source] PruneError),
    #[error(
        "Istio's own operator is in this cluster:\n{}\nmeshctl's operator would fight it over \
         these resources, and its finalizer would keep a deleted resource forever",
        .found.iter().map(|f| format!("  - {f}")).collect::<Vec<_>>().join("\n")
    )]
    IstioOperatorFound { found: Vec<String> },
    #[error(
        "--watch-banzai: Banzai Cloud's operator still runs:\n{}\nboth would reconcile the same \
         Istio resources",
        .found.iter().map(|f| format!("  - {f}")).collect::<Vec<_>>().join("\n")
    )]
    BanzaiOperatorRunning { found: Vec<String> },
    #[error(
        "Istio's operator {deployment} still has {pods} pod(s) {}s after it was scaled to 0",
        .timeout.as_secs()
    )]
    IstioOperatorStillRunning {
        deployment: String,
        pods: usize,
        timeout: Duration,
    },
}

impl DeployError {
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Discovery(source) => source.hint(),
            Self::Request(source) => source.hint(),
            Self::Apply(source) => source.hint(),
            Self::NotReady(source) => source.hint(),
            Self::Remove(source) => source.hint(),
            Self::IstioOperatorFound { .. } => Some(
                "run `meshctl operator init --replace-istio-operator` to stop Istio's operator, \
                 remove it, and take over its resources (the installed mesh stays as it is)"
                    .to_string(),
            ),
            Self::BanzaiOperatorRunning { .. } => Some(
                "scale it to zero (`kubectl scale statefulset NAME -n NAMESPACE --replicas=0`) \
                 or uninstall its Helm release, keeping its CRDs, then run init again: the \
                 Istio resources and the mesh stay, and meshctl's operator takes over their \
                 finalizer"
                    .to_string(),
            ),
            Self::IstioOperatorStillRunning { .. } => Some(
                "nothing of meshctl's operator was applied yet; find out why its pods do not \
                 terminate (`kubectl describe pod -l name=istio-operator -A`) and run init again"
                    .to_string(),
            ),
        }
    }
}

fn is_crd(object: &Value) -> bool {
    object["kind"] == "CustomResourceDefinition"
}

fn is_namespace(object: &Value) -> bool {
    object["kind"] == "Namespace" && object["apiVersion"] == "v1"
}

/// Applies `objects` in order with the install's own server-side apply
/// ([`apply::apply_object`]). CRDs go first and are waited on until established, then discovery
/// is refreshed so that resources of the new kind resolve ([`apply::establish_crds`]).
/// Namespaces are only created when missing ([`namespace`]). Each object's outcome is reported
/// as it happens, and returned.
pub async fn apply(
    catalog: &mut Catalog,
    objects: &[Value],
    options: ApplyOptions,
    reporter: &dyn Reporter,
) -> Result<Vec<(ObjectKey, Outcome)>, DeployError> {
    let mut outcomes = Vec::with_capacity(objects.len());
    let crds: Vec<Value> = objects.iter().filter(|o| is_crd(o)).cloned().collect();
    let report = |key: &ObjectKey, outcome: Outcome| {
        reporter.step(&format!("  {key} {}", outcome.word(options.dry_run)));
    };
    for crd in &crds {
        let key = ObjectKey::of(crd);
        let outcome = apply_one(catalog, crd, options.dry_run).await?;
        report(&key, outcome);
        outcomes.push((key, outcome));
    }
    if !crds.is_empty() && !options.dry_run {
        apply::establish_crds(catalog, &crds, options.timeout).await?;
    }
    let mut missing_namespaces = BTreeSet::new();
    for object in objects.iter().filter(|o| !is_crd(o)) {
        let key = ObjectKey::of(object);
        let outcome = if is_namespace(object) {
            let outcome = ensure_namespace(catalog, object, options.dry_run).await?;
            if outcome == Outcome::WouldCreate {
                missing_namespaces.insert(key.name.clone());
            }
            outcome
        } else if key
            .namespace
            .as_ref()
            .is_some_and(|n| missing_namespaces.contains(n))
        {
            // A dry run cannot check an object in a namespace that does not exist yet.
            Outcome::WouldCreate
        } else if options.dry_run && catalog.resolve(object).is_err() {
            // Nor a resource whose CRD is not installed yet.
            Outcome::WouldCreate
        } else {
            apply_one(catalog, object, options.dry_run).await?
        };
        report(&key, outcome);
        outcomes.push((key, outcome));
    }
    Ok(outcomes)
}

/// The Helm-takeover grants ([`rbac::helm_takeover_role`]) of this operator that `settings` no
/// longer asks for: the `RoleBinding`s of that name bound to the operator's `ServiceAccount` in
/// namespaces `--take-over-helm-in` no longer names, and their Roles. `operator init` deletes
/// them, so that the Secrets access ends with the move.
pub async fn withdrawn_helm_grants(
    catalog: &Catalog,
    settings: &Settings,
) -> Result<Vec<ObjectKey>, DeployError> {
    use k8s_openapi::api::rbac::v1::RoleBinding;
    let api: kube::Api<RoleBinding> = kube::Api::all(catalog.client().clone());
    let selector = format!("{}={}", PART_OF_LABEL.0, PART_OF_LABEL.1);
    let bindings = api
        .list(&ListParams::default().labels(&selector))
        .await
        .map_err(|error| {
            RequestFailed::new(
                "list",
                "RoleBinding objects",
                catalog.request_error(error, "list", "rolebindings", None),
            )
        })?;
    let mut withdrawn = Vec::new();
    for binding in bindings.items {
        let namespace = binding.metadata.namespace.clone().unwrap_or_default();
        let ours = binding.metadata.name.as_deref() == Some(rbac::HELM_TAKEOVER_ROLE)
            && binding.subjects.iter().flatten().any(|subject| {
                subject.kind == "ServiceAccount"
                    && subject.name == NAME
                    && subject.namespace.as_deref() == Some(settings.namespace.as_str())
            });
        if !ours || settings.take_over_helm_in.contains(&namespace) {
            continue;
        }
        for kind in ["RoleBinding", "Role"] {
            withdrawn.push(ObjectKey {
                group: "rbac.authorization.k8s.io".into(),
                kind: kind.into(),
                namespace: Some(namespace.clone()),
                name: rbac::HELM_TAKEOVER_ROLE.into(),
            });
        }
    }
    Ok(withdrawn)
}

/// The live object `key` (of a kind the cluster serves), if it exists.
pub(super) async fn get(
    catalog: &Catalog,
    key: &ObjectKey,
    resolved: &Resolved,
) -> Result<Option<DynamicObject>, RequestFailed> {
    catalog
        .api(resolved, key.namespace.as_deref())
        .get_opt(&key.name)
        .await
        .map_err(|error| catalog.object_request_failed(error, "get", "get", key, resolved))
}

/// One server-side apply; what it changed is judged by comparing the live object with the
/// result, as `meshctl diff` does.
async fn apply_one(
    catalog: &Catalog,
    object: &Value,
    dry_run: bool,
) -> Result<Outcome, DeployError> {
    let key = ObjectKey::of(object);
    let resolved = catalog.resolve(object)?;
    let live = get(catalog, &key, &resolved).await?;
    let result = apply::apply_object(catalog, object, dry_run).await?;
    let Some(live) = live else {
        return Ok(Outcome::Created);
    };
    let before = normalise(&to_value(&live));
    let after = normalise(&to_value(&result));
    Ok(if before == after {
        Outcome::Unchanged
    } else {
        Outcome::Configured
    })
}

/// Creates a namespace when it is missing, with the labels it was given; an existing namespace
/// is not touched (it may be the user's, and must not become ours).
async fn ensure_namespace(
    catalog: &Catalog,
    object: &Value,
    dry_run: bool,
) -> Result<Outcome, DeployError> {
    let key = ObjectKey::of(object);
    if namespace::exists(catalog, &key.name).await? {
        return Ok(Outcome::Unchanged);
    }
    if dry_run {
        return Ok(Outcome::WouldCreate);
    }
    let wanted: Namespace = serde_json::from_value(object.clone()).unwrap_or_default();
    Ok(if namespace::create(catalog, &wanted).await? {
        Outcome::Created
    } else {
        Outcome::Unchanged
    })
}

/// Waits until the operator's Deployment is ready, reporting what it waits for.
pub async fn wait_ready(
    catalog: &Catalog,
    settings: &Settings,
    timeout: Duration,
    reporter: &dyn Reporter,
) -> Result<(), DeployError> {
    let deployment = to_value(&deployment(settings));
    let on_waiting = |reason: &str| reporter.step(&format!("Waiting for the operator: {reason}"));
    wait::wait_ready(catalog, &[deployment], timeout, &on_waiting)
        .await
        .map_err(DeployError::NotReady)
}

/// What `operator remove` would delete, found by label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Removal {
    /// The operator's own objects, in deletion order: the Deployment, then RBAC, the
    /// `ServiceAccount` and the Lease, then its namespace (when `init` created it).
    pub objects: Vec<ObjectKey>,
    /// With `--purge`: the CRD, and the `IstioOperator` resources that go with it.
    pub purged: Vec<ObjectKey>,
    /// `IstioOperator` resources that carry the operator's finalizer: on purge it is removed
    /// first, or deleting the CRD would wait forever for a controller that is gone.
    pub finalized: Vec<ObjectKey>,
}

impl Removal {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty() && self.purged.is_empty()
    }
}

fn crd_key() -> ObjectKey {
    ObjectKey {
        group: "apiextensions.k8s.io".to_string(),
        kind: "CustomResourceDefinition".to_string(),
        namespace: None,
        name: CRD_NAME.to_string(),
    }
}

fn lease_key(namespace: &str) -> ObjectKey {
    ObjectKey {
        group: "coordination.k8s.io".to_string(),
        kind: "Lease".to_string(),
        namespace: Some(namespace.to_string()),
        name: NAME.to_string(),
    }
}

/// Finds what the operator put in the cluster: every object of the operator's kinds
/// ([`kinds::operator`]) with [`PART_OF_LABEL`], the Lease
/// in `namespace`, and with `purge` the CRD and every `IstioOperator` resource.
pub async fn find_installed(
    catalog: &Catalog,
    namespace: &str,
    purge: bool,
) -> Result<Removal, DeployError> {
    let selector = format!("{}={}", PART_OF_LABEL.0, PART_OF_LABEL.1);
    let mut removal = Removal::default();
    for &kinds::ManagedKind { group, kind, .. } in kinds::operator() {
        let Some(resolved) = catalog.find_kind(group, kind) else {
            continue;
        };
        let list = catalog
            .api_all(&resolved)
            .list(&ListParams::default().labels(&selector))
            .await
            .map_err(|error| {
                RequestFailed::new(
                    "list",
                    format!("{kind} objects"),
                    catalog.request_error(error, "list", &resolved.resource_name(), None),
                )
            })?;
        let mut keys: Vec<ObjectKey> = list
            .items
            .iter()
            .map(|item| ObjectKey {
                group: group.to_string(),
                kind: kind.to_string(),
                namespace: item.metadata.namespace.clone(),
                name: item.metadata.name.clone().unwrap_or_default(),
            })
            .collect();
        keys.sort();
        if kind == "Namespace" {
            // The Lease is not labelled (the controller creates it); it goes with the RBAC.
            if let Some(lease) = get_key(catalog, &lease_key(namespace)).await? {
                removal.objects.push(lease);
            }
        }
        removal.objects.extend(keys);
    }
    // The resources are listed either way: without `--purge` to warn about finalizers that
    // would now wait forever, with it because they go with the CRD.
    if let Some(resolved) = catalog.find_kind(GROUP, KIND) {
        let list = catalog
            .api_all(&resolved)
            .list(&ListParams::default())
            .await
            .map_err(|error| {
                RequestFailed::new(
                    "list",
                    format!("{KIND} resources"),
                    catalog.request_error(error, "list", &resolved.resource_name(), None),
                )
            })?;
        for item in &list.items {
            let key = ObjectKey {
                group: GROUP.to_string(),
                kind: KIND.to_string(),
                namespace: item.metadata.namespace.clone(),
                name: item.metadata.name.clone().unwrap_or_default(),
            };
            if item
                .metadata
                .finalizers
                .iter()
                .flatten()
                .any(|f| f == FINALIZER)
            {
                removal.finalized.push(key.clone());
            }
            if purge {
                removal.purged.push(key);
            }
        }
    }
    if purge && let Some(crd) = get_key(catalog, &crd_key()).await? {
        removal.purged.push(crd);
    }
    Ok(removal)
}

/// The key, if the object exists.
async fn get_key(catalog: &Catalog, key: &ObjectKey) -> Result<Option<ObjectKey>, DeployError> {
    let Some(resolved) = catalog.find_kind(&key.group, &key.kind) else {
        return Ok(None);
    };
    let found = get(catalog, key, &resolved).await?;
    Ok(found.map(|_| key.clone()))
}

/// Deletes what [`find_installed`] found: the Deployment first, waiting until its pods are gone
/// (so no controller acts while its permissions disappear), then RBAC, the `ServiceAccount` and
/// the Lease, then on purge the finalizers and the CRD (waiting until it is gone, which takes
/// its resources with it), and last the operator's namespace. Returns how many objects went.
pub async fn remove(
    catalog: &Catalog,
    removal: &Removal,
    timeout: Duration,
    reporter: &dyn Reporter,
) -> Result<usize, DeployError> {
    let (deployments, rest): (Vec<ObjectKey>, Vec<ObjectKey>) = removal
        .objects
        .iter()
        .cloned()
        .partition(|k| k.kind == "Deployment");
    let (namespaces, rest): (Vec<ObjectKey>, Vec<ObjectKey>) =
        rest.into_iter().partition(|k| k.kind == "Namespace");
    let delete = |keys: Vec<ObjectKey>| async move {
        prune::delete(catalog, &keys, Some(timeout), reporter)
            .await
            .map_err(DeployError::Remove)
    };
    let mut deleted = delete(deployments).await?;
    deleted += delete(rest).await?;
    let purge = removal
        .purged
        .iter()
        .any(|k| k.kind == "CustomResourceDefinition");
    if purge {
        for key in &removal.finalized {
            release_finalizer(catalog, key).await?;
        }
        let crd: Vec<ObjectKey> = removal
            .purged
            .iter()
            .filter(|k| k.kind == "CustomResourceDefinition")
            .cloned()
            .collect();
        deleted += delete(crd).await?;
        // The resources went with their CRD.
        deleted += removal.purged.len() - 1;
    }
    deleted += delete(namespaces).await?;
    Ok(deleted)
}

/// Removes [`FINALIZER`] (and only it) from one `IstioOperator`.
async fn release_finalizer(catalog: &Catalog, key: &ObjectKey) -> Result<(), DeployError> {
    rewrite_finalizers(catalog, key, "remove the finalizer of", |finalizers| {
        finalizers.retain(|f| f != FINALIZER);
    })
    .await
}

/// Changes the finalizers of one object with `change`, guarded by its resource version so that
/// a concurrent change is not overwritten (retried a few times on conflict). An object that is
/// gone is not an error.
pub(super) async fn rewrite_finalizers(
    catalog: &Catalog,
    key: &ObjectKey,
    action: &'static str,
    change: impl Fn(&mut Vec<String>),
) -> Result<(), DeployError> {
    let Some(resolved) = catalog.find_kind(&key.group, &key.kind) else {
        return Ok(());
    };
    let api = catalog.api(&resolved, key.namespace.as_deref());
    for _attempt in 0..5 {
        let Some(live) = get(catalog, key, &resolved).await? else {
            return Ok(());
        };
        let before = live.metadata.finalizers.clone().unwrap_or_default();
        let mut finalizers = before.clone();
        change(&mut finalizers);
        if finalizers == before {
            return Ok(());
        }
        let patch = json!({"metadata": {
            "finalizers": finalizers,
            "resourceVersion": live.metadata.resource_version,
        }});
        match api
            .patch(&key.name, &PatchParams::default(), &Patch::Merge(&patch))
            .await
        {
            Ok(_) => return Ok(()),
            Err(error) if is_conflict(&error) => {}
            Err(error) if is_not_found(&error) => return Ok(()),
            Err(error) => {
                return Err(catalog
                    .object_request_failed(error, action, "patch", key, &resolved)
                    .into());
            }
        }
    }
    Err(RequestFailed::new(
        action,
        key,
        RequestError::Api {
            code: 409,
            reason: "Conflict".to_string(),
            message: "the object kept changing".to_string(),
        },
    )
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings {
            hub: "example.com/mesh".into(),
            tag: "1.2.3".into(),
            namespace: "istio-operator".into(),
            watched_namespaces: vec!["istio-system".into(), "team-a".into()],
            image_pull_secrets: vec!["regcred".into()],
            watch_banzai: false,
            take_over_helm_in: Vec::new(),
        }
    }

    fn kinds(objects: &[Value]) -> Vec<String> {
        objects
            .iter()
            .map(|o| ObjectKey::of(o).to_string())
            .collect()
    }

    #[test]
    fn objects_come_in_apply_order() {
        let objects = objects(&settings().validate().expect("valid"));
        assert_eq!(
            kinds(&objects),
            [
                "CustomResourceDefinition `istiooperators.install.istio.io`",
                "Namespace `istio-operator`",
                "Namespace `istio-system`",
                "Namespace `team-a`",
                "ServiceAccount `istio-operator/meshctl-operator`",
                "ClusterRole `meshctl-operator`",
                "ClusterRoleBinding `meshctl-operator`",
                "Role `istio-system/meshctl-operator`",
                "RoleBinding `istio-system/meshctl-operator`",
                "Role `team-a/meshctl-operator`",
                "RoleBinding `team-a/meshctl-operator`",
                "Role `istio-operator/meshctl-operator-leader-election`",
                "RoleBinding `istio-operator/meshctl-operator-leader-election`",
                "Deployment `istio-operator/meshctl-operator`",
            ]
        );
    }

    #[test]
    fn everything_but_watched_namespaces_is_labelled_ours() {
        let objects = objects(&settings().validate().expect("valid"));
        for object in &objects {
            let key = ObjectKey::of(object);
            let labelled =
                object["metadata"]["labels"][PART_OF_LABEL.0].as_str() == Some(PART_OF_LABEL.1);
            let watched = key.kind == "Namespace" && key.name != "istio-operator";
            assert_eq!(labelled, !watched, "{key}");
        }
        // An operator namespace that is also watched is not ours either.
        let mut shared = settings();
        shared.namespace = "istio-system".into();
        let objects = super::objects(&shared.validate().expect("valid"));
        let namespaces: Vec<&Value> = objects.iter().filter(|o| is_namespace(o)).collect();
        assert_eq!(namespaces.len(), 2);
        assert!(namespaces.iter().all(|n| n["metadata"]["labels"].is_null()));
    }

    #[test]
    fn secrets_are_granted_only_where_take_over_helm_in_names() {
        let secret_rules = |objects: &[Value]| -> Vec<(String, String, Value)> {
            objects
                .iter()
                .filter(|o| o["kind"] == "Role" || o["kind"] == "ClusterRole")
                .flat_map(|o| {
                    let key = ObjectKey::of(o);
                    o["rules"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter(|r| {
                            r["resources"]
                                .as_array()
                                .is_some_and(|rs| rs.iter().any(|x| x == "secrets"))
                        })
                        .map(move |r| {
                            (
                                key.namespace.clone().unwrap_or_default(),
                                key.name.clone(),
                                r["verbs"].clone(),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        assert!(secret_rules(&objects(&settings().validate().expect("valid"))).is_empty());
        let mut granted = settings();
        granted.take_over_helm_in = vec![
            "istio-system".into(),
            "istio-ingress".into(),
            "istio-system".into(),
        ];
        let granted = granted.validate().expect("valid");
        assert_eq!(granted.take_over_helm_in, ["istio-system", "istio-ingress"]);
        let objects = objects(&granted);
        assert_eq!(
            secret_rules(&objects),
            [
                (
                    "istio-system".to_string(),
                    rbac::HELM_TAKEOVER_ROLE.to_string(),
                    json!(["list", "delete"])
                ),
                (
                    "istio-ingress".to_string(),
                    rbac::HELM_TAKEOVER_ROLE.to_string(),
                    json!(["list", "delete"])
                ),
            ]
        );
        let bound: Vec<String> = objects
            .iter()
            .filter(|o| {
                o["kind"] == "RoleBinding" && o["roleRef"]["name"] == rbac::HELM_TAKEOVER_ROLE
            })
            .map(|o| {
                o["metadata"]["namespace"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        assert_eq!(bound, ["istio-system", "istio-ingress"]);
        let mut bad = settings();
        bad.take_over_helm_in = vec!["Istio_System".into()];
        assert!(matches!(
            bad.validate(),
            Err(SettingsError::InvalidNamespace {
                flag: "--take-over-helm-in",
                ..
            })
        ));
    }

    #[test]
    fn watch_banzai_adds_the_argument_and_the_istio_rules_in_each_watched_namespace() {
        let banzai_rules = |objects: &[Value], namespace: &str| {
            let role = objects
                .iter()
                .find(|o| o["kind"] == "Role" && o["metadata"]["namespace"] == namespace)
                .expect("a Role in the watched namespace");
            role["rules"]
                .as_array()
                .expect("rules")
                .iter()
                .filter(|r| r["apiGroups"] == json!([crate::operator::banzai::GROUP]))
                .count()
        };
        let plain = objects(&settings().validate().expect("valid"));
        let mut with_banzai = settings();
        with_banzai.watch_banzai = true;
        let banzai = objects(&with_banzai.validate().expect("valid"));
        let args = |objects: &[Value]| {
            objects.last().expect("deployment")["spec"]["template"]["spec"]["containers"][0]["args"]
                .clone()
        };
        assert_eq!(
            args(&banzai),
            json!([
                "operator",
                "run",
                "--watchedNamespaces=istio-system,team-a",
                "--watch-banzai"
            ])
        );
        for namespace in ["istio-system", "team-a"] {
            assert_eq!(banzai_rules(&plain, namespace), 0, "{namespace}");
            assert_eq!(banzai_rules(&banzai, namespace), 2, "{namespace}");
        }
        // Nothing else changes.
        assert_eq!(kinds(&plain), kinds(&banzai));
    }

    #[test]
    fn the_deployment_runs_the_controller_hardened() {
        let objects = objects(&settings().validate().expect("valid"));
        let deployment = objects.last().expect("deployment");
        let pod = &deployment["spec"]["template"]["spec"];
        let container = &pod["containers"][0];
        assert_eq!(container["image"], "example.com/mesh/meshctl:1.2.3");
        assert_eq!(container["command"], json!(["/meshctl"]));
        assert_eq!(
            container["args"],
            json!(["operator", "run", "--watchedNamespaces=istio-system,team-a"])
        );
        assert_eq!(
            container["env"][0]["valueFrom"]["fieldRef"]["fieldPath"],
            "metadata.name"
        );
        assert_eq!(container["env"][1]["name"], "POD_NAMESPACE");
        assert_eq!(
            container["securityContext"]["capabilities"]["drop"],
            json!(["ALL"])
        );
        assert_eq!(container["securityContext"]["readOnlyRootFilesystem"], true);
        assert_eq!(container["ports"][0]["containerPort"], 8081);
        assert_eq!(container["livenessProbe"]["httpGet"]["path"], "/healthz");
        assert_eq!(container["readinessProbe"]["httpGet"]["path"], "/readyz");
        assert_eq!(container["readinessProbe"]["httpGet"]["port"], "probes");
        assert_eq!(
            container["securityContext"]["allowPrivilegeEscalation"],
            false
        );
        assert_eq!(pod["securityContext"]["runAsUser"], 65532);
        assert_eq!(
            pod["securityContext"]["seccompProfile"]["type"],
            "RuntimeDefault"
        );
        assert_eq!(pod["serviceAccountName"], NAME);
        assert_eq!(pod["imagePullSecrets"], json!([{"name": "regcred"}]));
        assert_eq!(container["resources"]["limits"]["memory"], "256Mi");
    }

    #[test]
    fn bad_settings_are_named() {
        let with = |change: fn(&mut Settings)| {
            let mut s = settings();
            change(&mut s);
            s.validate().expect_err("invalid").to_string()
        };
        assert!(
            with(|s| s.namespace = "Istio_Operator".into())
                .starts_with("`--operatorNamespace`: `Istio_Operator`")
        );
        assert!(
            with(|s| s.watched_namespaces = vec!["ok".into(), String::new()])
                .starts_with("`--watchedNamespaces`: ``")
        );
        assert_eq!(
            with(|s| s.watched_namespaces.clear()),
            "`--watchedNamespaces`: at least one namespace is needed"
        );
        assert!(
            with(|s| s.image_pull_secrets = vec!["A B".into()]).starts_with("`--imagePullSecrets`")
        );
        assert!(with(|s| s.tag = "-x".into()).starts_with("`--tag`"));
        assert!(with(|s| s.hub = "a hub".into()).starts_with("`--hub`"));
        let mut repeated = settings();
        repeated.watched_namespaces = vec!["a".into(), "b".into(), "a".into()];
        assert_eq!(
            repeated.validate().expect("valid").watched_namespaces,
            ["a", "b"]
        );
    }

    #[test]
    fn the_resource_is_the_users_document_named_and_placed() {
        let settings = settings().validate().expect("valid");
        let document = json!({"apiVersion": "install.istio.io/v1alpha1", "kind": "IstioOperator",
            "spec": {"profile": "demo"}, "status": {"phase": "Healthy"},
            "metadata": {"resourceVersion": "7"}});
        let resource = istio_operator_resource(&document, "a.yaml", &settings).expect("valid");
        assert_eq!(
            resource,
            json!({"apiVersion": "install.istio.io/v1alpha1", "kind": "IstioOperator",
                "metadata": {"name": "installed-state", "namespace": "istio-system"},
                "spec": {"profile": "demo"}})
        );
        let elsewhere = json!({"metadata": {"name": "x", "namespace": "default"}});
        let error =
            istio_operator_resource(&elsewhere, "a.yaml", &settings).expect_err("unwatched");
        assert_eq!(
            error.to_string(),
            "a.yaml: the IstioOperator is in namespace `default`, which the operator does not watch (`istio-system`, `team-a`)"
        );
        assert!(error.hint().is_some());
        let team = json!({"metadata": {"name": "x", "namespace": "team-a"}});
        assert!(istio_operator_resource(&team, "a.yaml", &settings).is_ok());
    }
}
