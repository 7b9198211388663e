//! What an install would hit, checked before anything is written (`meshctl precheck`, and
//! `install` before its plan), as istioctl's `x precheck` does: the Kubernetes version against
//! the release's minimum, the permissions the install needs (asked with
//! `SelfSubjectAccessReviews` for exactly the kinds and namespaces this render writes, so a
//! missing one is named before the first write fails), the revisions already installed,
//! injectors that would overlap, and the Gateway API CRD versions Istio serves.
//!
//! Nothing here prints or writes (reviews are not writes: the API server answers and stores
//! nothing).

use std::collections::BTreeSet;

use futures::{StreamExt, stream};
use k8s_openapi::api::authentication::v1::SelfSubjectReview;
use k8s_openapi::api::authorization::v1::{
    ResourceAttributes, SelfSubjectAccessReview, SelfSubjectAccessReviewSpec,
};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::Api;
use kube::api::{ListParams, PostParams};
use serde::Serialize;
use serde_json::Value;

use super::discovery::Catalog;
use super::owners::{self, Controller};
use super::tags::{self, Landscape};
use super::upgrade;
use crate::manifest::Manifest;

/// Istio 1.31 supports Kubernetes 1.32 and newer (istioctl's `k8sversion.MinK8SVersion`).
pub const MINIMUM_KUBERNETES_MINOR: u32 = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The install would fail or break something.
    Error,
    /// The install may work now and break later (as istioctl, it fails the check).
    Warning,
    /// Worth knowing; not a failure.
    Info,
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Which check: `kubernetes-version`, `permissions`, `revisions`, `releases`, `injectors`,
    /// `owners`, `gateway-api`.
    pub check: &'static str,
    pub message: String,
}

/// Everything the checks found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether anything is an error or a warning (exit 1, and `install` refuses).
    #[must_use]
    pub fn failed(&self) -> bool {
        self.findings.iter().any(|f| f.severity != Severity::Info)
    }

    /// Whether anything is an error (`install` refuses; warnings it only shows).
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    fn add(&mut self, severity: Severity, check: &'static str, message: String) {
        self.findings.push(Finding {
            severity,
            check,
            message,
        });
    }
}

/// Checks `server_version` (`v1.37.2`, `v1.33.1-gke.100`) against the minimum.
#[must_use]
pub fn check_version(server_version: &str) -> Option<Finding> {
    let text = server_version.trim_start_matches('v');
    let mut parts = text.split('.');
    let major = parts.next().and_then(|p| p.parse::<u32>().ok());
    let minor = parts
        .next()
        .map(|p| {
            p.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .and_then(|p| p.parse::<u32>().ok());
    let message = match (major, minor) {
        (Some(1), Some(minor)) if minor >= MINIMUM_KUBERNETES_MINOR => return None,
        (Some(1), Some(_)) => format!(
            "Kubernetes {server_version} is older than Istio {}'s minimum, 1.{MINIMUM_KUBERNETES_MINOR}",
            crate::release::newest().version
        ),
        _ => format!("cannot read the Kubernetes version `{server_version}`"),
    };
    Some(Finding {
        severity: Severity::Error,
        check: "kubernetes-version",
        message,
    })
}

/// One permission an install needs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Permission {
    pub verb: &'static str,
    pub group: String,
    /// Plural resource name, e.g. `deployments`.
    pub resource: String,
    pub namespace: Option<String>,
}

impl std::fmt::Display for Permission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let resource = if self.group.is_empty() {
            self.resource.clone()
        } else {
            format!("{}.{}", self.resource, self.group)
        };
        match &self.namespace {
            Some(namespace) => write!(f, "{} {resource} in namespace `{namespace}`", self.verb),
            None => write!(f, "{} {resource} at cluster scope", self.verb),
        }
    }
}

