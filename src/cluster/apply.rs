//! Writing the rendered set: namespaces, then CRDs (waited on until established, then discovery
//! is refreshed), then components in istioctl's dependency order, then the prunes.
//!
//! A component starts once the components it depends on ([`ComponentName::depends_on`]) are
//! applied and ready, so Pilot and CNI run side by side after Base, and gateways after Pilot.
//! Objects within a component are applied concurrently, with server-side apply under
//! [`FIELD_MANAGER`] and `force` (meshctl owns what it renders; the plan has already shown any
//! conflict). Objects the plan found unchanged are not sent again.

use std::collections::{BTreeSet, HashSet};
use std::time::{Duration, Instant};

use futures::stream::FuturesUnordered;
use futures::{FutureExt, StreamExt, TryStreamExt, stream};
use kube::api::{DynamicObject, Patch, PatchParams};
use serde_json::Value;

use super::diff::{Action, Plan, apply_body};
use super::discovery::{Catalog, DiscoveryError};
use super::namespace;
use super::prune::{self, PruneError};
use super::wait::{self, WaitError};
use super::{FIELD_MANAGER, ObjectKey, Reporter, RequestFailed};
use crate::manifest::Manifest;
use crate::render::ComponentName;

/// How many objects of one component are applied at once.
const CONCURRENCY: usize = 8;

/// How an install runs.
#[derive(Debug, Clone, Copy)]
pub struct ApplyOptions {
    /// How long each component (and the CRDs) may take to become ready.
    pub readiness_timeout: Duration,
}

impl Default for ApplyOptions {
    fn default() -> Self {
        Self {
            readiness_timeout: Duration::from_secs(300),
        }
    }
}

