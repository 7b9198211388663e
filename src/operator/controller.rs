//! `meshctl operator run`: keeps every `IstioOperator` resource in the watched namespaces
//! installed, with the CLI's own pipeline.
//!
//! reconcile = merge (the resource's spec over its profile, validated strictly) → render → plan
//! (server-side dry-run) → apply in dependency order → wait until ready → prune. An invalid
//! resource is rejected before anything is written: status `Error`, a Warning event, and no
//! retry until the resource changes. Drift is repaired because the controller watches every kind
//! it installs, filtered by the ownership labels, and maps each change back to the resource that
//! owns it; a plan with no changes writes nothing, so the loop settles.
//!
//! Deleting a resource runs the finalizer: everything it installed is deleted (never CRDs, never
//! namespaces), then the finalizer is released. Reconciles run one at a time: two resources
//! installing the same CRDs at once would only fight.
//!
//! Nothing here prints; the controller logs through `tracing` and reports through status and
//! Kubernetes events.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::{BoxFuture, Shared};
use futures::{FutureExt, StreamExt};
use k8s_openapi::api::core::v1::Namespace;
use k8s_openapi::jiff::Timestamp;
use kube::api::{Api, ApiResource, DynamicObject, GroupVersionKind, Patch, PatchParams};
use kube::runtime::controller::{Action, Config as ControllerConfig, Controller};
use kube::runtime::events::{Event as KubeEvent, EventType, Reporter as EventReporter};
use kube::runtime::finalizer::{self, finalizer};
use kube::runtime::reflector::ObjectRef;
use kube::runtime::watcher;
use kube::{Client, Resource, ResourceExt};
use serde_json::json;
use tokio::sync::Mutex as AsyncMutex;

use super::leader::{LeaderElection, LeaderError};
use super::probe::Readiness;
use super::repair::{self, Change, Response};
use super::revisions::{self, RevisionBased};
use super::status::{self, ComponentStatus, Observation, Phase, Status};
use super::{FINALIZER, GROUP, KIND, NAME, VERSION};
use crate::cluster::apply::{self, ApplyOptions};
use crate::cluster::diff::{self, DiffError};
use crate::cluster::discovery::{Catalog, DiscoveryError};
use crate::cluster::injection;
use crate::cluster::owners;
use crate::cluster::prune::{self, PruneError};
use crate::cluster::wait::{self, WaitError};
use crate::cluster::{FIELD_MANAGER, ObjectKey, Ownership, Reporter, kinds};
use crate::input;
use crate::manifest::{self, Manifest};
use crate::pipeline::{self, Inputs, PipelineError};
use crate::render::ComponentName;
use crate::yaml::Source;

