//! Other controllers that own objects meshctl would write, found before anything is written.
//!
//! meshctl already takes objects over from istioctl and from its own other revisions (the plan's
//! `takeover`, [`super::diff`]) and hands fields over to istiod ([`super::handover`]): those are
//! installs of the same kind. A Helm release, an Argo CD Application, a Flux `HelmRelease` or
//! `Kustomization` or the Sail operator is another controller: it puts its version back on its
//! next sync, or deletes the objects on its uninstall, so applying over it starts a fight that
//! neither side sees. So the install, diff, precheck, `operator init` and the operator refuse,
//! naming each owner, its objects and the way out ([`ForeignOwners`]), unless the user said which
//! controllers to take objects from (`--take-over-from`; `--force` is not that).
//!
//! What proves an owner (labels alone do not: Istio's charts put `app.kubernetes.io/managed-by:
//! Helm` and `app.kubernetes.io/instance` on istioctl's renders too):
//! - Helm: the `meta.helm.sh/release-name`/`-namespace` annotations, or a release Secret whose
//!   manifest lists the object ([`super::helm_release`]): `helm uninstall` deletes what its
//!   manifest lists, annotations or not.
//! - Argo CD: the `argocd.argoproj.io/tracking-id` annotation (its default tracking since 3.0), or
//!   the `argocd.argoproj.io/instance` label (the instance label key Argo CD's docs suggest
//!   configuring instead of `app.kubernetes.io/instance`, which charts set themselves).
//! - Flux: the `helm.toolkit.fluxcd.io/name|namespace` and `kustomize.toolkit.fluxcd.io/name|
//!   namespace` labels its controllers stamp.
//! - The Sail operator: an owner reference to one of its kinds (`sailoperator.io`), or its
//!   `managed-by: sail-operator` label.
//!
//! Taking an object over ([`adopt`]) moves the fields the other controller's field managers hold
//! into meshctl's apply entry (as kubectl moves client-side fields to server-side apply): the
//! object's values do not change, so nothing restarts and its uid stays; meshctl's next apply then
//! removes what it does not render (the other controller's annotations and labels among them),
//! so the object ends as a fresh install would leave it. Nothing here prints.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use futures::{FutureExt as _, StreamExt, stream};
use kube::api::{Patch, PatchParams};
use serde::Serialize;
use serde_json::{Value, json};

use super::discovery::Catalog;
use super::helm_release::{self, HelmReleaseError, Release};
use super::{FIELD_MANAGER, ObjectKey, RequestFailed};
use crate::manifest::Manifest;

/// The `IstioOperator` annotation that lets the operator take objects from other controllers,
/// as `--take-over-from` does for the CLI: `helm`, `argocd`, `flux`, `sail`, comma-separated.
pub const TAKE_OVER_ANNOTATION: &str = "meshctl.io/take-over-from";

/// The controllers [`TAKE_OVER_ANNOTATION`] names among `annotations`.
pub fn take_over_annotation(
    annotations: &std::collections::BTreeMap<String, String>,
) -> Result<Vec<Controller>, String> {
    let Some(text) = annotations.get(TAKE_OVER_ANNOTATION) else {
        return Ok(Vec::new());
    };
    text.split(',')
        .map(str::trim)
        .filter(|word| !word.is_empty())
        .map(|word| {
            Controller::ALL
                .into_iter()
                .find(|c| c.flag_value() == word)
                .ok_or_else(|| {
                    format!(
                        "annotation `{TAKE_OVER_ANNOTATION}`: `{word}` is not a controller meshctl \
                         takes over from; expected helm, argocd, flux or sail"
                    )
                })
        })
        .collect()
}

/// How many objects are read at once.
const CONCURRENCY: usize = 8;
/// How many of an owner's objects a message lists before "and N more".
const LISTED: usize = 6;

/// A controller other than meshctl (or istioctl, whose installs meshctl takes over as its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Controller {
    Helm,
    #[serde(rename = "argocd")]
    ArgoCd,
    Flux,
    Sail,
}

impl Controller {
    pub const ALL: [Self; 4] = [Self::Helm, Self::ArgoCd, Self::Flux, Self::Sail];