/// What an install did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplyReport {
    pub namespaces_created: usize,
    pub applied: usize,
    pub pruned: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error(transparent)]
    Discovery(#[from] DiscoveryError),
    #[error(transparent)]
    Request(#[from] RequestFailed),
    #[error("waiting for the CustomResourceDefinitions to be established")]
    CrdsNotEstablished(#[source] WaitError),
    #[error("waiting for {}", component.title())]
    NotReady {
        component: ComponentName,
        #[source]
        source: WaitError,
    },
    #[error("pruning")]
    Prune(#[source] PruneError),
}

impl ApplyError {
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Request(error) => error.hint(),
            Self::NotReady {
                component: ComponentName::Pilot,
                source: source @ WaitError::Timeout { .. },
            } => Some(format!(
                "istiod's objects were applied (what depends on it was not), but istiod is not \
                 ready. While it is \
                 down its webhooks fail closed: pods in namespaces labelled for injection, and \
                 Istio resources once validation has switched to Fail, are refused. Fix what keeps \
                 it from starting (the reason above), then re-run the same command; {}",
                source.hint().unwrap_or_default()
            )),
            Self::NotReady { source, .. } | Self::CrdsNotEstablished(source) => source.hint(),
            Self::Prune(error) => error.hint(),
            Self::Discovery(error) => error.hint(),
        }
    }
}

/// Applies `manifests` (sorted, as the pipeline renders them), skipping what `plan` found
/// unchanged, waits for each component, then prunes what the plan lists.
pub async fn apply(
    catalog: &mut Catalog,
    manifests: &[Manifest],
    plan: &Plan,
    options: ApplyOptions,
    reporter: &dyn Reporter,
) -> Result<ApplyReport, ApplyError> {
    let mut report = ApplyReport::default();
    let needs_apply = |manifest: &Manifest| {
        !matches!(
            plan.action_of(&ObjectKey::from(manifest)),
            Some(Action::Unchanged)
        )
    };

    report.namespaces_created =
        create_namespaces(catalog, &plan.missing_namespaces, reporter).await?;

    let crds: Vec<&Manifest> = manifests
        .iter()
        .filter(|m| m.kind() == "CustomResourceDefinition")
        .collect();
    let changed_crds: Vec<&Manifest> = crds.iter().copied().filter(|m| needs_apply(m)).collect();
    if !changed_crds.is_empty() {
        reporter.step(&format!(
            "Applying {} CustomResourceDefinition(s)",
            changed_crds.len()
        ));
        report.applied += apply_all(catalog, plan, &changed_crds, None, reporter).await?;
        let crds: Vec<Value> = changed_crds.iter().map(|m| m.object().clone()).collect();
        establish_crds(catalog, &crds, options.readiness_timeout).await?;
    }

    let present: Vec<ComponentName> = ComponentName::ALL
        .into_iter()
        .filter(|c| manifests.iter().any(|m| m.component == *c))
        .collect();
    let mut started = HashSet::new();
    let mut done = HashSet::new();
    let mut running = FuturesUnordered::new();
    let catalog_ref: &Catalog = catalog;
    loop {
        for component in startable(&present, &done, &started) {
            started.insert(component);
            let objects: Vec<&Manifest> = manifests
                .iter()
                .filter(|m| m.component == component && m.kind() != "CustomResourceDefinition")
                .collect();
            let to_apply: Vec<&Manifest> =
                objects.iter().copied().filter(|m| needs_apply(m)).collect();
            running.push(run_component(
                catalog_ref,
                plan,
                component,
                objects,
                to_apply,
                options,
                reporter,
            ));
        }
        match running.next().await {
            None => break,
            Some(Ok((component, applied))) => {
                report.applied += applied;
                done.insert(component);
            }
            Some(Err((component, error))) => {
                reporter.component_failed(component);
                return Err(error);
            }
        }
    }

    let prunes = plan.prunes();
    if !prunes.is_empty() {
        reporter.step(&format!(
            "Pruning {} object(s) no longer rendered",
            prunes.len()
        ));
        // Waiting until they are gone makes "pruned" true when the command returns.
        report.pruned = prune::delete(
            catalog_ref,
            &prunes,
            Some(options.readiness_timeout),
            reporter,
        )
        .await
        .map_err(ApplyError::Prune)?;
    }
    Ok(report)
}

/// Waits until the CRDs just applied are established, then refreshes discovery so that resources
/// of their kinds resolve. The same readiness wait as the components': its polls start within
/// milliseconds (a CRD is usually established in well under a second), and a server that stops
/// answering is an error about the server, not a CRD that "was not established".
pub async fn establish_crds(
    catalog: &mut Catalog,
    crds: &[Value],
    timeout: Duration,
) -> Result<(), ApplyError> {
    wait::wait_ready(catalog, crds, timeout, &|_| {})
        .await
        .map_err(ApplyError::CrdsNotEstablished)?;
    catalog.refresh().await?;
    Ok(())
}

/// One server-side apply of `object` under [`FIELD_MANAGER`], forced (meshctl owns what it
/// applies; a plan has already shown any conflict), or with `dry_run` the server's check of it.
/// Returns the object as the server has it afterwards.
pub async fn apply_object(
    catalog: &Catalog,
    object: &Value,
    dry_run: bool,
) -> Result<DynamicObject, ApplyError> {
    let key = ObjectKey::of(object);
    let resolved = catalog.resolve(object)?;
    let mut params = PatchParams::apply(FIELD_MANAGER).force();
    if dry_run {
        params = params.dry_run();
    }
    let applied = catalog
        .api(&resolved, key.namespace.as_deref())
        .patch(&key.name, &params, &Patch::Apply(&apply_body(object)))
        .await
        .map_err(|error| catalog.object_request_failed(error, "apply", "patch", &key, &resolved))?;
    Ok(applied)
}

/// Components whose dependencies (among those present) are done and that have not started.
#[must_use]
pub fn startable<S: std::hash::BuildHasher>(
    present: &[ComponentName],
    done: &HashSet<ComponentName, S>,
    started: &HashSet<ComponentName, S>,
) -> Vec<ComponentName> {
    present
        .iter()
        .copied()
        .filter(|c| !started.contains(c))
        .filter(|c| {
            c.depends_on()
                .iter()
                .all(|d| done.contains(d) || !present.contains(d))
        })
        .collect()
}

async fn run_component(
    catalog: &Catalog,
    plan: &Plan,
    component: ComponentName,
    objects: Vec<&Manifest>,
    to_apply: Vec<&Manifest>,
    options: ApplyOptions,
    reporter: &dyn Reporter,
) -> Result<(ComponentName, usize), (ComponentName, ApplyError)> {
    let started = Instant::now();
    reporter.component_started(component, to_apply.len());
    let applied = apply_all(catalog, plan, &to_apply, Some(component), reporter)
        .await
        .map_err(|e| (component, e))?;
    let live: Vec<Value> = objects.iter().map(|m| m.object().clone()).collect();
    let on_waiting = |reason: &str| reporter.waiting(component, reason);
    wait::wait_ready(catalog, &live, options.readiness_timeout, &on_waiting)
        .await
        .map_err(|source| (component, ApplyError::NotReady { component, source }))?;
    reporter.component_ready(component, started.elapsed());
    Ok((component, applied))
}

/// Server-side applies objects concurrently; returns how many were written.
async fn apply_all(
    catalog: &Catalog,
    plan: &Plan,
    manifests: &[&Manifest],
    component: Option<ComponentName>,
    reporter: &dyn Reporter,
) -> Result<usize, ApplyError> {
    // Built and boxed before the first await, so that the operator's reconcile is `Send`
    // (rust-lang/rust#102211).
    let requests: Vec<_> = manifests
        .iter()
        .map(|manifest| {
            async move {
                apply_object(catalog, &plan.body_of(manifest), false).await?;
                if let Some(component) = component {
                    reporter.object_applied(component, &ObjectKey::from(*manifest));
                }
                Ok::<(), ApplyError>(())
            }
            .boxed()
        })
        .collect();
    let results: Vec<()> = stream::iter(requests)
        .buffer_unordered(CONCURRENCY)
        .try_collect()
        .await?;
    Ok(results.len())
}

/// Creates the namespaces the components live in, when missing. They carry no ownership labels:
/// uninstall leaves them, as istioctl does, since users put their own things there.
async fn create_namespaces(
    catalog: &Catalog,
    namespaces: &[String],
    reporter: &dyn Reporter,
) -> Result<usize, ApplyError> {
    let mut created = 0;
    for name in namespaces.iter().collect::<BTreeSet<_>>() {
        reporter.step(&format!("Creating namespace {name}"));
        if namespace::create(catalog, &namespace::unlabelled(name)).await? {
            created += 1;
        }
    }
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ComponentName::{Base, Cni, EgressGateways, IngressGateways, Pilot, Ztunnel};

    /// Runs the scheduler with instant components, recording which start together.
    fn waves(present: &[ComponentName]) -> Vec<Vec<ComponentName>> {
        let mut done = HashSet::new();
        let mut started = HashSet::new();
        let mut waves = Vec::new();
        loop {
            let wave = startable(present, &done, &started);
            if wave.is_empty() {
                break;
            }
            started.extend(wave.iter().copied());
            done.extend(wave.iter().copied());
            waves.push(wave);
        }
        waves
    }

    #[test]
    fn components_follow_istioctls_dag() {
        assert_eq!(
            waves(&ComponentName::ALL),
            [
                vec![Base],
                vec![Pilot, Cni],
                vec![IngressGateways, EgressGateways, Ztunnel]
            ]
        );
    }

    #[test]
    fn absent_dependencies_do_not_block() {
        assert_eq!(waves(&[IngressGateways]), [vec![IngressGateways]]);
        assert_eq!(waves(&[Base, Ztunnel]), [vec![Base, Ztunnel]]);
    }

    #[test]
    fn ztunnel_waits_for_cni_but_not_for_pilot() {
        let present = [Base, Pilot, Cni, Ztunnel];
        let done: HashSet<_> = [Base, Cni].into_iter().collect();
        let started: HashSet<_> = [Base, Pilot, Cni].into_iter().collect();
        assert_eq!(startable(&present, &done, &started), [Ztunnel]);
    }
}
