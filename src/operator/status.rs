//! What the controller tells users about an `IstioOperator`, in the two shapes its readers know.
//!
//! - Istio's own `InstallStatus` (the `istio.io/api` `operator/v1alpha1` message that Istio's
//!   removed operator wrote): `status.status` (`HEALTHY`, `RECONCILING`, `UPDATING`, `ERROR`,
//!   `NONE`), `status.message`, and `status.componentStatus.<Component>.status` / `.error`. Argo
//!   CD's built-in health check for `install.istio.io/IstioOperator` reads exactly this, and so do
//!   users' scripts (`kubectl get iop -o jsonpath='{.status.status}'`).
//! - Kubernetes conditions as kstatus (Flux, `kubectl wait --for=condition=Ready`) reads them:
//!   `Ready`, `Reconciling` and `Stalled`, and `status.observedGeneration`. `Stalled=True` only
//!   when retrying cannot help (an invalid spec): that is what makes kstatus report `Failed`
//!   instead of waiting. A failure that is retried keeps `Reconciling=True` (kstatus
//!   `InProgress`) while `status.status` says `ERROR` (Argo CD `Degraded`).
//!
//! The status is computed here as plain data and compared with what the resource already says,
//! so the controller writes it only when it changes (a status write is itself a watch event, and
//! an unconditional write would reconcile forever). `lastTransitionTime` moves only when a
//! condition's status does, as the Kubernetes API conventions ask.

use std::collections::BTreeMap;

use k8s_openapi::jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::render::ComponentName;

/// The overall and per-component state: Istio's `InstallStatus.Status` values, as `kubectl get
/// iop` shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Phase {
    /// Nothing of it is present (Istio's value for a component that is not installed).
    None,
    /// Changes are being applied (Istio: "being updated").
    Updating,
    /// Applied, but its workloads are not ready yet, or the controller has not finished.
    Reconciling,
    /// Everything rendered is applied and ready.
    Healthy,
    /// The resource is invalid, or applying it failed; `message` says why.
    Error,
}

impl Phase {
    /// The value as written in `status.status`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "NONE",
            Self::Updating => "UPDATING",
            Self::Reconciling => "RECONCILING",
            Self::Healthy => "HEALTHY",
            Self::Error => "ERROR",
        }
    }

    /// Every value, for the CRD's schema. Istio's `ACTION_REQUIRED` is accepted too, so that a
    /// resource written by Istio's operator stays valid; meshctl never writes it.
    pub const SCHEMA_VALUES: [&'static str; 6] = [
        "NONE",
        "UPDATING",
        "RECONCILING",
        "HEALTHY",
        "ERROR",
        "ACTION_REQUIRED",
    ];
}

/// One component's state: Istio's `InstallStatus.VersionStatus` (`status`, `error`), plus
/// meshctl's `message` for what it waits on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentStatus {
    pub status: Phase,
    /// Why the component is in error; only set with [`Phase::Error`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub error: String,
    /// What the component waits on while it is not healthy.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    /// The Istio release it runs or is being brought to (Istio's `VersionStatus.version`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

impl ComponentStatus {
    /// A component in `status`; `note` becomes `error` for [`Phase::Error`], else `message`.
    #[must_use]
    pub fn new(status: Phase, note: &str) -> Self {
        let (error, message) = if status == Phase::Error {
            (note.to_string(), String::new())
        } else {
            (String::new(), note.to_string())
        };
        Self {
            status,
            error,
            message,
            version: None,
        }
    }
}

/// A standard condition (`metav1.Condition`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    #[serde(rename = "type")]
    pub type_: String,
    /// `"True"`, `"False"` or `"Unknown"`.
    pub status: String,
    pub reason: String,
    #[serde(default)]
    pub message: String,
    pub last_transition_time: String,
    #[serde(default)]
    pub observed_generation: i64,
}

/// `status` of an `IstioOperator`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    /// Istio's `InstallStatus.status`.
    pub status: Phase,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub observed_generation: i64,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// Omitted when empty: server-side apply reads an empty map as `null`, which the schema
    /// rejects; omitting the field lets the API server drop it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub component_status: BTreeMap<String, ComponentStatus>,
    /// With the revision-based strategy: the resource's revisions, the current one first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<super::revisions::RevisionStatus>,
}