/// The permissions writing `manifests` needs: create and patch (server-side apply does either)
/// of each kind in each namespace it renders into, creating namespaces, and listing the webhook
/// configurations the revision-tag check reads. Kinds discovery does not know (CRDs not yet
/// installed) are left out: their CRDs come first.
#[must_use]
pub fn needed_permissions(catalog: &Catalog, manifests: &[Manifest]) -> Vec<Permission> {
    let mut needed = BTreeSet::new();
    for manifest in manifests {
        let Some(resolved) = catalog.find(manifest.api_version(), manifest.kind()) else {
            continue;
        };
        let namespace = if resolved.namespaced() {
            Some(manifest.namespace().unwrap_or("default").to_string())
        } else {
            None
        };
        for verb in ["create", "patch"] {
            needed.insert(Permission {
                verb,
                group: resolved.resource.group.clone(),
                resource: resolved.resource.plural.clone(),
                namespace: namespace.clone(),
            });
        }
    }
    needed.insert(Permission {
        verb: "create",
        group: String::new(),
        resource: "namespaces".into(),
        namespace: None,
    });
    needed.insert(Permission {
        verb: "list",
        group: "admissionregistration.k8s.io".into(),
        resource: "mutatingwebhookconfigurations".into(),
        namespace: None,
    });
    needed.into_iter().collect()
}

/// The permissions of `needed` this user lacks, asked one `SelfSubjectAccessReview` each.
pub async fn missing_permissions(
    catalog: &Catalog,
    needed: Vec<Permission>,
) -> Result<Vec<Permission>, super::RequestFailed> {
    let api: Api<SelfSubjectAccessReview> = Api::all(catalog.client().clone());
    let answers: Vec<Result<Option<Permission>, super::RequestFailed>> = stream::iter(needed)
        .map(|permission| {
            let api = api.clone();
            async move {
                let review = SelfSubjectAccessReview {
                    spec: SelfSubjectAccessReviewSpec {
                        resource_attributes: Some(ResourceAttributes {
                            verb: Some(permission.verb.to_string()),
                            group: Some(permission.group.clone()),
                            resource: Some(permission.resource.clone()),
                            namespace: permission.namespace.clone(),
                            ..ResourceAttributes::default()
                        }),
                        ..SelfSubjectAccessReviewSpec::default()
                    },
                    ..SelfSubjectAccessReview::default()
                };
                let answer = api
                    .create(&PostParams::default(), &review)
                    .await
                    .map_err(|e| {
                        super::RequestFailed::new(
                            "ask",
                            format!("whether this user may {permission}"),
                            catalog.request_error(
                                e,
                                "create",
                                "selfsubjectaccessreviews.authorization.k8s.io",
                                None,
                            ),
                        )
                    })?;
                let allowed = answer.status.is_some_and(|s| s.allowed);
                Ok((!allowed).then_some(permission))
            }
        })
        .buffered(8)
        .collect()
        .await;
    let mut missing = Vec::new();
    for answer in answers {
        missing.extend(answer?);
    }
    Ok(missing)
}

/// Who the API server says this user is (`SelfSubjectReview`), for messages; `None` when the
/// server does not say.
pub async fn user_name(catalog: &Catalog) -> Option<String> {
    let api: Api<SelfSubjectReview> = Api::all(catalog.client().clone());
    let review = api
        .create(&PostParams::default(), &SelfSubjectReview::default())
        .await
        .ok()?;
    review.status?.user_info?.username
}