/// How often a resource that failed for a transient reason (API errors, readiness timeouts) is
/// tried again.
const RETRY_AFTER_ERROR: Duration = Duration::from_secs(10);
/// How soon a resource whose workloads are not ready yet is looked at again.
const RECHECK_NOT_READY: Duration = Duration::from_secs(5);
/// Events for the same resource within this window are handled by one reconcile: an apply
/// touches dozens of watched objects, and each would otherwise trigger one.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// How the controller runs.
#[derive(Debug, Clone)]
pub struct Settings {
    pub watched_namespaces: Vec<String>,
    /// Where the leader-election Lease lives.
    pub operator_namespace: String,
    /// This replica's name in the Lease and in events.
    pub identity: String,
    pub readiness_timeout: Duration,
    /// How often a healthy resource is checked again without any event.
    pub resync: Duration,
    /// What `/readyz` reports: set once the API server answered and the CRD is served.
    pub readiness: Readiness,
    /// Also reconcile Banzai Cloud's `Istio` resources, when their CRD is served
    /// ([`super::banzai`]).
    pub watch_banzai: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum OperatorError {
    #[error(transparent)]
    Discovery(#[from] DiscoveryError),
    #[error("the cluster does not serve {GROUP}/{VERSION} {KIND}")]
    CrdMissing,
    #[error(transparent)]
    Leader(#[from] LeaderError),
    #[error("watching IstioOperator resources in namespace `{namespace}` failed")]
    Watch {
        namespace: String,
        #[source]
        source: Box<kube::runtime::controller::Error<ReconcileError, watcher::Error>>,
    },
}

impl OperatorError {
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::CrdMissing => {
                Some("install the operator (and its CRD) with `meshctl operator init` first".into())
            }
            _ => None,
        }
    }
}

/// Why one reconcile failed; it is retried after [`RETRY_AFTER_ERROR`].
#[derive(Debug, thiserror::Error)]
pub enum ReconcileError {
    #[error("planning")]
    Plan(#[from] DiffError),
    #[error("planning the revision tags")]
    Tags(#[from] crate::cluster::tags::TagError),
    #[error("applying")]
    Apply(#[from] apply::ApplyError),
    #[error("checking readiness")]
    Verify(#[from] WaitError),
    #[error("uninstalling")]
    Uninstall(#[from] PruneError),
    #[error("labelling namespaces for injection")]
    Injection(#[from] crate::cluster::RequestFailed),
    #[error("looking for other controllers' objects")]
    Owners(#[from] owners::OwnersError),
    #[error("taking objects over from another controller")]
    TakeOver(#[source] crate::cluster::RequestFailed),
    #[error("writing the status of IstioOperator `{resource}`")]
    Status {
        resource: String,
        #[source]
        source: kube::Error,
    },
    #[error("the revisions of IstioOperator `{resource}`")]
    Revisions {
        resource: String,
        #[source]
        source: revisions::HousekeepingError,
    },
    #[error("IstioOperator `{0}` has no name or namespace")]
    Unnamed(String),
    #[error("the finalizer of IstioOperator `{resource}`")]
    Finalizer {
        resource: String,
        #[source]
        source: Box<finalizer::Error<ReconcileError>>,
    },
}

/// What every reconcile shares.
struct Context {
    client: Client,
    /// For the watches: no read timeout (see [`crate::cluster::client::Connection::watch_client`]).
    watches: Client,
    /// The `IstioOperator` API resource.
    resource: ApiResource,
    /// Held for a whole reconcile: that is what makes reconciles run one at a time, and apply
    /// refreshes it after installing CRDs.
    catalog: AsyncMutex<Catalog>,
    /// The kinds looked at for pruning and uninstalling: what the render can produce and the
    /// operator's RBAC lets it list.
    scan_kinds: BTreeSet<(String, String)>,
    recorder: super::events::Events,
    settings: Settings,
    /// What each `IstioOperator` (by namespace and name) wants labelled for injection, as its
    /// last reconcile read it: the namespace watch wakes the resources a namespace concerns.
    injection_wants: Mutex<BTreeMap<(String, String), injection::Desired>>,
    /// What the last full reconcile of each resource applied: the source of targeted repairs.
    rendered: repair::Cache,
    /// The owned kinds watched so far (group, kind).
    owned_watches: Mutex<BTreeSet<(String, String)>>,
    /// Where [`watch_new_kinds`] sends a kind the cluster began to serve after the operator
    /// started, for [`watch_owned`] to watch too.
    new_kinds: futures::channel::mpsc::UnboundedSender<ApiResource>,
}

/// Runs the controller until `shutdown` completes (then finishes the reconciles in flight and
/// releases the Lease) or leadership is lost (an error: the process should exit and restart).
pub async fn run(
    client: Client,
    watches: Client,
    settings: Settings,
    shutdown: BoxFuture<'static, ()>,
) -> Result<(), OperatorError> {
    let shutdown: Shared<BoxFuture<'static, ()>> = shutdown.shared();
    let catalog = Catalog::discover(&client).await?;
    let served = catalog
        .find_kind(GROUP, KIND)
        .ok_or(OperatorError::CrdMissing)?;
    settings.readiness.set(true);
    let mut leader = LeaderElection::new(
        client.clone(),
        &settings.operator_namespace,
        NAME,
        &settings.identity,
    );
    tracing::info!(identity = %settings.identity, lease = %format!("{}/{NAME}", settings.operator_namespace), "waiting for leadership");
    let acquired = leader.acquire(
        |holder| tracing::info!(%holder, "another replica leads; standing by"),
        |error| tracing::warn!(error = %chain(error), "leader election"),
    );
    tokio::select! {
        () = acquired => {}
        () = shutdown.clone() => {
            tracing::info!("shut down before becoming leader");
            return Ok(());
        }
    }
    tracing::info!(identity = %settings.identity, "became leader");

    let watched_kinds: Vec<ApiResource> = served_owned_kinds(&catalog).collect();
    // What its RBAC lets it list: the rendered kinds, not the rest of istioctl's prune list
    // (Secrets, Pods).
    let scan_kinds = kinds::rendered()
        .filter(|m| !m.is_crd())
        .map(kinds::ManagedKind::key)
        .collect();
    let recorder = super::events::Events::new(
        client.clone(),
        EventReporter {
            controller: NAME.into(),
            instance: Some(settings.identity.clone()),
        },
    );
    let (new_kinds, new_kinds_received) = futures::channel::mpsc::unbounded();
    let context = Arc::new(Context {
        client: client.clone(),
        watches,
        resource: served.resource.clone(),
        catalog: AsyncMutex::new(catalog),
        scan_kinds,
        recorder,
        settings: settings.clone(),
        injection_wants: Mutex::new(BTreeMap::new()),
        rendered: repair::Cache::default(),
        owned_watches: Mutex::new(
            watched_kinds
                .iter()
                .map(|k| (k.group.clone(), k.kind.clone()))
                .collect(),
        ),
        new_kinds,
    });

    // One controller per watched namespace (its `IstioOperator` watch needs only a Role there),
    // but each owned kind is watched once for all of them: its events are routed to the
    // controller of the namespace whose resource owns the object.
    let mut routes = BTreeMap::new();
    let controllers =
        futures::future::join_all(settings.watched_namespaces.iter().map(|namespace| {
            let (sender, receiver) = futures::channel::mpsc::unbounded();
            routes.insert(namespace.clone(), sender);
            namespace_controller(namespace, receiver, &context, shutdown.clone())
        }));
    let owned = watch_owned(&context, &watched_kinds, new_kinds_received, routes);
    let banzai = banzai_side(&client, &context, shutdown.clone());
    let outcome = tokio::select! {
        results = controllers => results.into_iter().collect::<Result<(), _>>(),
        () = owned => Ok(()),
        () = banzai => Ok(()),
        lost = leader.keep(|error| tracing::warn!(error = %chain(error), "renewing the Lease")) => {
            return Err(lost.into());
        }
    };
    if let Err(error) = leader.release().await {
        tracing::warn!(error = %chain(&error), "releasing the Lease");
    } else {
        tracing::info!("released the Lease");
    }
    outcome
}

/// `--watch-banzai`: the Banzai controllers when the cluster serves Banzai's CRD; otherwise a
/// clear log line and a future that never completes, so the `IstioOperator` side runs on.
async fn banzai_side(client: &Client, context: &Context, shutdown: Shared<BoxFuture<'static, ()>>) {
    if !context.settings.watch_banzai {
        return futures::future::pending().await;
    }
    let served = context
        .catalog
        .lock()
        .await
        .find_kind(super::banzai::GROUP, super::banzai::KIND)
        .is_some();
    if !served {
        tracing::warn!(
            crd = super::banzai::CRD_NAME,
            "--watch-banzai: the cluster does not serve Banzai's Istio resource (its CRD is not \
             installed); watching IstioOperator resources only"
        );
        return futures::future::pending().await;
    }
    super::banzai::run(
        client.clone(),
        context.watches.clone(),
        context.settings.watched_namespaces.clone(),
        shutdown.clone(),
    )
    .await;
    // The controllers end only at shutdown; wait for it like the others.
    shutdown.await;
}

/// The label every object an `IstioOperator` installed carries; the one selector of the owned
/// watches, so that the API server sends nothing about unrelated objects.
fn owned_selector() -> String {
    format!("{}=Reconcile", manifest::MANAGED_LABEL)
}

/// Watches each owned kind once, cluster-wide, filtered by [`owned_selector`]. An object that
/// was deleted or drifted from the set its owner last applied is re-applied alone (see
/// [`repair`]); any other change goes to the controller of its owner's namespace for a full
/// reconcile (objects owned from an unwatched namespace are someone else's). A kind the cluster
/// serves only later (`PeerAuthentication`, once the first install applied Istio's CRDs) arrives
/// on `new_kinds` and is watched from then on. Runs until dropped.
async fn watch_owned(
    context: &Arc<Context>,
    kinds: &[ApiResource],
    mut new_kinds: futures::channel::mpsc::UnboundedReceiver<ApiResource>,
    routes: BTreeMap<String, futures::channel::mpsc::UnboundedSender<ObjectRef<DynamicObject>>>,
) {
    use kube::runtime::WatchStreamExt;
    let selector = owned_selector();
    let watch = |kind: &ApiResource| {
        let kind_of = kind.clone();
        watcher::watcher(
            Api::<DynamicObject>::all_with(context.watches.clone(), kind),
            watcher::Config::default().labels(&selector),
        )
        .default_backoff()
        .map(move |event| event.map(|event| Touched::Owned(kind_of.clone(), event)))
        .boxed()
    };
    let streams = kinds.iter().map(watch);
    // Namespaces, once, unfiltered: one listed for injection may appear at any time, with any
    // labels (`meshctl.io/injection-namespaces`).
    let namespaces = watcher::watcher(
        Api::<Namespace>::all(context.watches.clone()),
        watcher::Config::default(),
    )
    .default_backoff()
    .touched_objects()
    .map(|event| event.map(Touched::Namespace))
    .boxed();
    let mut events = futures::stream::select_all(streams.chain(std::iter::once(namespaces)));
    tracing::info!(
        kinds = kinds.len(),
        "watching the kinds IstioOperator resources install, and namespaces, once each"
    );
    let send = |owner: ObjectRef<DynamicObject>| {
        if let Some(route) = owner.namespace.as_ref().and_then(|n| routes.get(n)) {
            let _ = route.unbounded_send(owner);
        }
    };
    // What each kind's current (re)list has returned so far, until its `InitDone`.
    let mut listing: BTreeMap<(String, String), BTreeSet<ObjectKey>> = BTreeMap::new();
    loop {
        let event = tokio::select! {
            Some(kind) = new_kinds.next() => {
                tracing::info!(kind = %kind.kind, "the cluster serves a kind IstioOperator resources install now; watching it too");
                events.push(watch(&kind));
                continue;
            }
            event = events.next() => match event {
                Some(event) => event,
                None => break,
            },
        };
        let (kind, change, object) = match event {
            Ok(Touched::Namespace(namespace)) => {
                for owner in concerned_by(&namespace, context) {
                    send(owner);
                }
                continue;
            }
            Ok(Touched::Owned(kind, watcher::Event::Apply(object))) => {
                (kind, Change::Changed, object)
            }
            Ok(Touched::Owned(kind, watcher::Event::InitApply(object))) => {
                listing
                    .entry((kind.group.clone(), kind.kind.clone()))
                    .or_default()
                    .insert(ObjectKey {
                        group: kind.group.clone(),
                        kind: kind.kind.clone(),
                        namespace: object.metadata.namespace.clone(),
                        name: object.name_any(),
                    });
                (kind, Change::Changed, object)
            }
            Ok(Touched::Owned(kind, watcher::Event::Delete(object))) => {
                (kind, Change::Deleted, object)
            }
            Ok(Touched::Owned(kind, watcher::Event::Init)) => {
                tracing::debug!(kind = %kind.kind, "owned watch: listing");
                listing.insert((kind.group.clone(), kind.kind.clone()), BTreeSet::new());
                continue;
            }
            Ok(Touched::Owned(kind, watcher::Event::InitDone)) => {
                let listed = listing
                    .remove(&(kind.group.clone(), kind.kind.clone()))
                    .unwrap_or_default();
                tracing::debug!(kind = %kind.kind, listed = listed.len(), "owned watch: listed");
                let sets = context.rendered.all();
                for ((namespace, name), manifest) in
                    repair::missing_after_relist(&kind.group, &kind.kind, &listed, &sets)
                {
                    let Some(route) = routes.get(&namespace) else {
                        continue;
                    };
                    let owner =
                        ObjectRef::new_with(&name, context.resource.clone()).within(&namespace);
                    let key = ObjectKey::of(manifest.object());
                    tokio::spawn(reapply(
                        Arc::clone(context),
                        owner,
                        key,
                        Change::Deleted,
                        manifest,
                        route.clone(),
                    ));
                }
                continue;
            }
            Err(error) => {
                tracing::warn!(error = %chain(&error), "watching owned objects");
                continue;
            }
        };
        let key = ObjectKey {
            group: kind.group.clone(),
            kind: kind.kind.clone(),
            namespace: object.metadata.namespace.clone(),
            name: object.name_any(),
        };
        tracing::debug!(object = %key, ?change, "owned watch: event");
        let Some(owner) = owner_of(&object, &context.resource) else {
            tracing::debug!(object = %key, "owned watch: no owner to route to");
            continue;
        };
        let Some(route) = owner.namespace.as_ref().and_then(|n| routes.get(n)) else {
            tracing::debug!(object = %key, %owner, "owned watch: owner not in a watched namespace");
            continue;
        };
        let rendered = context
            .rendered
            .get(owner.namespace.as_deref().unwrap_or_default(), &owner.name);
        let live = serde_json::to_value(&object).unwrap_or_default();
        let response = repair::respond(change, &key, &live, rendered.as_deref());
        tracing::debug!(object = %key, %owner, response = response.name(), "owned watch: response");
        match response {
            Response::Nothing => {}
            Response::Reconcile => {
                let _ = route.unbounded_send(owner);
            }
            Response::Reapply(manifest) => {
                tokio::spawn(reapply(
                    Arc::clone(context),
                    owner,
                    key,
                    change,
                    *manifest,
                    route.clone(),
                ));
            }
        }
    }
}

/// Has [`watch_owned`] watch the owned kinds `catalog` serves that were not served when the
/// operator started: the install that just ran may have applied their CRDs.
fn watch_new_kinds(context: &Context, catalog: &Catalog) {
    let mut watched = context
        .owned_watches
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    for kind in served_owned_kinds(catalog) {
        if watched.insert((kind.group.clone(), kind.kind.clone())) {
            let _ = context.new_kinds.unbounded_send(kind);
        }
    }
}

/// The kinds an install can render that `catalog` says the cluster serves: what the owned
/// watches cover, at start and as CRDs arrive.
fn served_owned_kinds(catalog: &Catalog) -> impl Iterator<Item = ApiResource> + '_ {
    kinds::rendered()
        .filter_map(|m| catalog.find_kind(m.group, m.kind))
        .map(|resolved| resolved.resource)
}

/// One event of the owned watches.
enum Touched {
    /// An object of an owned kind (with that kind).
    Owned(ApiResource, watcher::Event<DynamicObject>),
    Namespace(Namespace),
}

/// Re-applies one drifted object and says so in an event; if that fails, the owner gets a full
/// reconcile, which reports the failure in its status and retries.
async fn reapply(
    context: Arc<Context>,
    owner: ObjectRef<DynamicObject>,
    key: ObjectKey,
    change: Change,
    manifest: Manifest,
    route: futures::channel::mpsc::UnboundedSender<ObjectRef<DynamicObject>>,
) {
    let resource = format!(
        "{}/{}",
        owner.namespace.as_deref().unwrap_or_default(),
        owner.name
    );
    let applied = {
        let catalog = context.catalog.lock().await;
        apply::apply_object(&catalog, manifest.object(), false).await
    };
    match applied {
        Ok(_) => {
            let what = match change {
                Change::Deleted => "deleted",
                Change::Changed => "changed",
            };
            let note = format!("repaired drift: re-applied {key} ({what})");
            tracing::info!(%resource, "{note}");
            let event = KubeEvent {
                type_: EventType::Normal,
                reason: "DriftRepaired".into(),
                note: Some(note),
                action: "Reconcile".into(),
                secondary: None,
            };
            let reference = k8s_openapi::api::core::v1::ObjectReference {
                api_version: Some(context.resource.api_version.clone()),
                kind: Some(context.resource.kind.clone()),
                name: Some(owner.name.clone()),
                namespace: owner.namespace.clone(),
                ..Default::default()
            };
            if let Err(error) = context.recorder.publish(&event, &reference).await {
                tracing::warn!(%resource, error = %chain(&error), "writing an event");
            }
        }
        Err(error) => {
            tracing::warn!(%resource, object = %key, error = %chain(&error), "re-applying a drifted object failed; reconciling the whole resource");
            let _ = route.unbounded_send(owner);
        }
    }
}

/// The `IstioOperator` resources a namespace's change concerns: those that list it for
/// injection, and the one whose label it carries.
fn concerned_by(namespace: &Namespace, context: &Context) -> Vec<ObjectRef<DynamicObject>> {
    let name = namespace.name_any();
    let owner = namespace
        .annotations()
        .get(injection::OWNER_ANNOTATION)
        .cloned();
    let wants = context
        .injection_wants
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    wants
        .iter()
        .filter(|(_, desired)| {
            desired.namespaces.contains(&name) || owner.as_deref() == Some(desired.owner.as_str())
        })
        .map(|((resource_namespace, resource_name), _)| {
            ObjectRef::new_with(resource_name, context.resource.clone()).within(resource_namespace)
        })
        .collect()
}

/// One controller per watched namespace: a namespaced watch needs only a Role there, not the
/// right to read `IstioOperator` resources cluster-wide. Changes to owned objects arrive through
/// `owned` (see [`watch_owned`]).
async fn namespace_controller(
    namespace: &str,
    owned: futures::channel::mpsc::UnboundedReceiver<ObjectRef<DynamicObject>>,
    context: &Arc<Context>,
    shutdown: Shared<BoxFuture<'static, ()>>,
) -> Result<(), OperatorError> {
    let resource = context.resource.clone();
    let api: Api<DynamicObject> =
        Api::namespaced_with(context.watches.clone(), namespace, &resource);
    let controller = Controller::new_with(api, watcher::Config::default(), resource.clone())
        .with_config(
            ControllerConfig::default()
                .debounce(DEBOUNCE)
                .concurrency(1),
        )
        .reconcile_on(owned)
        .graceful_shutdown_on(shutdown);
    tracing::info!(%namespace, "watching IstioOperator resources");
    let mut results = controller
        .run(reconcile, error_policy, Arc::clone(context))
        .boxed();
    while let Some(result) = results.next().await {
        match result {
            // Deleted objects still queued are not an error.
            Ok(_) | Err(kube::runtime::controller::Error::ObjectNotFound(_)) => {}
            Err(kube::runtime::controller::Error::ReconcilerFailed(error, object)) => {
                tracing::warn!(resource = %object, error = %chain(&error), "reconcile failed");
            }
            Err(error) => tracing::warn!(error = %chain(&error), "controller"),
        }
    }
    Ok(())
}

/// The `IstioOperator` that owns a live object, from its ownership labels.
fn owner_of(object: &DynamicObject, resource: &ApiResource) -> Option<ObjectRef<DynamicObject>> {
    // Another controller's object that copied our labels (the EndpointSlices of a Service)
    // changes with the endpoints, not with the install: no reason to reconcile.
    if object
        .owner_references()
        .iter()
        .any(|r| r.controller == Some(true))
    {
        return None;
    }
    let labels = object.labels();
    let name = labels.get(manifest::OWNING_RESOURCE_LABEL)?;
    let namespace = labels.get(manifest::OWNING_RESOURCE_NAMESPACE_LABEL)?;
    Some(ObjectRef::new_with(name, resource.clone()).within(namespace))
}

async fn reconcile(
    resource: Arc<DynamicObject>,
    context: Arc<Context>,
) -> Result<Action, ReconcileError> {
    let key = resource_key(&resource);
    let namespace = resource
        .namespace()
        .ok_or_else(|| ReconcileError::Unnamed(key.clone()))?;
    let api: Api<DynamicObject> =
        Api::namespaced_with(context.client.clone(), &namespace, &context.resource);
    finalizer(&api, FINALIZER, resource, |event| async {
        match event {
            finalizer::Event::Apply(resource) => install(&resource, &api, &context).await,
            finalizer::Event::Cleanup(resource) => uninstall(&resource, &api, &context).await,
        }
    })
    .await
    .map_err(|source| ReconcileError::Finalizer {
        resource: key,
        source: Box::new(source),
    })
}

// The signature is kube-runtime's: the resource comes as an `Arc` whether it is used or not.
#[allow(clippy::needless_pass_by_value)]
fn error_policy(
    resource: Arc<DynamicObject>,
    error: &ReconcileError,
    _context: Arc<Context>,
) -> Action {
    tracing::warn!(resource = %resource_key(&resource), error = %chain(error), "will retry in {}s", RETRY_AFTER_ERROR.as_secs());
    Action::requeue(RETRY_AFTER_ERROR)
}

/// Brings the cluster to what `resource` declares.
async fn install(
    resource: &DynamicObject,
    api: &Api<DynamicObject>,
    context: &Context,
) -> Result<Action, ReconcileError> {
    let key = resource_key(resource);
    let generation = resource.metadata.generation.unwrap_or_default();
    let previous = Status::of(&resource.data);
    let (namespace, name) = (
        resource.namespace().unwrap_or_default(),
        resource.name_any(),
    );
    let input = repair::input_hash(
        resource
            .data
            .get("spec")
            .unwrap_or(&serde_json::Value::Null),
    );
    // A set rendered from another spec must not be re-applied while this one is planned.
    context
        .rendered
        .keep_only(&namespace, &name, generation, input);
    let rendered = effective(resource).and_then(|(by_revision, effective)| {
        render(&effective).map(|(merged, manifests)| (by_revision, merged, manifests))
    });
    let (by_revision, merged, mut manifests) = match rendered {
        Ok(rendered) => rendered,
        Err(message) => {
            tracing::warn!(resource = %key, %message, "invalid; nothing applied");
            let observation = Observation {
                phase: Phase::Error,
                reason: "InvalidSpec",
                message: status::bounded(&format!(
                    "invalid IstioOperator, nothing applied: {message}"
                )),
                generation,
                components: BTreeMap::new(),
                // Retrying the same spec gives the same answer: kstatus `Failed`, not waiting.
                stalled: true,
            };
            record(api, resource, context, &observation, previous.as_ref()).await?;
            // Nothing will change until the resource does.
            return Ok(Action::await_change());
        }
    };
    let present: Vec<ComponentName> = ComponentName::ALL
        .into_iter()
        .filter(|c| manifests.iter().any(|m| m.component == *c))
        .collect();
    // The render resolved it already: an unsupported release was an invalid spec above.
    let release = crate::release::resolve(&merged).map_or(crate::release::newest(), |r| r.release);

    let mut catalog = context.catalog.lock().await;
    // The install-time objects `meshctl install` adds (the default revision tag), decided
    // against the cluster the same way. An overlap is logged: the resource is what the user
    // asked for, and there is no `--force` to give.
    let tags = crate::cluster::tags::complete_install(&catalog, &merged, &mut manifests).await?;
    for overlap in &tags.overlaps {
        tracing::warn!(resource = %key, "injection webhooks overlap: {overlap}");
    }
    if let Some(newer) = &tags.kept_crds {
        tracing::info!(resource = %key, "Istio's CRDs left as they are: {newer}");
    }
    // Another controller's objects (a Helm release, an Argo CD Application, …), before anything
    // is written: refused unless the resource says to take them (`meshctl.io/take-over-from`).
    // Retried: the other controller may be stopped, or the annotation added. A takeover from
    // Helm ends by removing the release Secrets (else `helm uninstall` deletes the mesh), which
    // the operator may read and delete only where `operator init --take-over-helm-in` granted
    // it; without that annotation it reads no Secret and judges Helm by the objects' annotations.
    let allowed = match owners::take_over_annotation(resource.annotations()) {
        Ok(allowed) => allowed,
        Err(message) => {
            drop(catalog);
            let observation = Observation {
                phase: Phase::Error,
                reason: "InvalidSpec",
                message: status::bounded(&format!("nothing applied: {message}")),
                generation,
                components: BTreeMap::new(),
                stalled: true,
            };
            record(api, resource, context, &observation, previous.as_ref()).await?;
            return Ok(Action::await_change());
        }
    };
    let from_helm = allowed.contains(&owners::Controller::Helm);
    let releases = if from_helm {
        owners::Releases::In(helm_namespaces(&merged, &manifests))
    } else {
        owners::Releases::Skip
    };
    let foreign = owners::find(&catalog, &manifests, &releases).await?;
    if let Some(why) = &foreign.unchecked {
        tracing::warn!(resource = %key, "{why}");
    }
    if from_helm && !foreign.unreadable.is_empty() {
        drop(catalog);
        let namespaces = foreign.unreadable.join(",");
        let message = status::bounded(&format!(
            "nothing applied: Helm releases in {} own objects of this install, and the operator \
             may not list Secrets there to take them over\nhint: grant it with `meshctl operator \
             init --take-over-helm-in {namespaces}` (the chart's `takeOverHelmIn`), or run \
             `meshctl migrate helm` once",
            foreign
                .unreadable
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        tracing::warn!(resource = %key, %message, "Helm's release Secrets are not readable");
        let refused = not_applied(
            Phase::Error,
            "TakeOverForbidden",
            message,
            generation,
            &present,
        );
        record(api, resource, context, &refused, previous.as_ref()).await?;
        return Ok(Action::requeue(RETRY_AFTER_ERROR));
    }
    // Releases to forget once everything is applied and ready (again after an interruption:
    // their Secrets stay until then, so the next reconcile finds them again).
    let pending_helm = from_helm && !foreign.releases.is_empty();
    if let Some(refusal) = foreign.refusal(&allowed) {
        drop(catalog);
        let message = status::bounded(&format!(
            "nothing applied: {refusal}\nhint: {}; or annotate this IstioOperator with {}: \
             CONTROLLER",
            refusal.hint(),
            owners::TAKE_OVER_ANNOTATION
        ));
        tracing::warn!(resource = %key, %message, "owned by another controller");
        let refused = not_applied(
            Phase::Error,
            "OwnedByAnotherController",
            message,
            generation,
            &present,
        );
        record(api, resource, context, &refused, previous.as_ref()).await?;
        return Ok(Action::requeue(RETRY_AFTER_ERROR));
    }
    if !foreign.claims.is_empty() {
        let moved = owners::adopt_all(&catalog, &foreign, &manifests, &allowed)
            .await
            .map_err(ReconcileError::TakeOver)?;
        tracing::info!(resource = %key, moved, "took objects over from {}", foreign.claims.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "));
    }
    for webhook in &tags.deactivate_live {
        crate::cluster::tags::deactivate_live(&catalog, webhook)
            .await
            .map_err(crate::cluster::tags::TagError::from)?;
    }
    let ownership = Ownership::of_render(&manifests);
    // Revision-based: namespaces follow the tag, which moves; never the revision, which goes.
    let injection_revision = match &by_revision {
        Some((strategy, _)) => Some(strategy.tag.as_str()),
        None => merged["spec"]["revision"].as_str(),
    };
    let desired = desired_injection(resource, &merged, injection_revision, context);
    let mut plan =
        match diff::plan_scanning(&catalog, &manifests, &ownership, &context.scan_kinds).await {
            Ok(plan) => plan,
            Err(error) => {
                fail(
                    api,
                    resource,
                    context,
                    previous.as_ref(),
                    "PlanFailed",
                    &error,
                    &present,
                )
                .await?;
                return Err(error.into());
            }
        };
    if let Some(desired) = &desired {
        plan.injection = Some(injection::plan(&catalog, desired).await?);
    }

    // Revision-based, not paused: once the rendered revision is ready, the tag and older revisions.
    let round = by_revision
        .as_ref()
        .filter(|_| !paused(resource))
        .map(|(strategy, current)| RevisionRound {
            strategy,
            current,
            merged: &merged,
            manifests: &manifests,
        });
    // A takeover from Helm still to finish goes on to apply (nothing) and wait, then finishes.
    let finish_helm = pending_helm && !paused(resource);
    if !plan.has_changes() && !finish_helm {
        drop(catalog);
        // A paused resource keeps no rendered set: a targeted repair would re-apply from it.
        if paused(resource) {
            context.rendered.remove(&namespace, &name);
        } else {
            context.rendered.insert(
                &namespace,
                &name,
                repair::Rendered::new(generation, input, &manifests),
            );
        }
        return check_ready(
            api,
            resource,
            context,
            &manifests,
            previous.as_ref(),
            release,
            round,
        )
        .await;
    }

    // A generation the status has already seen as healthy means something changed underneath.
    let drift = previous
        .as_ref()
        .is_some_and(|p| p.status == Phase::Healthy && p.observed_generation == generation);
    let summary = plan_summary(&plan);
    // Paused (an incident, a freeze): the difference is reported, nothing is written.
    if paused(resource) {
        drop(catalog);
        // Drift of its objects then comes here (a full reconcile), not to a targeted repair.
        context.rendered.remove(&namespace, &name);
        let observation = Observation {
            phase: Phase::Reconciling,
            reason: "Paused",
            message: status::bounded(&format!(
                "paused by the annotation {PAUSE_ANNOTATION}: not applying {summary}"
            )),
            generation,
            components: present
                .iter()
                .map(|c| {
                    (
                        *c,
                        versioned(component(Phase::Reconciling, "paused"), release),
                    )
                })
                .collect(),
            stalled: false,
        };
        tracing::info!(resource = %key, "paused: not applying {summary}");
        record(api, resource, context, &observation, previous.as_ref()).await?;
        return Ok(Action::requeue(context.settings.resync));
    }
    // The release the components ran before, as the status says: a change is an upgrade.
    let from = previous
        .as_ref()
        .and_then(|p| p.component_status.values().find_map(|c| c.version.clone()))
        .filter(|v| !v.is_empty() && *v != release.version);
    let as_revision = by_revision
        .as_ref()
        .map(|(_, r)| format!(" as revision `{r}`, beside the running one"))
        .unwrap_or_default();
    let upgrade_verb = from
        .as_ref()
        .map(|from| format!("upgrading Istio {from} → {}{as_revision}", release.version));
    let (reason, verb) = match (&upgrade_verb, drift) {
        (Some(verb), _) => ("Upgrading", verb.as_str()),
        (None, true) => ("DriftDetected", "repairing drift"),
        (None, false) => ("Reconciling", "applying"),
    };
    tracing::info!(resource = %key, "{verb}: {summary}");
    // Istio's word for "changes are being applied" is UPDATING (its operator marked each
    // component UPDATING while applying it, and the whole resource with it).
    let reconciling = Observation {
        phase: Phase::Updating,
        reason,
        message: format!("{verb}: {summary}"),
        generation,
        components: present
            .iter()
            .map(|c| (*c, versioned(component(Phase::Updating, ""), release)))
            .collect(),
        stalled: false,
    };
    let current = record(api, resource, context, &reconciling, previous.as_ref()).await?;

    let reporter = LogProgress::new(&key);
    let options = ApplyOptions {
        readiness_timeout: context.settings.readiness_timeout,
    };
    let applied = match apply::apply(&mut catalog, &manifests, &plan, options, &reporter).await {
        // Namespaces are labelled last, once the injector is ready (as `meshctl install`).
        Ok(report) => match (&desired, &plan.injection) {
            (Some(desired), Some(injection_plan)) => {
                match injection::apply(&catalog, desired, injection_plan).await {
                    Ok(_) => Ok(report),
                    Err(error) => {
                        tracing::warn!(resource = %key, error = %chain(&error), "labelling namespaces");
                        return Err(error.into());
                    }
                }
            }
            _ => Ok(report),
        },
        Err(error) => Err(error),
    };
    match applied {
        Ok(report) => {
            watch_new_kinds(context, &catalog);
            context.rendered.insert(
                &namespace,
                &name,
                repair::Rendered::new(generation, input, &manifests),
            );
            let (reason, message) = if let Some(from) = &from {
                (
                    "Upgraded",
                    format!(
                        "upgraded Istio {from} → {}{as_revision}: {} objects applied, {} pruned",
                        release.version, report.applied, report.pruned
                    ),
                )
            } else if drift {
                ("DriftRepaired", format!("repaired drift: {summary}"))
            } else {
                (
                    "Installed",
                    format!(
                        "installed: {} objects applied, {} pruned",
                        report.applied, report.pruned
                    ),
                )
            };
            tracing::info!(resource = %key, "{message}");
            if pending_helm {
                let finished = owners::finish_helm(&catalog, &foreign, &manifests)
                    .await
                    .map_err(ReconcileError::TakeOver)?;
                let note = helm_finished_note(&finished);
                tracing::info!(resource = %key, "{note}");
                publish(
                    context,
                    resource,
                    EventType::Normal,
                    "HelmReleasesRemoved",
                    &note,
                )
                .await;
            }
            let (revisions, recheck) =
                settle_revisions(resource, context, &catalog, Some(&current), round).await?;
            let healthy = Observation {
                phase: Phase::Healthy,
                reason,
                message,
                generation,
                components: present
                    .iter()
                    .map(|c| (*c, versioned(component(Phase::Healthy, ""), release)))
                    .collect(),
                stalled: false,
            };
            record_with(api, resource, context, &healthy, Some(&current), revisions).await?;
            Ok(Action::requeue(
                recheck.map_or(context.settings.resync, |r| r.min(context.settings.resync)),
            ))
        }
        Err(error) => {
            let mut components = reporter.components();
            for c in &present {
                components.entry(*c).or_insert_with(|| {
                    component(Phase::Reconciling, "waiting for its dependencies")
                });
            }
            for status in components.values_mut() {
                status.version = Some(release.version.clone());
            }
            let message = status::bounded(&with_hint(&error, error.hint()));
            tracing::warn!(resource = %key, %message, "apply failed");
            let failed = Observation {
                phase: Phase::Error,
                reason: "ApplyFailed",
                message,
                generation,
                components,
                // Retried after RETRY_AFTER_ERROR: an API error or a slow workload may pass.
                stalled: false,
            };
            record(api, resource, context, &failed, Some(&current)).await?;
            Err(error.into())
        }
    }
}

/// What `resource` wants labelled for injection, remembered for the namespace watch.
fn desired_injection(
    resource: &DynamicObject,
    merged: &serde_json::Value,
    revision: Option<&str>,
    context: &Context,
) -> Option<injection::Desired> {
    // The render has already refused an invalid annotation, so this only fails if it changed.
    let desired = injection::Desired::of(merged, revision).ok()?;
    context
        .injection_wants
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .insert(
            (
                resource.namespace().unwrap_or_default(),
                resource.name_any(),
            ),
            desired.clone(),
        );
    Some(desired)
}

/// Nothing to apply: the status says whether the workloads are ready.
/// `components`: the components present, and the release they run (the live objects match
/// its render: nothing was to be changed). The release stays in each component's status: a
/// status without it made the next tag change look like a fresh install, not an upgrade.
async fn check_ready(
    api: &Api<DynamicObject>,
    resource: &DynamicObject,
    context: &Context,
    manifests: &[Manifest],
    previous: Option<&Status>,
    release: &crate::release::Release,
    revision_based: Option<RevisionRound<'_>>,
) -> Result<Action, ReconcileError> {
    let generation = resource.metadata.generation.unwrap_or_default();
    let present: Vec<ComponentName> = ComponentName::ALL
        .into_iter()
        .filter(|c| manifests.iter().any(|m| m.component == *c))
        .collect();
    let verification = {
        let catalog = context.catalog.lock().await;
        wait::verify(&catalog, manifests).await?
    };
    let component_of: BTreeMap<ObjectKey, ComponentName> = manifests
        .iter()
        .map(|m| (ObjectKey::from(m), m.component))
        .collect();
    // Each component keeps the release it runs: the next change of release is an upgrade from it.
    let mut components: BTreeMap<ComponentName, ComponentStatus> = present
        .iter()
        .map(|c| (*c, versioned(component(Phase::Healthy, ""), release)))
        .collect();
    for not_ready in &verification.not_ready {
        if let Some(c) = component_of.get(&not_ready.object) {
            components.insert(
                *c,
                versioned(
                    component(
                        Phase::Reconciling,
                        &format!("{}: {}", not_ready.object, not_ready.reason),
                    ),
                    release,
                ),
            );
        }
    }
    let (observation, action) = if verification.is_complete() {
        let message = previous
            .filter(|p| p.status == Phase::Healthy && p.observed_generation == generation)
            .map_or_else(|| "up to date".to_string(), |p| p.message.clone());
        let reason = previous
            .filter(|p| p.status == Phase::Healthy && p.observed_generation == generation)
            .and_then(|p| p.conditions.iter().find(|c| c.type_ == status::READY))
            .map_or("UpToDate", |c| static_reason(&c.reason));
        (
            Observation {
                phase: Phase::Healthy,
                reason,
                message,
                generation,
                components,
                stalled: false,
            },
            Action::requeue(context.settings.resync),
        )
    } else {
        let waiting: Vec<String> = verification
            .not_ready
            .iter()
            .map(|n| format!("{} ({})", n.object, n.reason))
            .chain(
                verification
                    .missing
                    .iter()
                    .map(|k| format!("{k} (missing)")),
            )
            .collect();
        (
            Observation {
                phase: Phase::Reconciling,
                reason: "WaitingForReadiness",
                message: status::bounded(&format!("waiting for {}", waiting.join(", "))),
                generation,
                components,
                stalled: false,
            },
            Action::requeue(RECHECK_NOT_READY),
        )
    };
    // The tag moves only to a ready revision, and nothing is removed meanwhile.
    let (revisions, recheck) = if verification.is_complete() {
        let catalog = context.catalog.lock().await;
        settle_revisions(resource, context, &catalog, previous, revision_based).await?
    } else {
        (None, None)
    };
    write_status(api, resource, &observation, previous, revisions).await?;
    Ok(match recheck {
        Some(recheck) if recheck < context.settings.resync => Action::requeue(recheck),
        _ => action,
    })
}

/// The revision-based strategy's inputs for one reconcile: its settings, the revision the
/// resource renders now, and the merged tree (for the namespace installed into).
#[derive(Clone, Copy)]
struct RevisionRound<'a> {
    strategy: &'a RevisionBased,
    current: &'a str,
    merged: &'a serde_json::Value,
    /// What the current revision renders: objects it shares with an older one stay.
    manifests: &'a [Manifest],
}

/// Once the current revision is ready: with the revision-based strategy, moves the tag to it
/// and removes older revisions unused past their grace period (an event for each step).
/// Returns the revisions for the status (in place: none, where the status still lists some
/// from the strategy before) and when to look again.
async fn settle_revisions(
    resource: &DynamicObject,
    context: &Context,
    catalog: &Catalog,
    previous: Option<&Status>,
    round: Option<RevisionRound<'_>>,
) -> Result<(Option<Vec<revisions::RevisionStatus>>, Option<Duration>), ReconcileError> {
    let listed = previous.map_or(&[][..], |p| p.revisions.as_slice());
    let Some(round) = round else {
        return Ok(((!listed.is_empty()).then(Vec::new), None));
    };
    let name = resource.name_any();
    let namespace = resource.namespace().unwrap_or_default();
    let owner = revisions::Owner {
        name: &name,
        namespace: &namespace,
        istio_namespace: round.merged["metadata"]["namespace"]
            .as_str()
            .filter(|n| !n.is_empty())
            .unwrap_or("istio-system"),
    };
    let shared: BTreeSet<ObjectKey> = round.manifests.iter().map(ObjectKey::from).collect();
    let done = revisions::housekeep(
        catalog,
        &owner,
        round.current,
        round.strategy,
        listed,
        &shared,
        Timestamp::now(),
    )
    .await
    .map_err(|source| ReconcileError::Revisions {
        resource: resource_key(resource),
        source,
    })?;
    for step in &done.steps {
        tracing::info!(resource = %resource_key(resource), "{}", step.message);
        publish(
            context,
            resource,
            EventType::Normal,
            step.reason,
            &step.message,
        )
        .await;
    }
    Ok((Some(done.revisions), done.recheck))
}

/// Deletes everything `resource` installed (never CRDs or namespaces) before its finalizer goes.
async fn uninstall(
    resource: &DynamicObject,
    api: &Api<DynamicObject>,
    context: &Context,
) -> Result<Action, ReconcileError> {
    let key = resource_key(resource);
    let name = resource.name_any();
    let namespace = resource.namespace().unwrap_or_default();
    // What it installed is going away: none of it is to be re-applied.
    context.rendered.remove(&namespace, &name);
    let catalog = context.catalog.lock().await;
    let ownership = Ownership {
        revision: None,
        owning_resource: Some(name),
        include_opted_out: true,
    };
    let namespaces = BTreeSet::from([namespace.clone()]);
    let owned = prune::list_owned(&catalog, &context.scan_kinds, &ownership, &namespaces).await?;
    // The owner is a name in a namespace: a resource of the same name elsewhere is someone else.
    let mut keys: Vec<ObjectKey> = owned
        .objects
        .iter()
        .filter(|o| {
            o["metadata"]["labels"][manifest::OWNING_RESOURCE_NAMESPACE_LABEL].as_str()
                == Some(namespace.as_str())
        })
        .map(ObjectKey::of)
        .collect();
    prune::sort_for_deletion(&mut keys);
    tracing::info!(resource = %key, objects = keys.len(), "uninstalling");
    // Said in the status too, so that `kubectl get iop` shows why the resource is still there.
    let uninstalling = Observation {
        phase: Phase::Reconciling,
        reason: "Uninstalling",
        message: format!(
            "uninstalling: deleting the {} objects this resource installed",
            keys.len()
        ),
        generation: resource.metadata.generation.unwrap_or_default(),
        components: BTreeMap::new(),
        stalled: false,
    };
    let previous = Status::of(&resource.data);
    record(api, resource, context, &uninstalling, previous.as_ref()).await?;
    let reporter = LogProgress::new(&key);
    let deleted = prune::delete(
        &catalog,
        &keys,
        Some(context.settings.readiness_timeout),
        &reporter,
    )
    .await?;
    if let Ok((merged, _)) = render(resource)
        && let Ok(desired) = injection::Desired::of(&merged, merged["spec"]["revision"].as_str())
    {
        let released =
            injection::release(&catalog, &injection::Release::Owner(desired.owner)).await?;
        tracing::info!(resource = %key, namespaces = ?released, "removed the injection labels it set");
    }
    context
        .injection_wants
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .remove(&(namespace.clone(), resource.name_any()));
    tracing::info!(resource = %key, deleted, "uninstalled; releasing the finalizer");
    Ok(Action::await_change())
}

/// The resource as it renders, with the update strategy it asks for: revision-based, its
/// `spec.revision` is the revision its release installs as (returned with the strategy).
fn effective(
    resource: &DynamicObject,
) -> Result<(Option<(RevisionBased, String)>, DynamicObject), String> {
    let Some(strategy) = revisions::strategy_of(resource)? else {
        return Ok((None, resource.clone()));
    };
    let spec = resource
        .data
        .get("spec")
        .cloned()
        .unwrap_or_else(|| json!({}));
    let tree = json!({"metadata": {"annotations": switch_annotations(resource)}, "spec": spec});
    let release = crate::release::resolve(&tree)
        .map_err(|e| e.to_string())?
        .release;
    let revision = revisions::revision_name(&spec, release);
    let effective = revisions::with_revision(resource, &revision);
    Ok((Some((strategy, revision)), effective))
}

/// The resource as pipeline input: its spec over its profile, named after it, so that the
/// ownership labels name it. The status and server-set metadata are not input.
fn render(resource: &DynamicObject) -> Result<(serde_json::Value, Vec<Manifest>), String> {
    let tree = json!({
        "apiVersion": format!("{GROUP}/{VERSION}"),
        "kind": KIND,
        "metadata": {
            "name": resource.name_any(),
            "namespace": resource.namespace(),
            "annotations": switch_annotations(resource),
        },
        "spec": resource.data.get("spec").cloned().unwrap_or_else(|| json!({})),
    });
    // The same parser as a `-f` file: identity, then the strict typed decode.
    let file = input::from_tree(
        tree,
        Source(format!("IstioOperator `{}`", resource_key(resource))),
        true,
    )
    .map_err(|error| chain(&error))?
    .file;
    let inputs = Inputs {
        files: vec![file],
        ..Inputs::default()
    };
    let merged = pipeline::merge(&inputs).map_err(|error| match error {
        // The CLI's wording ends in a `--force` hint that means nothing here.
        PipelineError::Invalid(invalid) => invalid.problems.join("; "),
        other => chain(&other),
    })?;
    for warning in &merged.warnings {
        tracing::warn!(resource = %resource_key(resource), "{}", warning.0);
    }
    // A remote that names no primary is invalid, as for `meshctl install`. Reachability is not
    // checked here: the operator keeps a remote's objects in place while its primary is down.
    crate::multicluster::remote_primary(&merged.tree).map_err(|e| chain(&e))?;
    let mut manifests = pipeline::render(&merged).map_err(|e| chain(&e))?;
    // The render labels objects as istioctl does, with `metadata.namespace` after the merge put
    // `values.global.istioNamespace` there: the namespace installed into. The operator's objects
    // name the namespace the resource lives in instead (as Istio's own operator did), because
    // that is what tells its owner apart: the owned watches route each change by it, and
    // uninstall deletes by it. With the install namespace, a resource outside it (several in
    // their own namespaces, all installing into istio-system) owned nothing that either could find.
    if let Some(namespace) = resource.namespace() {
        for manifest in &mut manifests {
            if manifest
                .label(manifest::OWNING_RESOURCE_NAMESPACE_LABEL)
                .is_some()
            {
                manifest.set_label(manifest::OWNING_RESOURCE_NAMESPACE_LABEL, &namespace);
            }
        }
    }
    for warning in pipeline::unmatched_overlays(&merged, &manifests) {
        tracing::warn!(resource = %resource_key(resource), "{}", warning.0);
    }
    Ok((merged.tree, manifests))
}

/// The resource's `meshctl.io/…` input annotations — the switches ([`crate::switches`]) and the
/// release ([`crate::release`]) — input, like its spec.
fn switch_annotations(resource: &DynamicObject) -> BTreeMap<String, String> {
    resource
        .annotations()
        .iter()
        .filter(|(key, _)| {
            [
                crate::switches::MTLS_MODE_ANNOTATION,
                crate::switches::INJECTION_NAMESPACES_ANNOTATION,
                crate::release::RELEASE_ANNOTATION,
            ]
            .contains(&key.as_str())
        })
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

/// Says what a reconcile found, the one way every outcome is told: a Kubernetes event whose
/// reason and note are the observation's (a Warning when the phase is Error), then the status.
/// Returns the status now in place.
async fn record(
    api: &Api<DynamicObject>,
    resource: &DynamicObject,
    context: &Context,
    observation: &Observation,
    previous: Option<&Status>,
) -> Result<Status, ReconcileError> {
    record_with(api, resource, context, observation, previous, None).await
}

/// [`record`], with the revisions the status lists ([`write_status`]).
async fn record_with(
    api: &Api<DynamicObject>,
    resource: &DynamicObject,
    context: &Context,
    observation: &Observation,
    previous: Option<&Status>,
    revisions: Option<Vec<revisions::RevisionStatus>>,
) -> Result<Status, ReconcileError> {
    let type_ = if observation.phase == Phase::Error {
        EventType::Warning
    } else {
        EventType::Normal
    };
    publish(
        context,
        resource,
        type_,
        observation.reason,
        &observation.message,
    )
    .await;
    write_status(api, resource, observation, previous, revisions).await
}

/// Writes the status for `observation` unless the resource already says exactly that; returns
/// the status now in place.
/// `revisions`, where given, replace the ones `previous` lists ([`settle_revisions`]).
async fn write_status(
    api: &Api<DynamicObject>,
    resource: &DynamicObject,
    observation: &Observation,
    previous: Option<&Status>,
    revisions: Option<Vec<revisions::RevisionStatus>>,
) -> Result<Status, ReconcileError> {
    let mut status = Status::from_observation(observation, previous, Timestamp::now());
    if let Some(revisions) = revisions {
        status.revisions = revisions;
    }
    if previous == Some(&status) {
        return Ok(status);
    }
    let body = json!({
        "apiVersion": format!("{GROUP}/{VERSION}"),
        "kind": KIND,
        "status": status,
    });
    // Server-side apply on the status subresource: the controller owns every status field, so a
    // component that is no longer rendered drops out of `componentStatus`.
    match api
        .patch_status(
            &resource.name_any(),
            &PatchParams::apply(FIELD_MANAGER).force(),
            &Patch::Apply(&body),
        )
        .await
    {
        Ok(_) => Ok(status),
        // Deleted meanwhile: nothing left to tell.
        Err(error) if crate::cluster::is_not_found(&error) => Ok(status),
        Err(source) => Err(ReconcileError::Status {
            resource: resource_key(resource),
            source,
        }),
    }
}

/// A refusal before anything was applied, retried (the other controller may stop, a grant may
/// come): every present component "not applied".
fn not_applied(
    phase: Phase,
    reason: &'static str,
    message: String,
    generation: i64,
    present: &[ComponentName],
) -> Observation {
    Observation {
        phase,
        reason,
        message,
        generation,
        components: present
            .iter()
            .map(|c| (*c, component(Phase::Reconciling, "not applied")))
            .collect(),
        stalled: false,
    }
}

/// The namespaces where the operator looks for Helm's release Secrets when it takes over from
/// Helm: the install's own namespace and every namespace it renders into (the objects'
/// annotations add the namespaces their releases name).
fn helm_namespaces(merged: &serde_json::Value, manifests: &[Manifest]) -> BTreeSet<String> {
    let mut namespaces: BTreeSet<String> = manifests
        .iter()
        .filter_map(|m| m.object()["metadata"]["namespace"].as_str())
        .map(str::to_string)
        .collect();
    namespaces.insert(
        merged["spec"]["namespace"]
            .as_str()
            .unwrap_or("istio-system")
            .to_string(),
    );
    namespaces
}

/// The event's words for the end of a takeover from Helm.
fn helm_finished_note(finished: &owners::HelmFinished) -> String {
    let keys = |keys: &[crate::cluster::ObjectKey]| {
        keys.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut note = format!(
        "took the mesh over from Helm: release(s) {} removed, so `helm list` no longer shows them \
         and `helm uninstall` cannot delete the mesh",
        finished.forgotten.join(", ")
    );
    if !finished.deleted.is_empty() {
        let _ = write!(
            note,
            "; deleted what they rendered and this install does not: {}",
            keys(&finished.deleted)
        );
    }
    if !finished.kept.is_empty() {
        let _ = write!(
            note,
            "; left as they are (not Istio's): {}",
            keys(&finished.kept)
        );
    }
    note
}

/// Records what happened on the resource, for `kubectl describe` and `kubectl events`. An event
/// that cannot be written is logged, never a reason to fail the reconcile.
async fn publish(
    context: &Context,
    resource: &DynamicObject,
    type_: EventType,
    reason: &str,
    note: &str,
) {
    let event = KubeEvent {
        type_,
        reason: reason.to_string(),
        note: Some(status::bounded(note).chars().take(1024).collect()),
        action: "Reconcile".into(),
        secondary: None,
    };
    let reference = resource.object_ref(&context.resource);
    if let Err(error) = context.recorder.publish(&event, &reference).await {
        tracing::warn!(resource = %resource_key(resource), error = %chain(&error), "writing an event");
    }
}

/// Marks the resource Error after a failure before anything was applied.
async fn fail(
    api: &Api<DynamicObject>,
    resource: &DynamicObject,
    context: &Context,
    previous: Option<&Status>,
    reason: &'static str,
    error: &DiffError,
    present: &[ComponentName],
) -> Result<(), ReconcileError> {
    let message = status::bounded(&with_hint(error, error.hint()));
    tracing::warn!(resource = %resource_key(resource), %message, "{reason}");
    // Planning failed on the cluster's side (an API error, a conflict): retried.
    let observation = not_applied(
        Phase::Error,
        reason,
        message,
        resource.metadata.generation.unwrap_or_default(),
        present,
    );
    record(api, resource, context, &observation, previous).await?;
    Ok(())
}

/// `3 to create, 1 to change (Deployment `istio-system/istiod`, …)`.
fn plan_summary(plan: &diff::Plan) -> String {
    let summary = &plan.summary;
    let counts: Vec<String> = [
        (summary.create, "to create"),
        (summary.change, "to change"),
        (summary.prune, "to prune"),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, what)| format!("{count} {what}"))
    .collect();
    let mut text = counts.join(", ");
    let changed: Vec<String> = plan
        .objects
        .iter()
        .filter(|o| !matches!(o.action, diff::Action::Unchanged))
        .map(|o| o.key.to_string())
        .collect();
    if !changed.is_empty() {
        const SHOWN: usize = 5;
        let more = if changed.len() > SHOWN { ", …" } else { "" };
        let _ = write!(
            text,
            " ({}{more})",
            changed[..changed.len().min(SHOWN)].join(", ")
        );
    }
    if !plan.missing_namespaces.is_empty() {
        let _ = write!(
            text,
            "; namespaces to create: {}",
            plan.missing_namespaces.join(", ")
        );
    }
    text
}

fn component(phase: Phase, note: &str) -> ComponentStatus {
    ComponentStatus::new(phase, note)
}

/// A component status that names the Istio release it is (being) brought to.
fn versioned(mut status: ComponentStatus, release: &crate::release::Release) -> ComponentStatus {
    status.version = Some(release.version.clone());
    status
}

/// The annotation that stops the operator from changing anything for its resource: drift is
/// reported (status `RECONCILING`, reason `Paused`, an event), not repaired, until it is removed.
pub const PAUSE_ANNOTATION: &str = "meshctl.io/paused";

/// Whether the resource is paused (`meshctl.io/paused: "true"`).
fn paused(resource: &DynamicObject) -> bool {
    resource
        .annotations()
        .get(PAUSE_ANNOTATION)
        .is_some_and(|value| value.trim().eq_ignore_ascii_case("true"))
}

/// Condition reasons are `'static` in [`Observation`]; a reason read back from the cluster is
/// one this controller wrote, so it maps back to its constant.
fn static_reason(reason: &str) -> &'static str {
    ["Installed", "DriftRepaired", "Upgraded", "UpToDate"]
        .into_iter()
        .find(|r| *r == reason)
        .unwrap_or("UpToDate")
}

/// `namespace/name`.
pub(super) fn resource_key(resource: &DynamicObject) -> String {
    format!(
        "{}/{}",
        resource.namespace().unwrap_or_default(),
        resource.name_any()
    )
}

/// An error and its causes on one line, as status messages and logs carry them.
pub(super) fn chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}

fn with_hint(error: &dyn std::error::Error, hint: Option<String>) -> String {
    match hint {
        Some(hint) => format!("{} (hint: {hint})", chain(error)),
        None => chain(error),
    }
}

/// The operator's [`Reporter`]: progress goes to the log, and each component's last state is
/// kept for the status.
struct LogProgress {
    resource: String,
    components: Mutex<BTreeMap<ComponentName, ComponentStatus>>,
}

impl LogProgress {
    fn new(resource: &str) -> Self {
        Self {
            resource: resource.to_string(),
            components: Mutex::new(BTreeMap::new()),
        }
    }

    fn set(&self, component: ComponentName, phase: Phase, message: &str) {
        if let Ok(mut components) = self.components.lock() {
            components.insert(component, self::component(phase, message));
        }
    }

    fn components(&self) -> BTreeMap<ComponentName, ComponentStatus> {
        self.components
            .lock()
            .map(|c| c.clone())
            .unwrap_or_default()
    }
}

impl Reporter for LogProgress {
    fn step(&self, message: &str) {
        tracing::info!(resource = %self.resource, "{message}");
    }

    fn component_started(&self, component: ComponentName, objects: usize) {
        tracing::info!(resource = %self.resource, component = component.label(), objects, "applying");
        self.set(component, Phase::Updating, "applying");
    }

    fn object_applied(&self, component: ComponentName, object: &ObjectKey) {
        tracing::debug!(resource = %self.resource, component = component.label(), %object, "applied");
    }

    fn waiting(&self, component: ComponentName, reason: &str) {
        tracing::debug!(resource = %self.resource, component = component.label(), %reason, "waiting");
        self.set(component, Phase::Reconciling, reason);
    }

    fn component_ready(&self, component: ComponentName, elapsed: Duration) {
        tracing::info!(resource = %self.resource, component = component.label(), seconds = elapsed.as_secs_f64(), "ready");
        self.set(component, Phase::Healthy, "");
    }

    fn component_failed(&self, component: ComponentName) {
        self.set(
            component,
            Phase::Error,
            "failed; see the resource's message",
        );
    }

    fn object_deleted(&self, object: &ObjectKey) {
        tracing::info!(resource = %self.resource, %object, "deleted");
    }
}

/// The `IstioOperator` kind as an [`ApiResource`], for tests and callers without discovery.
#[must_use]
pub fn istio_operator_resource() -> ApiResource {
    ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(GROUP, VERSION, KIND), super::PLURAL)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn resource(spec: &Value) -> DynamicObject {
        let mut object =
            DynamicObject::new("example", &istio_operator_resource()).within("istio-system");
        object.data = json!({ "spec": spec.clone(), "status": { "status": "HEALTHY" } });
        object.metadata.finalizers = Some(vec![FINALIZER.into()]);
        object.metadata.resource_version = Some("42".into());
        object
    }

    #[test]
    fn objects_name_the_namespace_of_their_resource_not_the_one_installed_into() {
        let mut outside = resource(&json!({ "profile": "minimal", "revision": "r1" }));
        outside.metadata.namespace = Some("mesh-1".into());
        let (_, manifests) = render(&outside).expect("renders");
        let deployment = manifests
            .iter()
            .find(|m| m.kind() == "Deployment")
            .expect("istiod");
        assert_eq!(deployment.object()["metadata"]["namespace"], "istio-system");
        for manifest in &manifests {
            assert_eq!(
                manifest.label(manifest::OWNING_RESOURCE_NAMESPACE_LABEL),
                Some("mesh-1"),
                "{}",
                ObjectKey::of(manifest.object())
            );
        }
        // ...which is what routes a watch event for one of them back to it.
        let live: DynamicObject =
            serde_json::from_value(deployment.object().clone()).expect("an object");
        let owner = owner_of(&live, &istio_operator_resource()).expect("owned");
        assert_eq!(owner.namespace.as_deref(), Some("mesh-1"));
        assert_eq!(owner.name, "example");
    }

    #[test]
    fn a_remote_resource_must_name_its_primary() {
        let error = render(&resource(&json!({ "profile": "remote" }))).expect_err("invalid");
        assert!(error.contains("names no primary"), "{error}");
        let named = json!({ "profile": "remote", "values": { "global": { "remotePilotAddress": "10.0.0.9" } } });
        assert!(render(&resource(&named)).is_ok());
    }

    #[test]
    fn a_resource_renders_as_the_cli_renders_its_file() {
        let (_, manifests) = render(&resource(&json!({ "profile": "minimal" }))).expect("renders");
        let deployment = manifests
            .iter()
            .find(|m| m.kind() == "Deployment")
            .expect("istiod");
        let labels = &deployment.object()["metadata"]["labels"];
        assert_eq!(labels[manifest::OWNING_RESOURCE_LABEL], "example");
        assert_eq!(
            labels[manifest::OWNING_RESOURCE_NAMESPACE_LABEL],
            "istio-system"
        );
        assert!(
            manifests
                .iter()
                .all(|m| m.component != ComponentName::IngressGateways),
            "minimal has no gateway"
        );
    }

    #[test]
    fn an_invalid_spec_names_the_field() {
        let message = render(&resource(
            &json!({ "components": { "pilot": { "k8s": { "replicaCount": "two" } } } }),
        ))
        .expect_err("invalid");
        assert!(
            message.contains("components.pilot.k8s.replicaCount"),
            "{message}"
        );
        let unknown = render(&resource(&json!({ "profil": "demo" }))).expect_err("invalid");
        assert!(unknown.contains("profil"), "{unknown}");
    }

    #[test]
    fn owned_objects_map_back_to_their_resource() {
        let owner = istio_operator_resource();
        let mut object = DynamicObject::new(
            "istiod",
            &ApiResource::erase::<k8s_openapi::api::apps::v1::Deployment>(&()),
        );
        assert!(owner_of(&object, &owner).is_none(), "no labels, no owner");
        object.metadata.labels = Some(
            [
                (
                    manifest::OWNING_RESOURCE_LABEL.to_string(),
                    "example".to_string(),
                ),
                (
                    manifest::OWNING_RESOURCE_NAMESPACE_LABEL.to_string(),
                    "istio-system".to_string(),
                ),
            ]
            .into(),
        );
        let reference = owner_of(&object, &owner).expect("owner");
        assert_eq!(reference.name, "example");
        assert_eq!(reference.namespace.as_deref(), Some("istio-system"));
    }

    #[test]
    fn error_chains_read_as_one_line() {
        let error = ReconcileError::Status {
            resource: "istio-system/example".into(),
            source: kube::Error::Api(
                kube::core::Status::failure("boom", "InternalError")
                    .with_code(500)
                    .boxed(),
            ),
        };
        let text = chain(&error);
        assert!(
            text.starts_with("writing the status of IstioOperator `istio-system/example`: "),
            "{text}"
        );
        assert!(text.contains("boom"), "{text}");
    }
}