/// The condition types this controller sets.
pub const READY: &str = "Ready";
pub const RECONCILING: &str = "Reconciling";
pub const STALLED: &str = "Stalled";

/// What one reconcile found, before it becomes a [`Status`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    pub phase: Phase,
    /// A `PascalCase` reason for the conditions, e.g. `InvalidSpec`, `Installed`.
    pub reason: &'static str,
    pub message: String,
    pub generation: i64,
    pub components: BTreeMap<ComponentName, ComponentStatus>,
    /// With [`Phase::Error`]: retrying cannot help until the resource changes (an invalid spec).
    /// Sets `Stalled=True`; otherwise an error is retried and `Reconciling` stays `True`.
    pub stalled: bool,
}

impl Status {
    /// The status for `observation`, keeping the transition times of `previous` where a
    /// condition did not change.
    #[must_use]
    pub fn from_observation(
        observation: &Observation,
        previous: Option<&Status>,
        now: Timestamp,
    ) -> Self {
        let (ready, reconciling, stalled) = match observation.phase {
            Phase::Healthy => ("True", "False", "False"),
            Phase::Error if observation.stalled => ("False", "False", "True"),
            Phase::None | Phase::Updating | Phase::Reconciling | Phase::Error => {
                ("False", "True", "False")
            }
        };
        let condition = |type_: &str, status: &str| {
            let last_transition_time = previous
                .and_then(|p| p.conditions.iter().find(|c| c.type_ == type_))
                .filter(|c| c.status == status)
                .map_or_else(|| now.to_string(), |c| c.last_transition_time.clone());
            Condition {
                type_: type_.to_string(),
                status: status.to_string(),
                reason: observation.reason.to_string(),
                message: observation.message.clone(),
                last_transition_time,
                observed_generation: observation.generation,
            }
        };
        Self {
            status: observation.phase,
            message: observation.message.clone(),
            observed_generation: observation.generation,
            conditions: vec![
                condition(READY, ready),
                condition(RECONCILING, reconciling),
                condition(STALLED, stalled),
            ],
            component_status: observation
                .components
                .iter()
                .map(|(name, status)| (name.label().to_string(), status.clone()))
                .collect(),
            // Housekeeping's to change ([`super::revisions`]); an observation keeps them.
            revisions: previous.map(|p| p.revisions.clone()).unwrap_or_default(),
        }
    }

    /// Reads `status` from a live resource; `None` when absent or not ours.
    #[must_use]
    pub fn of(resource: &Value) -> Option<Self> {
        serde_json::from_value(resource.get("status")?.clone()).ok()
    }
}

