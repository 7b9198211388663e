//! Readiness: when an applied object is really up, and if it is not, why.
//!
//! [`evaluate`] is a pure function of a live object (`Deployment`, `DaemonSet`, `StatefulSet`,
//! CRD, `Namespace`; everything else is ready once it exists). [`wait_ready`] polls, quickly at
//! first and then about once a second, until every object is ready or the timeout passes, and
//! names the reason in the terms a user would find with `kubectl describe`: a pod's
//! `ImagePullBackOff`, `CrashLoopBackOff`, `Unschedulable`, a `ReplicaSet` that cannot create
//! pods, the latest warning event.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use kube::api::{Api, ListParams};
use serde_json::Value;

use super::discovery::Catalog;
use super::{ObjectKey, RequestError, RequestFailed};

/// The first re-check of an object that is not ready yet. Checks then back off by half each time
/// up to [`POLL_INTERVAL`]: most waits of an install are short (a CRD becomes established, a
/// Deployment's pods start within a second or two), so the first checks come quickly, and long
/// waits (image pulls) cost no more than one GET a second per object.
pub const FIRST_POLL: Duration = Duration::from_millis(50);

/// The longest interval between two readiness checks of one object.
pub const POLL_INTERVAL: Duration = Duration::from_secs(1);

/// How long a readiness check may keep failing to reach the API server before the wait gives up:
/// long enough to ride out a blip (a load balancer moving to another API server replica), short
/// enough that a server that is gone is reported within seconds, not after the readiness timeout.
pub const UNREACHABLE_GRACE: Duration = Duration::from_secs(10);

/// A readiness verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readiness {
    Ready,
    /// Not ready yet; what it is waiting for, in words.
    Pending(String),
}

#[derive(Debug, thiserror::Error)]
pub enum WaitError {
    #[error("{object} is not ready after {seconds}s: {reason}")]
    Timeout {
        object: String,
        seconds: u64,
        reason: String,
    },
    #[error(transparent)]
    Request(#[from] RequestFailed),
    #[error("cannot get {object} (tried for {seconds}s)")]
    Unreachable {
        object: String,
        seconds: u64,
        #[source]
        source: RequestError,
    },
    #[error("{object} does not exist")]
    Missing { object: String },
}

impl WaitError {
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Timeout { object, .. } => Some(format!(
                "raise `--readiness-timeout`, or look at {object} with `kubectl describe`"
            )),
            Self::Request(error) => error.hint(),
            Self::Unreachable { source, .. } => source.hint(),
            Self::Missing { .. } => None,
        }
    }
}

fn int(value: &Value) -> i64 {
    value.as_i64().unwrap_or(0)
}

/// Whether a live object is ready, from its spec and status alone.
#[must_use]
pub fn evaluate(object: &Value) -> Readiness {
    let kind = object["kind"].as_str().unwrap_or_default();
    let status = &object["status"];
    let generation = int(&object["metadata"]["generation"]);
    let observed = int(&status["observedGeneration"]);
    let stale = || Readiness::Pending("waiting for the controller to observe the new spec".into());
    match kind {
        "Deployment" | "StatefulSet" => {
            if observed < generation {
                return stale();
            }
            let wanted = object["spec"]["replicas"].as_i64().unwrap_or(1);
            let updated = int(&status["updatedReplicas"]);
            let ready = int(&status["readyReplicas"]);
            let total = int(&status["replicas"]);
            if updated < wanted {
                Readiness::Pending(format!("{updated} of {wanted} replicas updated"))
            } else if total > updated {
                Readiness::Pending(format!(
                    "{} old replicas pending termination",
                    total - updated
                ))
            } else if ready < wanted {
                Readiness::Pending(format!("{ready} of {wanted} replicas ready"))
            } else {
                Readiness::Ready
            }
        }
        "DaemonSet" => {
            if observed < generation {
                return stale();
            }
            let desired = int(&status["desiredNumberScheduled"]);
            let updated = int(&status["updatedNumberScheduled"]);
            let ready = int(&status["numberReady"]);
            if updated < desired {
                Readiness::Pending(format!("{updated} of {desired} pods updated"))
            } else if ready < desired {
                Readiness::Pending(format!("{ready} of {desired} pods ready"))
            } else {
                Readiness::Ready
            }
        }
        "CustomResourceDefinition" => {
            if condition_true(status, "Established") {
                Readiness::Ready
            } else {
                Readiness::Pending("waiting to be established".into())
            }
        }
        "Namespace" => match status["phase"].as_str() {
            Some("Active") | None => Readiness::Ready,
            Some(phase) => Readiness::Pending(format!("namespace is {phase}")),
        },
        _ => Readiness::Ready,
    }
}