    /// The value `--take-over-from` takes for it.
    #[must_use]
    pub fn flag_value(self) -> &'static str {
        match self {
            Self::Helm => "helm",
            Self::ArgoCd => "argocd",
            Self::Flux => "flux",
            Self::Sail => "sail",
        }
    }

    /// Whether a field manager is this controller's (the fields [`adopt`] moves to meshctl).
    #[must_use]
    pub fn manages_as(self, manager: &str) -> bool {
        match self {
            Self::Helm => manager == "helm",
            Self::ArgoCd => manager.starts_with("argocd"),
            Self::Flux => matches!(manager, "helm-controller" | "kustomize-controller"),
            Self::Sail => manager == "sail-operator",
        }
    }

    /// What the user can do instead, or before `--take-over-from`.
    #[must_use]
    pub fn way_out(self) -> &'static str {
        match self {
            Self::Helm => {
                "`meshctl migrate helm` takes Istio's Helm releases over (it prints the \
                 equivalent IstioOperator, installs it, then removes the releases so that `helm \
                 uninstall` can no longer delete the mesh); or `helm uninstall` them first; or \
                 pass `--take-over-from helm`"
            }
            Self::ArgoCd => {
                "remove these objects from the Argo CD Application (or point it at an \
                 IstioOperator instead), then pass `--take-over-from argocd`: Argo CD's tracking \
                 marks go as meshctl takes each object"
            }
            Self::Flux => {
                "suspend the Flux object (`flux suspend helmrelease|kustomization NAME`) and remove \
                 it without pruning, then pass `--take-over-from flux`"
            }
            Self::Sail => {
                "stop the Sail operator managing this mesh (scale it to zero, remove its `Istio` \
                 resource's finalizer-driven objects from its care), then pass `--take-over-from \
                 sail`"
            }
        }
    }
}

impl fmt::Display for Controller {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Helm => "Helm",
            Self::ArgoCd => "Argo CD",
            Self::Flux => "Flux",
            Self::Sail => "the Sail operator",
        })
    }
}

/// One owner: a controller and the thing of its that owns objects.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Owner {
    pub controller: Controller,
    /// `Helm release `istio-system/istiod``, `Argo CD Application `istio``, …
    pub name: String,
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// The owners a live object's own metadata names, Flux before Helm (Flux's helm-controller also
/// stamps Helm's annotations).
#[must_use]
pub fn of_object(live: &Value) -> Vec<Owner> {
    let metadata = &live["metadata"];
    let label = |key: &str| metadata["labels"][key].as_str().filter(|v| !v.is_empty());
    let annotation = |key: &str| {
        metadata["annotations"][key]
            .as_str()
            .filter(|v| !v.is_empty())
    };
    let mut owners = Vec::new();
    for (prefix, kind) in [
        ("helm.toolkit.fluxcd.io", "HelmRelease"),
        ("kustomize.toolkit.fluxcd.io", "Kustomization"),
    ] {
        if let Some(name) = label(&format!("{prefix}/name")) {
            let namespace = label(&format!("{prefix}/namespace")).unwrap_or("flux-system");
            owners.push(Owner {
                controller: Controller::Flux,
                name: format!("Flux {kind} `{namespace}/{name}`"),
            });
        }
    }
    // `<app>:<group>/<kind>:<namespace>/<name>`; an Application outside Argo CD's namespace is
    // `<namespace>_<app>`.
    let tracked = annotation("argocd.argoproj.io/tracking-id")
        .and_then(|id| id.split(':').next())
        .or_else(|| label("argocd.argoproj.io/instance"));
    if let Some(application) = tracked {
        owners.push(Owner {
            controller: Controller::ArgoCd,
            name: format!(
                "Argo CD Application `{}`",
                application.replacen('_', "/", 1)
            ),
        });
    }
    let sail_reference = metadata["ownerReferences"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|reference| {
            reference["apiVersion"]
                .as_str()
                .is_some_and(|v| v.starts_with("sailoperator.io/"))
        });
    if let Some(reference) = sail_reference {
        owners.push(Owner {
            controller: Controller::Sail,
            name: format!(
                "the Sail operator's {} `{}`",
                reference["kind"].as_str().unwrap_or("resource"),
                reference["name"].as_str().unwrap_or_default()
            ),
        });
    } else if label("managed-by") == Some("sail-operator") {
        owners.push(Owner {
            controller: Controller::Sail,
            name: "the Sail operator".into(),
        });
    }
    if let Some(release) = annotation("meta.helm.sh/release-name") {
        let namespace = annotation("meta.helm.sh/release-namespace")
            .or_else(|| metadata["namespace"].as_str())
            .unwrap_or("default");
        owners.push(Owner {
            controller: Controller::Helm,
            name: helm_release_name(namespace, release),
        });
    }
    owners
}