/// Gateway API CRDs whose served versions Istio cannot use: the kinds Istio reads at `v1beta1`
/// must serve it (an error), and those it will read at `v1` should (a warning), as istioctl's
/// precheck says.
#[must_use]
pub fn check_gateway_crds(crds: &[Value]) -> Vec<Finding> {
    const BETA: [&str; 4] = ["Gateway", "GatewayClass", "HTTPRoute", "ReferenceGrant"];
    const STABLE: [&str; 4] = ["Gateway", "GatewayClass", "HTTPRoute", "GRPCRoute"];
    let mut findings = Vec::new();
    for crd in crds {
        if crd["spec"]["group"] != "gateway.networking.k8s.io" {
            continue;
        }
        let kind = crd["spec"]["names"]["kind"].as_str().unwrap_or_default();
        let served: BTreeSet<&str> = crd["spec"]["versions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|v| v["served"] == true)
            .filter_map(|v| v["name"].as_str())
            .collect();
        let has = if served.is_empty() {
            "none".to_string()
        } else {
            served.iter().copied().collect::<Vec<_>>().join(",")
        };
        let name = crd["metadata"]["name"].as_str().unwrap_or_default();
        if BETA.contains(&kind) && !served.contains("v1beta1") {
            findings.push(Finding {
                severity: Severity::Error,
                check: "gateway-api",
                message: format!(
                    "CustomResourceDefinition `{name}` serves {has}; Istio needs v1beta1 \
                     (install a supported Gateway API release)"
                ),
            });
        }
        if STABLE.contains(&kind) && !served.contains("v1") {
            findings.push(Finding {
                severity: Severity::Warning,
                check: "gateway-api",
                message: format!(
                    "CustomResourceDefinition `{name}` serves {has}; Istio will need v1 \
                     (upgrade the Gateway API CRDs)"
                ),
            });
        }
    }
    findings
}

/// The Gateway API CRDs' release (`gateway.networking.k8s.io/bundle-version`) against the one the
/// target Istio release is built against: older CRDs lack what its istiod reads (a warning, with
/// the command that upgrades them), newer ones carry what it does not know yet (a warning).
/// Nothing when the cluster has no Gateway API CRDs: Istio runs without them.
#[must_use]
pub fn check_gateway_bundle(crds: &[Value], release: &crate::release::Release) -> Vec<Finding> {
    let bundles: BTreeSet<(&str, &str)> = crds
        .iter()
        .filter(|crd| crd["spec"]["group"] == "gateway.networking.k8s.io")
        .filter_map(|crd| {
            let annotations = &crd["metadata"]["annotations"];
            let bundle = annotations["gateway.networking.k8s.io/bundle-version"].as_str()?;
            let channel = annotations["gateway.networking.k8s.io/channel"]
                .as_str()
                .unwrap_or("standard");
            Some((bundle, channel))
        })
        .collect();
    let wanted = crate::release::parse_version(&release.gateway_api);
    let mut findings = Vec::new();
    for (bundle, channel) in bundles {
        let Some((major, minor, _)) = crate::release::parse_version(bundle) else {
            continue;
        };
        let Some((want_major, want_minor, _)) = wanted else {
            continue;
        };
        let istio = format!("Istio {}", release.version);
        let message = match (major, minor).cmp(&(want_major, want_minor)) {
            std::cmp::Ordering::Less => format!(
                "the Gateway API CRDs are {bundle} ({channel}); {istio} is built against {}:                  upgrade them first (kubectl apply --server-side -f                  https://github.com/kubernetes-sigs/gateway-api/releases/download/{}/{channel}-install.yaml)",
                release.gateway_api, release.gateway_api
            ),
            std::cmp::Ordering::Greater => format!(
                "the Gateway API CRDs are {bundle} ({channel}), newer than the {} {istio} is                  built against: it ignores what it does not know yet",
                release.gateway_api
            ),
            std::cmp::Ordering::Equal => continue,
        };
        findings.push(Finding {
            severity: Severity::Warning,
            check: "gateway-api",
            message,
        });
    }
    findings
}

/// Other controllers that own what the install writes ([`owners`]): an error each, unless
/// the user allowed taking from that controller (then a note). A search that could not be done
/// is an error too: an install must not go on over owners nobody looked for.
async fn check_owners(
    catalog: &Catalog,
    manifests: &[Manifest],
    allowed: &[Controller],
    report: &mut Report,
) {
    match owners::find(catalog, manifests, &owners::Releases::All).await {
        Ok(foreign) => {
            if let Some(why) = foreign.unchecked {
                report.add(Severity::Warning, "owners", why);
            }
            for claim in foreign.claims {
                let controller = claim.owner.controller;
                if allowed.contains(&controller) {
                    report.add(
                        Severity::Info,
                        "owners",
                        format!(
                            "taken over (--take-over-from {}): {claim}",
                            controller.flag_value()
                        ),
                    );
                } else {
                    report.add(
                        Severity::Error,
                        "owners",
                        format!(
                            "owned by another controller: {claim}\n      way out: {}",
                            controller.way_out()
                        ),
                    );
                }
            }
        }
        // A user who may not read the objects may not write them either: the permissions
        // check names that.
        Err(error) if error.is_forbidden() => {}
        Err(error) => report.add(
            Severity::Error,
            "owners",
            format!("cannot tell whether other controllers own these objects: {error}"),
        ),
    }
}

/// Runs every check for an install of `manifests` (merged from `merged`). `owners`: the
/// controllers the install may take objects from (`--take-over-from`), or `None` to leave the
/// other-owners check to the caller (`install` runs it after this, for the takeover it needs).
pub async fn run(
    catalog: &Catalog,
    server_version: &str,
    merged: &Value,
    manifests: &[Manifest],
    owners: Option<&[Controller]>,
) -> Result<Report, tags::TagError> {
    let mut to_write = manifests.to_vec();
    let mut report = Report::default();
    report.findings.extend(check_version(server_version));

    let missing = missing_permissions(catalog, needed_permissions(catalog, manifests)).await?;
    if !missing.is_empty() {
        let user = user_name(catalog)
            .await
            .map_or_else(|| "this user".to_string(), |u| format!("user `{u}`"));
        for permission in &missing {
            report.add(
                Severity::Error,
                "permissions",
                format!("forbidden: {user} may not {permission}"),
            );
        }
    }

    let istio_namespace = merged["metadata"]["namespace"]
        .as_str()
        .filter(|n| !n.is_empty())
        .unwrap_or("istio-system");
    match Landscape::read(catalog, istio_namespace).await {
        Ok(landscape) => {
            let revision = merged["spec"]["values"]["revision"]
                .as_str()
                .filter(|r| !r.is_empty())
                .unwrap_or(tags::DEFAULT_TAG);
            let installed = landscape.revisions();
            if !installed.is_empty() {
                report.add(
                    Severity::Info,
                    "revisions",
                    format!("installed revisions: {}", installed.join(", ")),
                );
            }
            if installed.iter().any(|r| r == revision) {
                report.add(
                    Severity::Info,
                    "revisions",
                    format!(
                        "revision `{revision}` is installed: this install upgrades it in place \
                         (install with `-r NEW` to upgrade beside it)"
                    ),
                );
            }
            // Istio's upgrade rules (`upgrade`): the installed releases, and the move asked for.
            let live = landscape.installed();
            if live.iter().any(|i| i.version.is_some()) {
                report.add(
                    Severity::Info,
                    "releases",
                    format!(
                        "installed releases: {}",
                        live.iter()
                            .map(|i| format!(
                                "{} ({})",
                                i.revision,
                                i.version.as_deref().unwrap_or("unknown")
                            ))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
            if let Ok(resolved) = crate::release::resolve(merged) {
                for finding in upgrade::check(&live, revision, resolved.release) {
                    let severity = if finding.error {
                        Severity::Error
                    } else if finding.message.contains("downgrade") {
                        Severity::Warning
                    } else {
                        Severity::Info
                    };
                    report.add(severity, "releases", finding.message);
                }
            }
            for (tag, target) in landscape.tags() {
                report.add(
                    Severity::Info,
                    "revisions",
                    format!("revision tag `{tag}` points at `{target}`"),
                );
            }
            let mut after = manifests.to_vec();
            let install = tags::plan_install(&landscape, merged, &mut after, istio_namespace)?;
            to_write = after;
            for overlap in install.overlaps {
                report.add(
                    Severity::Error,
                    "injectors",
                    format!("injection webhooks would overlap: {overlap}"),
                );
            }
        }
        // Already reported as a missing permission.
        Err(error) if error.source.is_forbidden() => {}
        Err(error) => return Err(error.into()),
    }

    if let Some(allowed) = owners {
        check_owners(catalog, &to_write, allowed, &mut report).await;
    }

    // Proxies the target release no longer serves (from the pods; a user who may not list
    // pods gets no finding, as istioctl's precheck gives none).
    if let (Ok(resolved), Ok(inventory)) = (
        crate::release::resolve(merged),
        super::inventory::read(catalog).await,
    ) {
        for finding in upgrade::stale_proxies(&inventory.data_plane, resolved.release) {
            report.add(Severity::Warning, "releases", finding.message);
        }
    }

    let crds: Api<CustomResourceDefinition> = Api::all(catalog.client().clone());
    match crds.list(&ListParams::default()).await {
        Ok(list) => {
            let values: Vec<Value> = list
                .items
                .into_iter()
                .filter_map(|c| serde_json::to_value(c).ok())
                .collect();
            report.findings.extend(check_gateway_crds(&values));
            let release = crate::release::resolve(merged)
                .map_or_else(|_| crate::release::newest(), |r| r.release);
            report
                .findings
                .extend(check_gateway_bundle(&values, release));
        }
        Err(error) => {
            let error = catalog.request_error(
                error,
                "list",
                "customresourcedefinitions.apiextensions.k8s.io",
                None,
            );
            if !error.is_forbidden() {
                return Err(super::RequestFailed::new(
                    "list",
                    "CustomResourceDefinition objects",
                    error,
                )
                .into());
            }
            report.add(
                Severity::Warning,
                "gateway-api",
                "not checked: this user may not list CustomResourceDefinitions".into(),
            );
        }
    }
    report.findings.sort_by_key(|f| f.severity);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_minimum_kubernetes_is_the_releases() {
        assert!(check_version("v1.37.2").is_none());
        assert!(check_version("v1.32.0-gke.1").is_none());
        let old = check_version("v1.31.4").expect("too old");
        assert_eq!(old.severity, Severity::Error);
        assert!(old.message.contains("minimum, 1.32"), "{}", old.message);
        assert!(check_version("garbage").is_some());
    }

    fn crd(kind: &str, versions: &[(&str, bool)]) -> Value {
        json!({
            "metadata": {"name": format!("{}s.gateway.networking.k8s.io", kind.to_lowercase())},
            "spec": {"group": "gateway.networking.k8s.io", "names": {"kind": kind},
                     "versions": versions.iter().map(|(n, s)| json!({"name": n, "served": s})).collect::<Vec<_>>()},
        })
    }

    #[test]
    fn gateway_api_crds_must_serve_what_istio_reads() {
        let current = [
            crd("Gateway", &[("v1", true), ("v1beta1", true)]),
            crd("GRPCRoute", &[("v1", true)]),
        ];
        assert!(check_gateway_crds(&current).is_empty());
        let old = [crd("HTTPRoute", &[("v1alpha2", true), ("v1beta1", false)])];
        let findings = check_gateway_crds(&old);
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].severity, Severity::Error);
        assert!(
            findings[0].message.contains("serves v1alpha2"),
            "{findings:?}"
        );
        assert_eq!(findings[1].severity, Severity::Warning);
        let foreign = [json!({"spec": {"group": "example.com", "names": {"kind": "Gateway"}}})];
        assert!(check_gateway_crds(&foreign).is_empty());
    }

    #[test]
    fn gateway_api_crds_are_compared_with_the_target_releases() {
        let bundle = |version: &str| {
            json!({"metadata": {"name": "gateways.gateway.networking.k8s.io", "annotations": {
                "gateway.networking.k8s.io/bundle-version": version,
                "gateway.networking.k8s.io/channel": "standard"}},
                "spec": {"group": "gateway.networking.k8s.io", "names": {"kind": "Gateway"}}})
        };
        for release in crate::release::all() {
            let (major, minor, _) =
                crate::release::parse_version(&release.gateway_api).expect("a version");
            assert!(check_gateway_bundle(&[bundle(&release.gateway_api)], release).is_empty());
            let older =
                check_gateway_bundle(&[bundle(&format!("v{major}.{}.0", minor - 1))], release);
            assert_eq!(older.len(), 1, "{older:?}");
            assert!(
                older[0].message.contains(&format!(
                    "download/{}/standard-install.yaml",
                    release.gateway_api
                )),
                "{older:?}"
            );
            let newer =
                check_gateway_bundle(&[bundle(&format!("v{major}.{}.0", minor + 1))], release);
            assert!(newer[0].message.contains("newer than"), "{newer:?}");
        }
        // The releases differ: CRDs right for 1.29 are old for 1.31.
        let r131 = crate::release::find("1.31").expect("1.31");
        let r129 = crate::release::find("1.29").expect("1.29");
        assert!(!check_gateway_bundle(&[bundle(&r129.gateway_api)], r131).is_empty());
        let none =
            json!({"metadata": {"name": "x"}, "spec": {"group": "gateway.networking.k8s.io"}});
        assert!(check_gateway_bundle(&[none], r131).is_empty());
    }

    #[test]
    fn permissions_read_as_rbac_names_them() {
        let permission = Permission {
            verb: "create",
            group: "apps".into(),
            resource: "deployments".into(),
            namespace: Some("istio-system".into()),
        };
        assert_eq!(
            permission.to_string(),
            "create deployments.apps in namespace `istio-system`"
        );
        let cluster = Permission {
            verb: "create",
            group: String::new(),
            resource: "namespaces".into(),
            namespace: None,
        };
        assert_eq!(cluster.to_string(), "create namespaces at cluster scope");
    }
}
