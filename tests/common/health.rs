//! How Argo CD and Flux judge an `IstioOperator`, written from their documented rules so
//! that tests can ask "what would Argo CD / Flux say about the status the operator wrote?".
//!
//! - Argo CD's built-in health check for `install.istio.io/IstioOperator`
//!   (argoproj/argo-cd `resource_customizations/install.istio.io/IstioOperator/health.lua`): a
//!   resource being deleted is Progressing; otherwise `status.status` decides — `NONE` (or 0) is
//!   Unknown, `UPDATING` / `RECONCILING` (1, 2) Progressing, `HEALTHY` (3) Healthy, `ERROR` (4)
//!   Degraded — and anything else, a missing status included, is Progressing.
//! - kstatus (sigs.k8s.io/cli-utils `pkg/kstatus/status`, what Flux's health checks use) for a
//!   custom resource: a deletion timestamp is Terminating; an `observedGeneration` that differs
//!   from `metadata.generation` is `InProgress`; a `Reconciling=True` condition is `InProgress`, a
//!   `Stalled=True` one `Failed` (the first such condition in list order decides); otherwise
//!   `Current`.

// Each test file includes this module and uses only part of it.
#![allow(dead_code)]

use serde_json::Value;

/// Argo CD's health status of an `IstioOperator`: `Healthy`, `Progressing`, `Degraded` or
/// `Unknown`.
#[must_use]
pub fn argo_cd(resource: &Value) -> &'static str {
    if !resource["metadata"]["deletionTimestamp"].is_null() {
        return "Progressing";
    }
    let status = &resource["status"]["status"];
    // Istio's enum may be written as its name or as its number.
    let name = match (status.as_str(), status.as_i64()) {
        (Some(name), _) => name.to_string(),
        (None, Some(number)) => match number {
            0 => "NONE",
            1 => "UPDATING",
            2 => "RECONCILING",
            3 => "HEALTHY",
            4 => "ERROR",
            _ => "",
        }
        .to_string(),
        (None, None) => String::new(),
    };
    match name.as_str() {
        "NONE" => "Unknown",
        "HEALTHY" => "Healthy",
        "ERROR" => "Degraded",
        _ => "Progressing",
    }
}

/// kstatus's status of a custom resource: `Current`, `InProgress`, `Failed` or `Terminating`.
#[must_use]
pub fn kstatus(resource: &Value) -> &'static str {
    if resource["metadata"]["deletionTimestamp"]
        .as_str()
        .is_some_and(|t| !t.is_empty())
    {
        return "Terminating";
    }
    if let (Some(generation), Some(observed)) = (
        resource["metadata"]["generation"].as_i64(),
        resource["status"]["observedGeneration"].as_i64(),
    ) && generation != observed
    {
        return "InProgress";
    }
    for condition in resource["status"]["conditions"]
        .as_array()
        .into_iter()
        .flatten()
    {
        if condition["status"] != "True" {
            continue;
        }
        match condition["type"].as_str() {
            Some("Reconciling") => return "InProgress",
            Some("Stalled") => return "Failed",
            _ => {}
        }
    }
    "Current"
}