fn helm_release_name(namespace: &str, release: &str) -> String {
    format!("Helm release `{namespace}/{release}`")
}

/// The namespace of a release named by [`helm_release_name`].
fn helm_release_namespace(owner: &Owner) -> Option<&str> {
    if owner.controller != Controller::Helm {
        return None;
    }
    let path = owner
        .name
        .strip_prefix("Helm release `")?
        .strip_suffix('`')?;
    path.split_once('/').map(|(namespace, _)| namespace)
}

/// One owner and the objects of this install it owns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    pub owner: Owner,
    /// What else is known: `chart istiod 1.31.0, deployed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub objects: Vec<ObjectKey>,
}

impl fmt::Display for Claim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.owner)?;
        if let Some(detail) = &self.detail {
            write!(f, " ({detail})")?;
        }
        let listed: Vec<String> = self
            .objects
            .iter()
            .take(LISTED)
            .map(ToString::to_string)
            .collect();
        write!(f, ": {}", listed.join(", "))?;
        if self.objects.len() > LISTED {
            write!(f, " and {} more", self.objects.len() - LISTED)?;
        }
        Ok(())
    }
}

/// Every other owner of what an install would write.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Foreign {
    pub claims: Vec<Claim>,
    /// The Helm releases that claim objects (for a takeover to forget once done).
    #[serde(skip)]
    pub releases: Vec<Release>,
    /// Why part of the search could not be done (a user who may not list Secrets).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unchecked: Option<String>,
    /// Namespaces where an object's annotation names a Helm release and whose Secrets may not be
    /// listed ([`Releases::In`]): a takeover from Helm cannot finish there.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<String>,
}

impl Foreign {
    /// The claims of controllers not in `allowed`, as the refusal to give; `None` when every
    /// owner may be taken from.
    #[must_use]
    pub fn refusal(&self, allowed: &[Controller]) -> Option<ForeignOwners> {
        let claims: Vec<Claim> = self
            .claims
            .iter()
            .filter(|claim| !allowed.contains(&claim.owner.controller))
            .cloned()
            .collect();
        (!claims.is_empty()).then_some(ForeignOwners { claims })
    }

    /// The objects owned by one of `controllers`, with which of them owns it.
    #[must_use]
    pub fn claimed_by(
        &self,
        controllers: &[Controller],
    ) -> BTreeMap<ObjectKey, BTreeSet<Controller>> {
        let mut objects: BTreeMap<ObjectKey, BTreeSet<Controller>> = BTreeMap::new();
        for claim in &self.claims {
            if controllers.contains(&claim.owner.controller) {
                for object in &claim.objects {
                    objects
                        .entry(object.clone())
                        .or_default()
                        .insert(claim.owner.controller);
                }
            }
        }
        objects
    }
}

/// The refusal: other controllers own objects this would write.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", self.message())]
pub struct ForeignOwners {
    pub claims: Vec<Claim>,
}

impl ForeignOwners {
    fn message(&self) -> String {
        let mut message = String::from(
            "other controllers own objects this install would write (nothing was written):",
        );
        for claim in &self.claims {
            message.push_str("\n  - ");
            message.push_str(&claim.to_string());
        }
        message
    }

