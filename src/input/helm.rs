//! Istio's Helm releases as the equivalent `IstioOperator`s, for `meshctl migrate helm`.
//!
//! Istio's Helm guide installs `base` and `istiod` (`manifests/charts/base`,
//! `istio-control/istio-discovery`) in `istio-system`, a revisioned control plane as another
//! `istiod` release with `revision=REV`, and gateways with the `gateway` chart. istioctl renders
//! the same `base` and `istio-discovery` charts from an `IstioOperator`'s `spec.values`, so a
//! release's values (`config` in its release Secret: what the user set, not the chart's
//! defaults) go to `spec.values` unchanged; Helm's chart-level `profile` becomes `spec.profile`.
//! One `IstioOperator` per `istiod` release (a revision each); the `base` release goes with the
//! revision it makes the default (`defaultRevision`), else the unrevisioned one.
//!
//! What Helm installed and an `IstioOperator` does not say is switched off: istioctl's gateways
//! (the default profile has an ingress gateway; Helm installs have none), CNI and ztunnel.
//! Releases of the `gateway`, `cni` and `ztunnel` charts are left to Helm ([`Translation::left`]):
//! the `gateway` chart's Deployment and Service have another shape than an `IstioOperator`'s
//! gateways (names, selector, ports), so mapping one would change the Service its load balancer
//! and clients use. Nothing here reads the cluster or prints.

use serde_json::{Value, json};

use crate::api;
use crate::merge;

/// One Helm release, as [`translate`] reads it.
#[derive(Debug, Clone, Copy)]
pub struct ChartRelease<'a> {
    pub name: &'a str,
    pub namespace: &'a str,
    /// The chart's name (`base`, `istiod`, `gateway`, `cni`, `ztunnel`).
    pub chart: &'a str,
    /// The values the user gave.
    pub config: &'a Value,
}

/// The `IstioOperator`s and what stays with Helm.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Translation {
    /// One per `istiod` release, the default revision's first. Each is named after its release.
    pub operators: Vec<Value>,
    /// A line per release left to Helm, saying why.
    pub left: Vec<String>,
}

/// The charts this translation takes.
pub const TAKEN_CHARTS: [&str; 2] = ["base", "istiod"];