/// Truncates a message to what a condition may carry (32 KiB), on a character boundary.
#[must_use]
pub fn bounded(message: &str) -> String {
    const LIMIT: usize = 32 * 1024;
    if message.len() <= LIMIT {
        return message.to_string();
    }
    let mut end = LIMIT - 3;
    while !message.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &message[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn observation(phase: Phase) -> Observation {
        Observation {
            phase,
            reason: "Installed",
            message: "ok".into(),
            generation: 3,
            components: BTreeMap::from([(ComponentName::Pilot, ComponentStatus::new(phase, ""))]),
            stalled: false,
        }
    }

    #[test]
    fn healthy_is_ready_and_not_reconciling() {
        let now: Timestamp = "2026-11-23T10:00:00Z".parse().expect("timestamp");
        let status = Status::from_observation(&observation(Phase::Healthy), None, now);
        assert_eq!(status.status, Phase::Healthy);
        assert_eq!(status.observed_generation, 3);
        let ready = &status.conditions[0];
        assert_eq!(
            (ready.type_.as_str(), ready.status.as_str()),
            (READY, "True")
        );
        assert_eq!(status.conditions[1].status, "False");
        assert_eq!(status.conditions[2].status, "False", "not stalled");
        assert_eq!(status.component_status["Pilot"].status, Phase::Healthy);
        let json = serde_json::to_value(&status).expect("serialises");
        assert_eq!(json["status"], "HEALTHY");
        assert_eq!(
            json["componentStatus"]["Pilot"],
            json!({"status": "HEALTHY"})
        );
        assert_eq!(
            json["conditions"][0]["lastTransitionTime"],
            "2026-11-23T10:00:00Z"
        );
    }

    #[test]
    fn transition_time_moves_only_when_the_condition_changes() {
        let first: Timestamp = "2026-11-23T10:00:00Z".parse().expect("timestamp");
        let later: Timestamp = "2026-11-23T11:00:00Z".parse().expect("timestamp");
        let healthy = Status::from_observation(&observation(Phase::Healthy), None, first);
        let again = Status::from_observation(&observation(Phase::Healthy), Some(&healthy), later);
        assert_eq!(again, healthy, "nothing changed, so nothing is written");
        let mut invalid = observation(Phase::Error);
        invalid.stalled = true;
        let failed = Status::from_observation(&invalid, Some(&healthy), later);
        assert_eq!(failed.conditions[0].last_transition_time, later.to_string());
        assert_eq!(
            failed.conditions[1].last_transition_time,
            first.to_string(),
            "Reconciling stayed False"
        );
        assert_eq!(failed.conditions[2].last_transition_time, later.to_string());
    }

    fn condition<'a>(status: &'a Status, type_: &str) -> &'a str {
        status
            .conditions
            .iter()
            .find(|c| c.type_ == type_)
            .map_or("absent", |c| c.status.as_str())
    }

    #[test]
    fn only_an_error_retrying_cannot_fix_is_stalled() {
        let now: Timestamp = "2026-11-23T10:00:00Z".parse().expect("timestamp");
        let mut invalid = observation(Phase::Error);
        invalid.stalled = true;
        let stalled = Status::from_observation(&invalid, None, now);
        assert_eq!(
            [READY, RECONCILING, STALLED].map(|t| condition(&stalled, t)),
            ["False", "False", "True"]
        );
        let retried = Status::from_observation(&observation(Phase::Error), None, now);
        assert_eq!(
            [READY, RECONCILING, STALLED].map(|t| condition(&retried, t)),
            ["False", "True", "False"]
        );
        let updating = Status::from_observation(&observation(Phase::Updating), None, now);
        assert_eq!(
            [READY, RECONCILING, STALLED].map(|t| condition(&updating, t)),
            ["False", "True", "False"]
        );
        assert_eq!(
            serde_json::to_value(&updating).expect("json")["status"],
            "UPDATING"
        );
    }

    #[test]
    fn a_component_error_is_istios_error_field() {
        let failed =
            serde_json::to_value(ComponentStatus::new(Phase::Error, "timed out")).expect("json");
        assert_eq!(failed, json!({"status": "ERROR", "error": "timed out"}));
        let waiting = serde_json::to_value(ComponentStatus::new(Phase::Reconciling, "waiting"))
            .expect("json");
        assert_eq!(
            waiting,
            json!({"status": "RECONCILING", "message": "waiting"})
        );
    }

    #[test]
    fn a_status_istios_operator_wrote_is_read() {
        let istio = json!({"status": {"status": "HEALTHY", "componentStatus": {
            "Pilot": {"status": "HEALTHY"}, "Base": {"status": "HEALTHY"}}}});
        let status = Status::of(&istio).expect("read");
        assert_eq!(status.status, Phase::Healthy);
        assert_eq!(status.observed_generation, 0);
        assert!(status.conditions.is_empty());
    }

    #[test]
    fn an_empty_component_map_is_omitted() {
        let now: Timestamp = "2026-11-23T10:00:00Z".parse().expect("timestamp");
        let mut invalid = observation(Phase::Error);
        invalid.components.clear();
        let json = serde_json::to_value(Status::from_observation(&invalid, None, now))
            .expect("serialises");
        assert!(json.get("componentStatus").is_none(), "{json}");
    }

    #[test]
    fn status_round_trips_through_the_resource() {
        let now: Timestamp = "2026-11-23T10:00:00Z".parse().expect("timestamp");
        let status = Status::from_observation(&observation(Phase::Error), None, now);
        let resource = serde_json::json!({ "status": status });
        assert_eq!(Status::of(&resource), Some(status));
        assert_eq!(Status::of(&serde_json::json!({})), None);
    }

    #[test]
    fn long_messages_are_bounded() {
        let long = "é".repeat(40_000);
        let bounded = bounded(&long);
        assert!(bounded.len() <= 32 * 1024);
        assert!(bounded.ends_with("..."));
        assert_eq!(super::bounded("short"), "short");
    }
}