    /// The way out, per controller found.
    #[must_use]
    pub fn hint(&self) -> String {
        let controllers: BTreeSet<Controller> =
            self.claims.iter().map(|c| c.owner.controller).collect();
        controllers
            .into_iter()
            .map(|c| format!("{c}: {}", c.way_out()))
            .collect::<Vec<_>>()
            .join("\n      ")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OwnersError {
    #[error(transparent)]
    Request(#[from] RequestFailed),
    #[error(transparent)]
    Releases(#[from] HelmReleaseError),
}

impl OwnersError {
    /// Whether the user may not read the objects (a missing permission the precheck names).
    #[must_use]
    pub fn is_forbidden(&self) -> bool {
        match self {
            Self::Request(error) => error.source.is_forbidden(),
            Self::Releases(error) => error.is_forbidden(),
        }
    }

    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Request(error) => error.hint(),
            Self::Releases(error) => error.hint(),
        }
    }
}

/// Where [`find`] reads Helm's release Secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Releases {
    /// Nowhere: objects are judged by their own marks (the operator, unless told to take over
    /// from Helm).
    Skip,
    /// In every namespace (the CLI, run by someone who may list Secrets cluster-wide).
    All,
    /// In these namespaces, and in each one a Helm annotation on the objects names: the operator,
    /// which may list Secrets only where it was granted to. A namespace it may not read is
    /// skipped, unless an object's annotation says a release lives there: that one is reported in
    /// [`Foreign::unreadable`].
    In(BTreeSet<String>),
}

/// Reads each object of `manifests` that exists, and Helm's release Secrets where `releases`
/// says, and says who else owns them. Kinds the server does not serve yet (CRDs this install
/// adds) have no live objects.
pub async fn find(
    catalog: &Catalog,
    manifests: &[Manifest],
    releases: &Releases,
) -> Result<Foreign, OwnersError> {
    let objects: Vec<&Value> = manifests.iter().map(Manifest::object).collect();
    find_objects(catalog, &objects, releases).await
}

/// [`find`] for objects that are not rendered manifests (the operator's own, for `operator
/// init`).
pub async fn find_objects(
    catalog: &Catalog,
    objects: &[&Value],
    releases: &Releases,
) -> Result<Foreign, OwnersError> {
    let keys: Vec<ObjectKey> = objects.iter().map(|o| ObjectKey::of(o)).collect();
    let requests: Vec<_> = objects
        .iter()
        .map(|object| read_owners(catalog, object).boxed())
        .collect();
    let found: Vec<Result<(ObjectKey, Vec<Owner>), RequestFailed>> =
        stream::iter(requests).buffered(CONCURRENCY).collect().await;
    let mut by_owner: BTreeMap<Owner, BTreeSet<ObjectKey>> = BTreeMap::new();
    for result in found {
        let (key, owners) = result?;
        for owner in owners {
            by_owner.entry(owner).or_default().insert(key.clone());
        }
    }
    let mut foreign = Foreign::default();
    let mut details: BTreeMap<Owner, String> = BTreeMap::new();
    // The releases, and where they were read (`None`: everywhere).
    let read: Result<(Vec<Release>, Option<BTreeSet<String>>), HelmReleaseError> = match releases {
        Releases::Skip => Ok((Vec::new(), Some(BTreeSet::new()))),
        Releases::All => helm_release::read(catalog, None)
            .await
            .map(|releases| (releases, None)),
        Releases::In(namespaces) => {
            let annotated: BTreeSet<String> = by_owner
                .keys()
                .filter_map(helm_release_namespace)
                .map(str::to_string)
                .collect();
            read_in(catalog, namespaces, &annotated, &mut foreign).await
        }
    };
    match read {
        Ok((releases, read_namespaces)) => {
            // Annotations of a release that no longer exists (`helm uninstall` keeps Istio's
            // CRDs, `helm.sh/resource-policy: keep`, annotations and all) are no owner: nothing
            // of Helm's will write or delete those objects again. Judged where Secrets were read.
            let was_read = |owner: &Owner| match &read_namespaces {
                None => true,
                Some(namespaces) => {
                    helm_release_namespace(owner).is_some_and(|n| namespaces.contains(n))
                }
            };
            by_owner.retain(|owner, _| {
                owner.controller != Controller::Helm
                    || !was_read(owner)
                    || releases
                        .iter()
                        .any(|r| owner.name == helm_release_name(&r.namespace, &r.name))
            });
            for release in releases {
                let owner = Owner {
                    controller: Controller::Helm,
                    name: helm_release_name(&release.namespace, &release.name),
                };
                let rendered: Vec<&ObjectKey> =
                    keys.iter().filter(|key| release.renders(key)).collect();
                let annotated = by_owner.contains_key(&owner);
                if rendered.is_empty() && !annotated {
                    continue;
                }
                by_owner
                    .entry(owner.clone())
                    .or_default()
                    .extend(rendered.into_iter().cloned());
                details.insert(
                    owner,
                    format!(
                        "chart {} {}, {}",
                        release.chart, release.chart_version, release.status
                    ),
                );
                foreign.releases.push(release);
            }
        }
        Err(error) if error.is_forbidden() => {
            foreign.unchecked = Some(format!(
                "Helm releases not read ({error}); objects were judged by their annotations only"
            ));
        }
        Err(error) => return Err(error.into()),
    }
    foreign.claims = by_owner
        .into_iter()
        .map(|(owner, objects)| {
            // The workloads first, then their configuration: the CRDs every install shares say
            // least about whose mesh it is.
            let mut objects: Vec<ObjectKey> = objects.into_iter().collect();
            objects.sort_by_key(|o| match o.kind.as_str() {
                "Deployment" | "DaemonSet" => 0,
                "CustomResourceDefinition" => 2,
                _ => 1,
            });
            Claim {
                detail: details.get(&owner).cloned(),
                owner,
                objects,
            }
        })
        .collect();
    Ok(foreign)
}

/// The releases in `namespaces` and in `annotated` (the namespaces Helm's annotations name),
/// and the namespaces read. A namespace whose Secrets may not be listed is skipped when nothing
/// points at a release there, and recorded in `foreign.unreadable` when an annotation does.
async fn read_in(
    catalog: &Catalog,
    namespaces: &BTreeSet<String>,
    annotated: &BTreeSet<String>,
    foreign: &mut Foreign,
) -> Result<(Vec<Release>, Option<BTreeSet<String>>), HelmReleaseError> {
    let mut releases = Vec::new();
    let mut read = BTreeSet::new();
    for namespace in namespaces.union(annotated) {
        match helm_release::read(catalog, Some(namespace)).await {
            Ok(found) => {
                releases.extend(found);
                read.insert(namespace.clone());
            }
            Err(error) if error.is_forbidden() => {
                if annotated.contains(namespace) {
                    foreign.unreadable.push(namespace.clone());
                }
            }
            Err(error) => return Err(error),
        }
    }
    Ok((releases, Some(read)))
}

async fn read_owners(
    catalog: &Catalog,
    object: &Value,
) -> Result<(ObjectKey, Vec<Owner>), RequestFailed> {
    let key = ObjectKey::of(object);
    let Ok(resolved) = catalog.resolve(object) else {
        return Ok((key, Vec::new()));
    };
    let live = catalog
        .api(&resolved, key.namespace.as_deref())
        .get_opt(&key.name)
        .await
        .map_err(|e| catalog.object_request_failed(e, "get", "get", &key, &resolved))?;
    let owners = live
        .and_then(|o| serde_json::to_value(o).ok())
        .map(|live| of_object(&live))
        .unwrap_or_default();
    Ok((key, owners))
}

/// Takes `key` over from `controllers`: their field managers' fields become meshctl's (the
/// object's values are not changed), so that meshctl's next apply leaves the object exactly as
/// rendered. Returns whether anything was moved (an object already adopted moves nothing: an
/// interrupted takeover runs this again).
pub async fn adopt(
    catalog: &Catalog,
    key: &ObjectKey,
    api_version: &str,
    controllers: &[Controller],
) -> Result<bool, RequestFailed> {
    // A kind the server does not serve has no object to take over.
    let Some(resolved) = catalog.find(api_version, &key.kind) else {
        return Ok(false);
    };
    let api = catalog.api(&resolved, key.namespace.as_deref());
    let Some(live) = api
        .get_opt(&key.name)
        .await
        .map_err(|e| catalog.object_request_failed(e, "get", "get", key, &resolved))?
    else {
        return Ok(false);
    };
    let live = serde_json::to_value(live).unwrap_or(Value::Null);
    let Some(entries) = moved_managed_fields(&live, api_version, controllers) else {
        return Ok(false);
    };
    // The resourceVersion makes it conditional: a writer in between makes it fail, and the
    // caller's next run reads again.
    let patch = json!({"metadata": {
        "resourceVersion": live["metadata"]["resourceVersion"],
        "managedFields": entries,
    }});
    api.patch(
        &key.name,
        &PatchParams {
            field_manager: Some(FIELD_MANAGER.into()),
            ..PatchParams::default()
        },
        &Patch::Merge(&patch),
    )
    .await
    .map_err(|e| catalog.object_request_failed(e, "take over", "patch", key, &resolved))?;
    Ok(true)
}

/// Takes over ([`adopt`]) every object of `manifests` that one of `controllers` owns in
/// `foreign`; returns how many had fields moved.
pub async fn adopt_all(
    catalog: &Catalog,
    foreign: &Foreign,
    manifests: &[Manifest],
    controllers: &[Controller],
) -> Result<usize, RequestFailed> {
    let claimed = foreign.claimed_by(controllers);
    let mut moved = 0;
    for manifest in manifests {
        let key = ObjectKey::from(manifest);
        let Some(owners) = claimed.get(&key) else {
            continue;
        };
        let owners: Vec<Controller> = owners.iter().copied().collect();
        if adopt(catalog, &key, manifest.api_version(), &owners).await? {
            moved += 1;
        }
    }
    Ok(moved)
}

/// What [`finish_helm`] did once the install was ready.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HelmFinished {
    /// Istio objects a release rendered that this install does not: deleted, as a fresh install
    /// would not have them.
    pub deleted: Vec<ObjectKey>,
    /// Objects a release rendered that are not Istio's: left as they are.
    pub kept: Vec<ObjectKey>,
    /// The releases whose Secrets were removed (`namespace/name`).
    pub forgotten: Vec<String>,
}