fn condition_true(status: &Value, kind: &str) -> bool {
    status["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|c| c["type"] == kind && c["status"] == "True")
}

/// Whether readiness of this kind is worth waiting for (others are ready once applied).
#[must_use]
pub fn has_readiness(kind: &str) -> bool {
    matches!(
        kind,
        "Deployment" | "StatefulSet" | "DaemonSet" | "CustomResourceDefinition" | "Namespace"
    )
}

/// What is wrong with one pod, if anything a user should hear about.
#[must_use]
pub fn pod_problem(pod: &Value) -> Option<String> {
    let name = pod["metadata"]["name"].as_str().unwrap_or("?");
    let status = &pod["status"];
    if status["phase"] == "Failed" {
        let reason = status["reason"].as_str().unwrap_or("Failed");
        let message = status["message"].as_str().unwrap_or_default();
        return Some(
            format!("pod {name}: {reason} {message}")
                .trim_end()
                .to_string(),
        );
    }
    for condition in status["conditions"].as_array().into_iter().flatten() {
        if condition["type"] == "PodScheduled" && condition["status"] == "False" {
            let reason = condition["reason"].as_str().unwrap_or("Unschedulable");
            let message = condition["message"].as_str().unwrap_or_default();
            return Some(format!("pod {name}: {reason}: {message}"));
        }
    }
    let containers = ["initContainerStatuses", "containerStatuses"]
        .iter()
        .flat_map(|field| status[field].as_array().into_iter().flatten());
    for container in containers {
        let container_name = container["name"].as_str().unwrap_or("?");
        let waiting = &container["state"]["waiting"];
        if let Some(reason) = waiting["reason"].as_str()
            && !matches!(reason, "ContainerCreating" | "PodInitializing")
        {
            let mut text = format!("pod {name} container {container_name}: {reason}");
            if let Some(message) = waiting["message"].as_str().filter(|m| !m.is_empty()) {
                let _ = write!(text, ": {message}");
            }
            let last = &container["lastState"]["terminated"];
            if reason == "CrashLoopBackOff" && last.is_object() {
                let _ = write!(
                    text,
                    " (last exit code {}{})",
                    int(&last["exitCode"]),
                    last["reason"]
                        .as_str()
                        .map(|r| format!(", {r}"))
                        .unwrap_or_default()
                );
            }
            return Some(text);
        }
        let terminated = &container["state"]["terminated"];
        if terminated.is_object() && int(&terminated["exitCode"]) != 0 {
            return Some(format!(
                "pod {name} container {container_name}: exited with code {}",
                int(&terminated["exitCode"])
            ));
        }
        if container["state"]["running"].is_object() && container["ready"] == false {
            return Some(format!(
                "pod {name} container {container_name}: running, not ready (readiness probe failing)"
            ));
        }
    }
    None
}

/// Why a workload without problem pods is stuck: a failed condition such as `ReplicaFailure`.
#[must_use]
pub fn condition_problem(object: &Value) -> Option<String> {
    object["status"]["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| {
            (c["type"] == "ReplicaFailure" && c["status"] == "True")
                || (c["type"] == "Progressing" && c["status"] == "False")
        })
        .map(|c| {
            format!(
                "{}: {}",
                c["reason"].as_str().unwrap_or_default(),
                c["message"].as_str().unwrap_or_default()
            )
        })
}