/// Translates the Helm releases of a cluster.
#[must_use]
pub fn translate(releases: &[ChartRelease<'_>]) -> Translation {
    let mut translation = Translation::default();
    let revision_of = |release: &ChartRelease<'_>| {
        release.config["revision"]
            .as_str()
            .filter(|r| !r.is_empty() && *r != "default")
            .map(str::to_string)
    };
    let mut istiods: Vec<&ChartRelease<'_>> =
        releases.iter().filter(|r| r.chart == "istiod").collect();
    istiods.sort_by_key(|r| (revision_of(r).is_some(), r.namespace, r.name));
    let base = releases.iter().find(|r| r.chart == "base");
    // The revision the base release belongs with: the one it makes the default.
    let base_revision = base.map(|b| {
        b.config["defaultRevision"]
            .as_str()
            .filter(|r| !r.is_empty() && *r != "default")
            .map(str::to_string)
    });
    let base_home = base_revision.as_ref().and_then(|wanted| {
        istiods
            .iter()
            .position(|r| revision_of(r) == *wanted)
            .or((!istiods.is_empty()).then_some(0))
    });
    for (index, istiod) in istiods.iter().enumerate() {
        let mut values = json!({});
        let with_base = base_home == Some(index);
        if let (true, Some(base)) = (with_base, base) {
            merge::overlay(&mut values, base.config.clone());
        }
        merge::overlay(&mut values, istiod.config.clone());
        let profile = values
            .as_object_mut()
            .and_then(|v| v.remove("profile"))
            .and_then(|p| p.as_str().map(str::to_string))
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "default".into());
        let mut spec = json!({
            "profile": profile,
            "components": {
                "base": {"enabled": with_base || revision_of(istiod).is_none()},
                "pilot": {"enabled": true},
                "ingressGateways": [{"name": "istio-ingressgateway", "enabled": false}],
                "egressGateways": [{"name": "istio-egressgateway", "enabled": false}],
                "cni": {"enabled": false},
                "ztunnel": {"enabled": false},
            },
            "values": values,
        });
        if let Some(revision) = revision_of(istiod) {
            spec["revision"] = json!(revision);
        }
        translation.operators.push(json!({
            "apiVersion": api::API_VERSION,
            "kind": api::KIND,
            "metadata": {"name": istiod.name, "namespace": istiod.namespace},
            "spec": spec,
        }));
    }
    if let (Some(base), None) = (base, base_home) {
        translation.left.push(format!(
            "Helm release `{}/{}` (chart base) is left to Helm: no istiod release to take it \
             over with",
            base.namespace, base.name
        ));
    }
    for release in releases {
        let why = match release.chart {
            "gateway" => {
                "Istio's `gateway` chart renders a Deployment and Service of another shape than an \
                 IstioOperator's gateways (names, selector, ports): taking it would change the \
                 Service its clients and load balancer use. It keeps working with the migrated \
                 control plane"
            }
            "cni" | "ztunnel" => "meshctl does not take this chart over yet",
            _ => continue,
        };
        translation.left.push(format!(
            "Helm release `{}/{}` (chart {}) is left to Helm: {why}",
            release.namespace, release.name, release.chart
        ));
    }
    translation
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release<'a>(name: &'a str, chart: &'a str, config: &'a Value) -> ChartRelease<'a> {
        ChartRelease {
            name,
            namespace: "istio-system",
            chart,
            config,
        }
    }

    #[test]
    fn base_and_istiod_become_one_istio_operator_with_their_values() {
        let base = json!({"defaultRevision": "default"});
        let istiod = json!({"pilot": {"env": {"A": "b"}}, "meshConfig": {"accessLogFile": "/dev/stdout"},
                            "profile": "demo"});
        let gateway = json!({});
        let translation = translate(&[
            release("istio-base", "base", &base),
            release("istiod", "istiod", &istiod),
            ChartRelease {
                namespace: "istio-ingress",
                ..release("istio-ingress", "gateway", &gateway)
            },
        ]);
        assert_eq!(translation.operators.len(), 1);
        let operator = &translation.operators[0];
        assert_eq!(
            operator["metadata"],
            json!({"name": "istiod", "namespace": "istio-system"})
        );
        assert_eq!(operator["spec"]["profile"], "demo");
        assert_eq!(operator["spec"]["values"]["defaultRevision"], "default");
        assert_eq!(operator["spec"]["values"]["pilot"]["env"]["A"], "b");
        assert_eq!(
            operator["spec"]["values"]["meshConfig"]["accessLogFile"],
            "/dev/stdout"
        );
        assert!(operator["spec"]["values"].get("profile").is_none());
        assert_eq!(operator["spec"]["components"]["base"]["enabled"], true);
        assert_eq!(
            operator["spec"]["components"]["ingressGateways"][0]["enabled"],
            false
        );
        assert!(operator["spec"].get("revision").is_none());
        assert_eq!(translation.left.len(), 1);
        assert!(
            translation.left[0].starts_with(
                "Helm release `istio-ingress/istio-ingress` (chart gateway) is left to Helm"
            ),
            "{:?}",
            translation.left
        );
    }

    #[test]
    fn each_revision_is_its_own_istio_operator_and_base_goes_with_the_default() {
        let base = json!({"defaultRevision": "canary"});
        let stable = json!({});
        let canary = json!({"revision": "canary"});
        let translation = translate(&[
            release("istiod-canary", "istiod", &canary),
            release("istiod", "istiod", &stable),
            release("istio-base", "base", &base),
        ]);
        let names: Vec<&str> = translation
            .operators
            .iter()
            .map(|o| o["metadata"]["name"].as_str().unwrap_or_default())
            .collect();
        assert_eq!(names, ["istiod", "istiod-canary"]);
        assert_eq!(translation.operators[1]["spec"]["revision"], "canary");
        assert_eq!(
            translation.operators[1]["spec"]["values"]["defaultRevision"],
            "canary"
        );
        assert!(
            translation.operators[0]["spec"]["values"]
                .get("defaultRevision")
                .is_none()
        );
        assert!(translation.left.is_empty());
    }
}