/// The end of a takeover from Helm, once everything is applied and ready: the Istio objects the
/// taken releases rendered and this install does not are deleted (CRDs never), then each
/// release's Secrets (oldest first), so that `helm list` no longer shows it and `helm
/// uninstall` cannot delete the mesh. Run again after an interruption, it does the rest.
pub async fn finish_helm(
    catalog: &Catalog,
    foreign: &Foreign,
    manifests: &[Manifest],
) -> Result<HelmFinished, RequestFailed> {
    let rendered: Vec<ObjectKey> = manifests.iter().map(ObjectKey::from).collect();
    let mut finished = HelmFinished::default();
    for release in &foreign.releases {
        for object in &release.objects {
            let is_rendered = rendered.iter().any(|key| {
                key.group == object.group
                    && key.kind == object.kind
                    && key.name == object.name
                    && (key.namespace.is_none() || key.namespace == object.namespace)
            });
            if is_rendered || object.kind == "CustomResourceDefinition" {
                continue;
            }
            let Some(resolved) = catalog.find_kind(&object.group, &object.kind) else {
                continue;
            };
            let namespace = if resolved.namespaced() {
                object.namespace.clone()
            } else {
                None
            };
            let key = ObjectKey {
                namespace: namespace.clone(),
                ..object.clone()
            };
            let api = catalog.api(&resolved, namespace.as_deref());
            let Some(live) = api
                .get_opt(&key.name)
                .await
                .map_err(|e| catalog.object_request_failed(e, "get", "get", &key, &resolved))?
            else {
                continue;
            };
            let live = serde_json::to_value(live).unwrap_or(Value::Null);
            let labels = &live["metadata"]["labels"];
            let ours = live["metadata"]["annotations"]["meta.helm.sh/release-name"] == release.name;
            let istio = labels["app.kubernetes.io/part-of"] == "istio"
                || labels[crate::manifest::REVISION_LABEL].is_string()
                || labels[crate::manifest::COMPONENT_LABEL].is_string();
            if !(ours && istio) {
                finished.kept.push(key);
                continue;
            }
            match api
                .delete(&key.name, &kube::api::DeleteParams::default())
                .await
            {
                Ok(_) => finished.deleted.push(key),
                Err(kube::Error::Api(status)) if status.code == 404 => {}
                Err(error) => {
                    return Err(
                        catalog.object_request_failed(error, "delete", "delete", &key, &resolved)
                    );
                }
            }
        }
        helm_release::forget(catalog, release).await?;
        finished.forgotten.push(release.path());
    }
    Ok(finished)
}