/// Polls until every object is ready, calling `on_waiting` whenever the reason changes.
///
/// A check that cannot reach the API server is retried for [`UNREACHABLE_GRACE`], then the wait
/// fails with that error; any other failed request fails it at once.
pub async fn wait_ready(
    catalog: &Catalog,
    objects: &[Value],
    timeout: Duration,
    on_waiting: &(dyn Fn(&str) + Sync),
) -> Result<(), WaitError> {
    let started = Instant::now();
    let mut last_reason = String::new();
    for object in objects
        .iter()
        .filter(|o| has_readiness(o["kind"].as_str().unwrap_or_default()))
    {
        let key = ObjectKey::of(object);
        let resolved = catalog.resolve(object).map_err(|_| WaitError::Missing {
            object: key.to_string(),
        })?;
        let api = catalog.api(&resolved, key.namespace.as_deref());
        let mut interval = FIRST_POLL;
        let mut unreachable_since: Option<Instant> = None;
        loop {
            let live = match api.get_opt(&key.name).await {
                Ok(live) => {
                    unreachable_since = None;
                    live
                }
                Err(error) => {
                    let source = catalog.request_error(
                        error,
                        "get",
                        &resolved.resource_name(),
                        key.namespace.as_deref(),
                    );
                    if !source.is_unreachable() {
                        return Err(RequestFailed::new("get", &key, source).into());
                    }
                    let since = *unreachable_since.get_or_insert_with(Instant::now);
                    if since.elapsed() < UNREACHABLE_GRACE && started.elapsed() < timeout {
                        tokio::time::sleep(POLL_INTERVAL).await;
                        continue;
                    }
                    return Err(WaitError::Unreachable {
                        seconds: since.elapsed().as_secs(),
                        object: key.to_string(),
                        source,
                    });
                }
            };
            let live = live
                .and_then(|o| serde_json::to_value(o).ok())
                .ok_or_else(|| WaitError::Missing {
                    object: key.to_string(),
                })?;
            let Readiness::Pending(progress) = evaluate(&live) else {
                break;
            };
            let reason = match explain(catalog, &live).await {
                Some(problem) => format!("{key}: {progress}; {problem}"),
                None => format!("{key}: {progress}"),
            };
            if started.elapsed() >= timeout {
                return Err(WaitError::Timeout {
                    object: key.to_string(),
                    seconds: timeout.as_secs(),
                    reason: reason
                        .split_once(": ")
                        .map_or(reason.clone(), |(_, r)| r.to_string()),
                });
            }
            if reason != last_reason {
                on_waiting(&reason);
                last_reason = reason;
            }
            tokio::time::sleep(interval).await;
            interval = (interval * 3 / 2).min(POLL_INTERVAL);
        }
    }
    Ok(())
}

/// Looks at a workload's pods (and their warning events) for the reason it is not ready.
/// Best effort: a user who may not list pods or events gets the status-only reason.
pub async fn explain(catalog: &Catalog, workload: &Value) -> Option<String> {
    let namespace = workload["metadata"]["namespace"].as_str()?;
    let labels = workload["spec"]["selector"]["matchLabels"].as_object()?;
    let selector = labels
        .iter()
        .filter_map(|(k, v)| v.as_str().map(|v| format!("{k}={v}")))
        .collect::<Vec<_>>()
        .join(",");
    let pods: Api<k8s_openapi::api::core::v1::Pod> =
        Api::namespaced(catalog.client().clone(), namespace);
    let list = pods
        .list(&ListParams::default().labels(&selector))
        .await
        .ok()?;
    let mut pending_pod = None;
    for pod in list.items {
        let value = serde_json::to_value(&pod).ok()?;
        if let Some(problem) = pod_problem(&value) {
            return Some(problem);
        }
        if value["status"]["phase"] == "Pending" {
            pending_pod = value["metadata"]["name"].as_str().map(str::to_string);
        }
    }
    if let Some(problem) = condition_problem(workload) {
        return Some(problem);
    }
    // A pending pod with no container status yet: the latest warning event says why.
    let pod = pending_pod?;
    let events: Api<k8s_openapi::api::core::v1::Event> =
        Api::namespaced(catalog.client().clone(), namespace);
    let list = events
        .list(&ListParams::default().fields(&format!("involvedObject.name={pod},type=Warning")))
        .await
        .ok()?;
    list.items
        .into_iter()
        .max_by_key(|e| e.last_timestamp.clone().map(|t| t.0))
        .map(|e| {
            format!(
                "pod {pod}: {}: {}",
                e.reason.unwrap_or_default(),
                e.message.unwrap_or_default()
            )
        })
}

