//! What the controller tells users about an `IstioOperator`: `status.phase`, conditions,
//! per-component state, `observedGeneration`, a message.
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

/// The overall state, as `kubectl get iop` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Changes are being applied, or workloads are not ready yet.
    Reconciling,
    /// Everything rendered is applied and ready.
    Healthy,
    /// The resource is invalid, or applying it failed; `message` says why.
    Error,
}

/// One component's state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentStatus {
    pub phase: Phase,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
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
    pub phase: Phase,
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
}

/// The condition types this controller sets.
pub const READY: &str = "Ready";
pub const RECONCILING: &str = "Reconciling";

/// What one reconcile found, before it becomes a [`Status`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    pub phase: Phase,
    /// A `PascalCase` reason for the conditions, e.g. `InvalidSpec`, `Installed`.
    pub reason: &'static str,
    pub message: String,
    pub generation: i64,
    pub components: BTreeMap<ComponentName, ComponentStatus>,
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
        let (ready, reconciling) = match observation.phase {
            Phase::Healthy => ("True", "False"),
            Phase::Reconciling => ("False", "True"),
            Phase::Error => ("False", "False"),
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
            phase: observation.phase,
            message: observation.message.clone(),
            observed_generation: observation.generation,
            conditions: vec![condition(READY, ready), condition(RECONCILING, reconciling)],
            component_status: observation
                .components
                .iter()
                .map(|(name, status)| (name.label().to_string(), status.clone()))
                .collect(),
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

    fn observation(phase: Phase) -> Observation {
        Observation {
            phase,
            reason: "Installed",
            message: "ok".into(),
            generation: 3,
            components: BTreeMap::from([(
                ComponentName::Pilot,
                ComponentStatus {
                    phase,
                    message: String::new(),
                },
            )]),
        }
    }

    #[test]
    fn healthy_is_ready_and_not_reconciling() {
        let now: Timestamp = "2026-11-23T10:00:00Z".parse().expect("timestamp");
        let status = Status::from_observation(&observation(Phase::Healthy), None, now);
        assert_eq!(status.phase, Phase::Healthy);
        assert_eq!(status.observed_generation, 3);
        let ready = &status.conditions[0];
        assert_eq!(
            (ready.type_.as_str(), ready.status.as_str()),
            (READY, "True")
        );
        assert_eq!(status.conditions[1].status, "False");
        assert_eq!(status.component_status["Pilot"].phase, Phase::Healthy);
        let json = serde_json::to_value(&status).expect("serialises");
        assert_eq!(json["componentStatus"]["Pilot"]["phase"], "Healthy");
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
        let failed = Status::from_observation(&observation(Phase::Error), Some(&healthy), later);
        assert_eq!(failed.conditions[0].last_transition_time, later.to_string());
        assert_eq!(
            failed.conditions[1].last_transition_time,
            first.to_string(),
            "Reconciling stayed False"
        );
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