/// The managed fields of `live` with every entry of `controllers`' managers merged into
/// meshctl's apply entry; `None` when there is no such entry.
#[must_use]
pub fn moved_managed_fields(
    live: &Value,
    api_version: &str,
    controllers: &[Controller],
) -> Option<Vec<Value>> {
    let entries = live["metadata"]["managedFields"].as_array()?;
    let is_theirs = |entry: &Value| {
        entry["subresource"].as_str().unwrap_or_default().is_empty()
            && entry["manager"]
                .as_str()
                .is_some_and(|m| controllers.iter().any(|c| c.manages_as(m)))
    };
    if !entries.iter().any(is_theirs) {
        return None;
    }
    let is_ours = |entry: &Value| {
        entry["manager"] == FIELD_MANAGER
            && entry["operation"] == "Apply"
            && entry["subresource"].as_str().unwrap_or_default().is_empty()
    };
    let mut fields = entries
        .iter()
        .find(|e| is_ours(e))
        .map_or_else(|| json!({}), |e| e["fieldsV1"].clone());
    let mut entry_version = entries
        .iter()
        .find(|e| is_ours(e))
        .and_then(|e| e["apiVersion"].as_str())
        .unwrap_or(api_version)
        .to_string();
    for entry in entries.iter().filter(|e| is_theirs(e)) {
        merge_fields(&mut fields, &entry["fieldsV1"]);
        if entries.iter().all(|e| !is_ours(e))
            && let Some(version) = entry["apiVersion"].as_str()
        {
            entry_version = version.to_string();
        }
    }
    let mut moved: Vec<Value> = entries
        .iter()
        .filter(|e| !is_theirs(e) && !is_ours(e))
        .cloned()
        .collect();
    moved.push(json!({
        "manager": FIELD_MANAGER,
        "operation": "Apply",
        "apiVersion": entry_version,
        "fieldsType": "FieldsV1",
        "fieldsV1": fields,
    }));
    Some(moved)
}