/// What `verify-install` found: every rendered object present, and workloads ready.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Verification {
    /// Rendered objects found in the cluster.
    pub present: usize,
    /// Of those, objects whose readiness was checked (workloads, CRDs) and found ready.
    pub ready: usize,
    /// Rendered objects that do not exist (or whose kind the cluster does not serve).
    pub missing: Vec<ObjectKey>,
    /// Objects that exist but are not ready, with the reason.
    pub not_ready: Vec<NotReady>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct NotReady {
    #[serde(flatten)]
    pub object: ObjectKey,
    pub reason: String,
}

impl Verification {
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty() && self.not_ready.is_empty()
    }
}

/// Checks, without waiting, that every rendered object exists and is ready.
pub async fn verify(
    catalog: &Catalog,
    manifests: &[crate::manifest::Manifest],
) -> Result<Verification, WaitError> {
    use futures::{FutureExt, StreamExt, stream};
    type Checked = (ObjectKey, Option<Readiness>, Option<String>);
    // Built and boxed before the first await, so that the operator's reconcile is `Send`
    // (rust-lang/rust#102211).
    let checks: Vec<_> = manifests
        .iter()
        .map(|manifest| {
            async move {
                let key = ObjectKey::from(manifest);
                let Ok(resolved) = catalog.resolve(manifest.object()) else {
                    return Ok((key, None, None));
                };
                let api = catalog.api(&resolved, key.namespace.as_deref());
                let live = api.get_opt(&key.name).await.map_err(|error| {
                    catalog.object_request_failed(error, "get", "get", &key, &resolved)
                })?;
                let Some(live) = live.and_then(|o| serde_json::to_value(o).ok()) else {
                    return Ok((key, None, None));
                };
                let readiness = evaluate(&live);
                let problem = if matches!(readiness, Readiness::Pending(_)) {
                    explain(catalog, &live).await
                } else {
                    None
                };
                Ok((key, Some(readiness), problem))
            }
            .boxed()
        })
        .collect();
    let results: Vec<Result<Checked, WaitError>> = stream::iter(checks).buffered(8).collect().await;
    let mut verification = Verification::default();
    for result in results {
        let (key, readiness, problem) = result?;
        match readiness {
            None => verification.missing.push(key),
            Some(Readiness::Ready) => {
                verification.present += 1;
                if has_readiness(&key.kind) {
                    verification.ready += 1;
                }
            }
            Some(Readiness::Pending(progress)) => {
                verification.present += 1;
                let reason = problem.map_or(progress.clone(), |p| format!("{progress}; {p}"));
                verification.not_ready.push(NotReady {
                    object: key,
                    reason,
                });
            }
        }
    }
    Ok(verification)
}

#[cfg(test)]
#[allow(clippy::needless_pass_by_value)] // fixtures read better taking JSON by value
mod tests {
    use super::*;
    use serde_json::json;

    fn deployment(generation: i64, replicas: i64, status: Value) -> Value {
        json!({"kind": "Deployment", "metadata": {"name": "istiod", "generation": generation},
            "spec": {"replicas": replicas}, "status": status})
    }

    #[test]
    fn deployment_readiness_follows_rollout_status() {
        let ready = json!({"observedGeneration": 2, "replicas": 1, "updatedReplicas": 1, "readyReplicas": 1});
        assert_eq!(evaluate(&deployment(2, 1, ready.clone())), Readiness::Ready);
        assert!(
            matches!(evaluate(&deployment(3, 1, ready)), Readiness::Pending(r) if r.contains("observe"))
        );
        let rolling = json!({"observedGeneration": 2, "replicas": 2, "updatedReplicas": 1, "readyReplicas": 1});
        assert_eq!(
            evaluate(&deployment(2, 1, rolling)),
            Readiness::Pending("1 old replicas pending termination".into())
        );
        let starting = json!({"observedGeneration": 2, "replicas": 2, "updatedReplicas": 2, "readyReplicas": 1});
        assert_eq!(
            evaluate(&deployment(2, 2, starting)),
            Readiness::Pending("1 of 2 replicas ready".into())
        );
        assert_eq!(
            evaluate(&deployment(1, 0, json!({"observedGeneration": 1}))),
            Readiness::Ready
        );
    }