/// The union of two `fieldsV1` sets (nested maps of `f:`/`k:`/`v:`/`i:` keys, `.` for the field
/// itself).
fn merge_fields(into: &mut Value, from: &Value) {
    let (Some(into), Some(from)) = (into.as_object_mut(), from.as_object()) else {
        return;
    };
    for (key, value) in from {
        match into.get_mut(key) {
            Some(existing) => merge_fields(existing, value),
            None => {
                into.insert(key.clone(), value.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_helm_owner_names_its_release_namespace() {
        let owner = |controller, name: &str| Owner {
            controller,
            name: name.to_string(),
        };
        let helm = owner(
            Controller::Helm,
            &helm_release_name("istio-system", "istiod"),
        );
        assert_eq!(helm_release_namespace(&helm), Some("istio-system"));
        let flux = owner(Controller::Flux, "Flux HelmRelease `flux-system/istiod`");
        assert_eq!(helm_release_namespace(&flux), None);
    }

    use super::*;

    #[allow(clippy::needless_pass_by_value)] // the tests pass `json!` literals
    fn object(labels: Value, annotations: Value) -> Value {
        json!({"apiVersion": "apps/v1", "kind": "Deployment",
               "metadata": {"name": "istiod", "namespace": "istio-system",
                            "labels": labels, "annotations": annotations}})
    }

    #[test]
    fn helm_is_proven_by_its_annotations_not_by_the_charts_labels() {
        // istioctl's render of Istio's charts carries these labels too.
        let istioctl = object(
            json!({"app.kubernetes.io/managed-by": "Helm", "app.kubernetes.io/instance": "istio",
                   "helm.sh/chart": "istiod-1.31.0"}),
            json!({}),
        );
        assert!(of_object(&istioctl).is_empty());
        let helm = object(
            json!({"app.kubernetes.io/managed-by": "Helm"}),
            json!({"meta.helm.sh/release-name": "istiod",
                   "meta.helm.sh/release-namespace": "istio-system"}),
        );
        assert_eq!(
            of_object(&helm),
            [Owner {
                controller: Controller::Helm,
                name: "Helm release `istio-system/istiod`".into()
            }]
        );
    }

    #[test]
    fn argo_cd_flux_and_sail_are_named_by_their_own_marks() {
        let argo = object(
            json!({"app.kubernetes.io/instance": "istiod"}),
            json!({"argocd.argoproj.io/tracking-id": "mesh_istio:apps/Deployment:istio-system/istiod"}),
        );
        assert_eq!(of_object(&argo)[0].name, "Argo CD Application `mesh/istio`");
        let flux = object(
            json!({"helm.toolkit.fluxcd.io/name": "istiod",
                   "helm.toolkit.fluxcd.io/namespace": "flux-system"}),
            json!({"meta.helm.sh/release-name": "istiod",
                   "meta.helm.sh/release-namespace": "istio-system"}),
        );
        let owners = of_object(&flux);
        assert_eq!(owners[0].name, "Flux HelmRelease `flux-system/istiod`");
        assert_eq!(owners[1].controller, Controller::Helm, "both are named");
        let mut sail = object(json!({}), json!({}));
        sail["metadata"]["ownerReferences"] = json!([{"apiVersion": "sailoperator.io/v1",
            "kind": "IstioRevision", "name": "default", "uid": "x"}]);
        assert_eq!(
            of_object(&sail)[0].name,
            "the Sail operator's IstioRevision `default`"
        );
        // Argo CD's old default label proves nothing alone: charts set it themselves.
        assert!(
            of_object(&object(
                json!({"app.kubernetes.io/instance": "x"}),
                json!({})
            ))
            .is_empty()
        );
    }

    #[test]
    fn a_refusal_names_each_owner_its_objects_and_the_way_out() {
        let key = |name: &str| ObjectKey {
            group: "apps".into(),
            kind: "Deployment".into(),
            namespace: Some("istio-system".into()),
            name: name.into(),
        };
        let foreign = Foreign {
            claims: vec![
                Claim {
                    owner: Owner {
                        controller: Controller::Helm,
                        name: "Helm release `istio-system/istiod`".into(),
                    },
                    detail: Some("chart istiod 1.31.0, deployed".into()),
                    objects: (0..8).map(|i| key(&format!("d{i}"))).collect(),
                },
                Claim {
                    owner: Owner {
                        controller: Controller::ArgoCd,
                        name: "Argo CD Application `istio`".into(),
                    },
                    detail: None,
                    objects: vec![key("istiod")],
                },
            ],
            ..Foreign::default()
        };
        let refusal = foreign.refusal(&[]).expect("refused");
        let message = refusal.to_string();
        assert!(
            message.contains(
                "Helm release `istio-system/istiod` (chart istiod 1.31.0, deployed): Deployment \
                 `istio-system/d0`"
            ),
            "{message}"
        );
        assert!(message.contains("and 2 more"), "{message}");
        assert!(refusal.hint().contains("meshctl migrate helm"));
        assert!(refusal.hint().contains("--take-over-from argocd"));
        let rest = foreign
            .refusal(&[Controller::Helm])
            .expect("Argo CD still refused");
        assert_eq!(rest.claims.len(), 1);
        assert!(
            foreign
                .refusal(&[Controller::Helm, Controller::ArgoCd])
                .is_none()
        );
    }

    #[test]
    fn adoption_moves_the_other_managers_fields_to_meshctls_entry() {
        let live = json!({"metadata": {"managedFields": [
            {"manager": "helm", "operation": "Update", "apiVersion": "apps/v1", "fieldsType": "FieldsV1",
             "fieldsV1": {"f:metadata": {"f:annotations": {"f:meta.helm.sh/release-name": {}}},
                          "f:spec": {"f:replicas": {}}}},
            {"manager": "meshctl", "operation": "Apply", "apiVersion": "apps/v1", "fieldsType": "FieldsV1",
             "fieldsV1": {"f:spec": {"f:template": {}}}},
            {"manager": "kube-controller-manager", "operation": "Update", "apiVersion": "apps/v1",
             "subresource": "status", "fieldsType": "FieldsV1", "fieldsV1": {"f:status": {}}},
        ]}});
        let moved = moved_managed_fields(&live, "apps/v1", &[Controller::Helm]).expect("moved");
        assert_eq!(moved.len(), 2, "{moved:?}");
        assert_eq!(moved[0]["manager"], "kube-controller-manager");
        assert_eq!(
            moved[1]["fieldsV1"],
            json!({"f:metadata": {"f:annotations": {"f:meta.helm.sh/release-name": {}}},
                   "f:spec": {"f:replicas": {}, "f:template": {}}})
        );
        assert!(moved_managed_fields(&live, "apps/v1", &[Controller::Flux]).is_none());
    }
}