    #[test]
    fn daemonset_readiness_needs_every_node_updated_and_ready() {
        let daemonset = |status: Value| json!({"kind": "DaemonSet", "metadata": {"generation": 1}, "status": status});
        assert_eq!(
            evaluate(&daemonset(
                json!({"observedGeneration": 1, "desiredNumberScheduled": 2,
                "updatedNumberScheduled": 2, "numberReady": 2})
            )),
            Readiness::Ready
        );
        assert_eq!(
            evaluate(&daemonset(
                json!({"observedGeneration": 1, "desiredNumberScheduled": 2,
                "updatedNumberScheduled": 2, "numberReady": 1})
            )),
            Readiness::Pending("1 of 2 pods ready".into())
        );
    }

    #[test]
    fn crd_and_namespace_readiness() {
        let crd = json!({"kind": "CustomResourceDefinition", "status": {"conditions": [
            {"type": "NamesAccepted", "status": "True"}, {"type": "Established", "status": "True"}]}});
        assert_eq!(evaluate(&crd), Readiness::Ready);
        let pending = json!({"kind": "CustomResourceDefinition", "status": {}});
        assert!(matches!(evaluate(&pending), Readiness::Pending(_)));
        let terminating = json!({"kind": "Namespace", "status": {"phase": "Terminating"}});
        assert_eq!(
            evaluate(&terminating),
            Readiness::Pending("namespace is Terminating".into())
        );
        assert_eq!(evaluate(&json!({"kind": "ConfigMap"})), Readiness::Ready);
    }

    #[test]
    fn pod_problems_name_the_reason() {
        let pull = json!({"metadata": {"name": "istiod-1"}, "status": {"phase": "Pending",
            "containerStatuses": [{"name": "discovery", "ready": false, "state": {"waiting": {
                "reason": "ImagePullBackOff", "message": "Back-off pulling image \"docker.io/istio/pilot:nope\""}}}]}});
        assert_eq!(
            pod_problem(&pull).as_deref(),
            Some(
                "pod istiod-1 container discovery: ImagePullBackOff: Back-off pulling image \"docker.io/istio/pilot:nope\""
            )
        );
        let crash = json!({"metadata": {"name": "p"}, "status": {"phase": "Running",
            "containerStatuses": [{"name": "c", "ready": false,
                "state": {"waiting": {"reason": "CrashLoopBackOff"}},
                "lastState": {"terminated": {"exitCode": 1, "reason": "Error"}}}]}});
        assert_eq!(
            pod_problem(&crash).as_deref(),
            Some("pod p container c: CrashLoopBackOff (last exit code 1, Error)")
        );
        let unschedulable = json!({"metadata": {"name": "p"}, "status": {"phase": "Pending", "conditions": [
            {"type": "PodScheduled", "status": "False", "reason": "Unschedulable",
             "message": "0/2 nodes are available: 2 Insufficient cpu."}]}});
        assert_eq!(
            pod_problem(&unschedulable).as_deref(),
            Some("pod p: Unschedulable: 0/2 nodes are available: 2 Insufficient cpu.")
        );
        let creating = json!({"metadata": {"name": "p"}, "status": {"phase": "Pending",
            "containerStatuses": [{"name": "c", "ready": false, "state": {"waiting": {"reason": "ContainerCreating"}}}]}});
        assert_eq!(pod_problem(&creating), None);
        let healthy = json!({"metadata": {"name": "p"}, "status": {"phase": "Running",
            "containerStatuses": [{"name": "c", "ready": true, "state": {"running": {}}}]}});
        assert_eq!(pod_problem(&healthy), None);
    }

    #[test]
    fn replica_failure_condition_is_a_reason() {
        let stuck = json!({"status": {"conditions": [{"type": "ReplicaFailure", "status": "True",
            "reason": "FailedCreate", "message": "pods \"istiod-x\" is forbidden: exceeded quota"}]}});
        assert_eq!(
            condition_problem(&stuck).as_deref(),
            Some("FailedCreate: pods \"istiod-x\" is forbidden: exceeded quota")
        );
    }
}
