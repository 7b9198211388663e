//! Revision tags: the `default` tag an install creates, `meshctl tag`, and what the cluster says
//! about revisions.
//!
//! A revision tag is a `MutatingWebhookConfiguration` `istio-revision-tag-<tag>` (label
//! `istio.io/tag=<tag>`, `istio.io/rev=<revision>`) plus a Service `istiod-revision-tag-<tag>`;
//! namespaces labelled `istio.io/rev=<tag>` are injected by the revision the tag points at. The
//! `default` tag also answers `istio-injection=enabled` and brings the cluster-wide validator
//! `istiod-default-validator`. istioctl's `install` creates the default tag when the install is the
//! default revision or the first one (and `operatorManageWebhooks` is off), and then points every
//! webhook of the default revision's own injector (`istio-sidecar-injector`) at
//! `istio.io/deactivated: never-match`, so that exactly one injector answers each pod.
//!
//! [`generate`] builds a tag's objects offline from the render (the tag webhook and Service are
//! the istiod chart's `revisionTags` objects; the validator is the base chart's default validator
//! with the `default` chart's selector and labels), copying from the revision's own injector what
//! the cluster decided (service, path, reinvocation policy, labels). Deliberately unlike istioctl,
//! the tag webhooks' `caBundle` is never sent: istiod patches it into every webhook labelled with
//! its revision, and owning it would make each tool undo the other. The validator's
//! `failurePolicy` is handed over to istiod as the revision's validator's is
//! ([`super::handover`]).
//!
//! [`overlapping_injectors`] is istioctl's IST0139 check: for every combination of the namespace
//! and pod labels that select injection, at most one webhook may match.
//!
//! Nothing here prints.

use std::collections::{BTreeMap, BTreeSet};

use k8s_openapi::api::admissionregistration::v1::MutatingWebhookConfiguration;
use k8s_openapi::api::core::v1::{Namespace, Pod, Service};
use kube::Api;
use kube::api::{ListParams, Patch, PatchParams};
use serde::Serialize;
use serde_json::{Value, json};

use super::discovery::Catalog;
use super::{FIELD_MANAGER, RequestFailed};
use crate::manifest::{self, Manifest};
use crate::merge::SetFlag;
use crate::pipeline::{self, Inputs, PipelineError};
use crate::render::ComponentName;

/// Label: the revision tag a webhook or Service stands for.
pub const TAG_LABEL: &str = "istio.io/tag";
/// The tag that also answers `istio-injection=enabled` and validates cluster-wide.
pub const DEFAULT_TAG: &str = "default";
/// The selector that makes a webhook match nothing (istioctl's `util.NeverMatch`).
pub const DEACTIVATED_LABEL: &str = "istio.io/deactivated";
pub const NEVER_MATCH: &str = "never-match";
/// The cluster-wide validator of the default tag.
pub const DEFAULT_VALIDATOR: &str = "istiod-default-validator";

#[derive(Debug, thiserror::Error)]
pub enum TagError {
    #[error(transparent)]
    Request(Box<RequestFailed>),
    #[error(transparent)]
    Apply(Box<super::apply::ApplyError>),
    #[error("cannot render the objects of revision tag `{tag}`")]
    Render {
        tag: String,
        #[source]
        source: Box<PipelineError>,
    },
    #[error(
        "revision `{revision}` is not installed: no MutatingWebhookConfiguration labelled \
         `istio.io/rev={revision}` (without `istio.io/tag`){known}",
        known = if known.is_empty() { String::new() } else { format!("; installed revisions: {}", known.join(", ")) }
    )]
    NoSuchRevision {
        revision: String,
        known: Vec<String>,
    },
    #[error(
        "revision `{revision}` has {count} injectors ({names}); a tag must point at exactly one",
        names = names.join(", ")
    )]
    AmbiguousRevision {
        revision: String,
        count: usize,
        names: Vec<String>,
    },
    #[error("revision tag `{tag}` already exists (pointing at revision `{revision}`)")]
    TagExists { tag: String, revision: String },
    #[error("`{tag}` is the name of an installed revision; a tag cannot share it")]
    TagIsRevision { tag: String },
    #[error("revision tag `{tag}` does not exist{known}",
        known = if known.is_empty() { String::new() } else { format!("; existing tags: {}", known.join(", ")) })]
    NoSuchTag { tag: String, known: Vec<String> },
    #[error("revision tag `{tag}` is still used by {}", used_by.join(", "))]
    TagInUse { tag: String, used_by: Vec<String> },
    #[error("`{name}` is not a valid name for a tag or revision: {reason}")]
    InvalidName { name: String, reason: &'static str },
}

impl From<RequestFailed> for TagError {
    fn from(error: RequestFailed) -> Self {
        Self::Request(Box::new(error))
    }
}

impl TagError {
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Request(error) => error.hint(),
            Self::Apply(error) => error.hint(),
            Self::NoSuchRevision { .. } => Some(
                "install it first (`meshctl install -r REV`), or list what exists with `meshctl tag list`"
                    .into(),
            ),
            Self::TagExists { .. } => {
                Some("pass `--overwrite` to point the tag at the new revision".into())
            }
            Self::TagInUse { tag, .. } => Some(format!(
                "move those namespaces to another tag or revision first (`kubectl label namespace NS \
                 istio.io/rev=OTHER --overwrite`), or pass `--force` to remove `{tag}` anyway: \
                 their new pods are then not injected"
            )),
            _ => None,
        }
    }
}

/// Checks a tag name: a DNS-1123 label, as it becomes part of object names and a label value.
pub fn check_tag_name(name: &str) -> Result<(), TagError> {
    let invalid = |reason| {
        Err(TagError::InvalidName {
            name: name.to_string(),
            reason,
        })
    };
    if name.is_empty() {
        return invalid("it is empty");
    }
    if name.len() > 63 {
        return invalid("longer than 63 characters");
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return invalid("only lowercase letters, digits and `-` are allowed");
    }
    if name.starts_with('-') || name.ends_with('-') {
        return invalid("it must start and end with a letter or digit");
    }
    Ok(())
}

/// The injection webhooks and revision Services the cluster has: what revisions and tags exist.
#[derive(Debug, Clone, Default)]
pub struct Landscape {
    /// Every `MutatingWebhookConfiguration`, as JSON (with `kind` filled in).
    pub webhooks: Vec<Value>,
    /// Services labelled `istio.io/tag` in the Istio namespace.
    pub tag_services: Vec<Value>,
}

fn label<'a>(object: &'a Value, key: &str) -> Option<&'a str> {
    object["metadata"]["labels"][key].as_str()
}

fn name_of(object: &Value) -> &str {
    object["metadata"]["name"].as_str().unwrap_or_default()
}

impl Landscape {
    /// Lists the webhooks (cluster-wide) and the tag Services of `istio_namespace`.
    pub async fn read(catalog: &Catalog, istio_namespace: &str) -> Result<Self, RequestFailed> {
        let client = catalog.client().clone();
        let webhooks: Api<MutatingWebhookConfiguration> = Api::all(client.clone());
        let list = webhooks.list(&ListParams::default()).await.map_err(|e| {
            RequestFailed::new(
                "list",
                "MutatingWebhookConfiguration objects",
                catalog.request_error(
                    e,
                    "list",
                    "mutatingwebhookconfigurations.admissionregistration.k8s.io",
                    None,
                ),
            )
        })?;
        let webhooks = list
            .items
            .into_iter()
            .filter_map(|w| serde_json::to_value(w).ok())
            .map(|mut w| {
                w["apiVersion"] = json!("admissionregistration.k8s.io/v1");
                w["kind"] = json!("MutatingWebhookConfiguration");
                w
            })
            .collect();
        let services: Api<Service> = Api::namespaced(client, istio_namespace);
        let tag_services = match services
            .list(&ListParams::default().labels(TAG_LABEL))
            .await
        {
            Ok(list) => list
                .items
                .into_iter()
                .filter_map(|s| serde_json::to_value(s).ok())
                .map(|mut s| {
                    s["apiVersion"] = json!("v1");
                    s["kind"] = json!("Service");
                    s
                })
                .collect(),
            Err(e) if super::is_not_found(&e) => Vec::new(),
            Err(e) => {
                return Err(RequestFailed::new(
                    "list",
                    format!("Service objects in namespace `{istio_namespace}`"),
                    catalog.request_error(e, "list", "services", Some(istio_namespace)),
                ));
            }
        };
        Ok(Self {
            webhooks,
            tag_services,
        })
    }

    /// Whether a default tag exists (istioctl's `PreviousInstallExists`).
    #[must_use]
    pub fn default_tag_exists(&self) -> bool {
        self.webhooks.iter().any(|w| {
            label(w, "app") == Some("sidecar-injector") && label(w, TAG_LABEL) == Some(DEFAULT_TAG)
        })
    }

    /// The revisions' own injectors (labelled `istio.io/rev`, not `istio.io/tag`).
    pub fn revision_injectors(&self) -> impl Iterator<Item = &Value> {
        self.webhooks.iter().filter(|w| {
            label(w, manifest::REVISION_LABEL).is_some() && label(w, TAG_LABEL).is_none()
        })
    }

    /// The installed revisions, sorted.
    #[must_use]
    pub fn revisions(&self) -> Vec<String> {
        let set: BTreeSet<String> = self
            .revision_injectors()
            .filter_map(|w| label(w, manifest::REVISION_LABEL).map(str::to_string))
            .collect();
        set.into_iter().collect()
    }

    /// The installed revisions with the Istio version each runs, as its injector's
    /// `operator.istio.io/version` label says (istioctl's and meshctl's installs set it).
    #[must_use]
    pub fn installed(&self) -> Vec<crate::cluster::upgrade::Installed> {
        let mut found: BTreeMap<String, Option<String>> = BTreeMap::new();
        for webhook in self.revision_injectors() {
            if let Some(revision) = label(webhook, manifest::REVISION_LABEL) {
                let version = label(webhook, manifest::VERSION_LABEL).map(str::to_string);
                let entry = found.entry(revision.to_string()).or_default();
                if entry.is_none() {
                    *entry = version;
                }
            }
        }
        found
            .into_iter()
            .map(|(revision, version)| crate::cluster::upgrade::Installed { revision, version })
            .collect()
    }

    /// Tag → revision it points at, from the tag webhooks (and tag Services without a webhook).
    #[must_use]
    pub fn tags(&self) -> BTreeMap<String, String> {
        let mut tags = BTreeMap::new();
        for object in self.tag_services.iter().chain(self.webhooks.iter()) {
            if let (Some(tag), Some(revision)) = (
                label(object, TAG_LABEL),
                label(object, manifest::REVISION_LABEL),
            ) {
                tags.insert(tag.to_string(), revision.to_string());
            }
        }
        tags
    }

    /// The one injector of `revision`, from which a tag copies its service and labels.
    pub fn canonical_injector(&self, revision: &str) -> Result<&Value, TagError> {
        let found: Vec<&Value> = self
            .revision_injectors()
            .filter(|w| label(w, manifest::REVISION_LABEL) == Some(revision))
            .collect();
        match found.as_slice() {
            [one] => Ok(one),
            [] => Err(TagError::NoSuchRevision {
                revision: revision.to_string(),
                known: self.revisions(),
            }),
            many => Err(TagError::AmbiguousRevision {
                revision: revision.to_string(),
                count: many.len(),
                names: many.iter().map(|w| name_of(w).to_string()).collect(),
            }),
        }
    }
}

/// What to build a tag from.
#[derive(Debug, Clone)]
pub struct TagRequest<'a> {
    pub tag: &'a str,
    /// The revision it points at (`default` for the unrevisioned control plane).
    pub revision: &'a str,
    /// That revision's own injector (live, or as this install renders it).
    pub canonical: &'a Value,
    pub istio_namespace: &'a str,
    /// `sidecarInjectorWebhook.enableNamespacesByDefault`.
    pub auto_inject_namespaces: bool,
    /// Set by `meshctl tag`: no operator ownership labels, so that installs and uninstalls of a
    /// revision leave the tag alone (istioctl's `UserManaged`).
    pub user_managed: bool,
    /// Labels laid over everything (an install's ownership labels).
    pub extra_labels: BTreeMap<String, String>,
}

/// The objects of one revision tag: its `MutatingWebhookConfiguration` and Service, and for the
/// `default` tag also `istiod-default-validator`. Offline: everything comes from the request.
pub fn generate(request: &TagRequest<'_>) -> Result<Vec<Manifest>, TagError> {
    let canonical = request.canonical;
    let injection = canonical["webhooks"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|w| {
            w["name"]
                .as_str()
                .is_some_and(|n| n.ends_with("sidecar-injector.istio.io"))
        });
    let url = injection
        .and_then(|w| w["clientConfig"]["url"].as_str())
        .unwrap_or_default();
    let reinvocation = injection
        .and_then(|w| w["reinvocationPolicy"].as_str())
        .unwrap_or_default();
    let service = injection.map(|w| w["clientConfig"]["service"].clone());

    let mut flags = vec![
        "profile=empty".to_string(),
        "components.pilot.enabled=true".to_string(),
        format!("values.revisionTags[0]={}", request.tag),
        format!("values.global.istioNamespace={}", request.istio_namespace),
        format!(
            "values.sidecarInjectorWebhook.enableNamespacesByDefault={}",
            request.auto_inject_namespaces
        ),
    ];
    if request.revision != DEFAULT_TAG {
        flags.push(format!("revision={}", request.revision));
    }
    if !url.is_empty() {
        flags.push(format!("values.istiodRemote.injectionURL={url}"));
    }
    if !reinvocation.is_empty() {
        flags.push(format!(
            "values.sidecarInjectorWebhook.reinvocationPolicy={reinvocation}"
        ));
    }
    let render_error = |source| TagError::Render {
        tag: request.tag.to_string(),
        source: Box::new(source),
    };
    let mut rendered = render_flags(&flags).map_err(render_error)?;

    // The labels the revision's injector carries (what the installer put there), less `app`.
    let canonical_labels: BTreeMap<String, String> = canonical["metadata"]["labels"]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(k, _)| k.as_str() != "app")
        .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())))
        .collect();

    let mut out = Vec::new();
    if let Some(index) = rendered.iter().position(|m| {
        m.kind() == "MutatingWebhookConfiguration" && m.name().starts_with("istio-revision-tag-")
    }) {
        let mut webhook = rendered.swap_remove(index).into_object();
        if let Some(list) = webhook["webhooks"].as_array_mut() {
            for entry in list {
                if let Some(config) = entry["clientConfig"].as_object_mut() {
                    config.remove("caBundle");
                }
                if let Some(service) = service.as_ref().filter(|s| s.is_object())
                    && entry["clientConfig"]["service"].is_object()
                {
                    entry["clientConfig"]["service"]["name"] = service["name"].clone();
                    if !service["path"].is_null() {
                        entry["clientConfig"]["service"]["path"] = service["path"].clone();
                    }
                }
            }
        }
        if let Some(annotations) = canonical["metadata"]["annotations"].as_object() {
            let target = &mut webhook["metadata"]["annotations"];
            if !target.is_object() {
                *target = json!({});
            }
            for (k, v) in annotations {
                target[k] = v.clone();
            }
        }
        relabel(&mut webhook, &canonical_labels, request);
        out.push(Manifest::new(ComponentName::Pilot, webhook));
    }
    if let Some(index) = rendered
        .iter()
        .position(|m| m.kind() == "Service" && m.label(TAG_LABEL) == Some(request.tag))
    {
        let mut service = rendered.swap_remove(index).into_object();
        relabel(&mut service, &BTreeMap::new(), request);
        out.push(Manifest::new(ComponentName::Pilot, service));
    }
    if request.tag == DEFAULT_TAG {
        let mut validator = default_validator(request, url).map_err(render_error)?;
        relabel(&mut validator, &canonical_labels, request);
        out.push(Manifest::new(ComponentName::Pilot, validator));
    }
    manifest::sort(&mut out);
    Ok(out)
}

fn render_flags(flags: &[String]) -> Result<Vec<Manifest>, PipelineError> {
    let inputs = Inputs {
        set_flags: flags
            .iter()
            .map(|f| SetFlag::parse(f))
            .collect::<Result<_, _>>()
            .map_err(|e| PipelineError::Merge(e.into()))?,
        ..Inputs::default()
    };
    pipeline::render(&pipeline::merge(&inputs)?)
}

/// The `default` chart's validator: the base chart's default validator for the revision, which
/// only validates resources without a revision label (labelled ones are the revision's own
/// validator's), labelled as the tag's.
fn default_validator(
    request: &TagRequest<'_>,
    injection_url: &str,
) -> Result<Value, PipelineError> {
    let mut flags = vec![
        "profile=empty".to_string(),
        "components.base.enabled=true".to_string(),
        format!("values.defaultRevision={}", request.revision),
        format!("values.global.istioNamespace={}", request.istio_namespace),
    ];
    if !injection_url.is_empty() {
        // istioctl derives the validation URL from the injection URL's host.
        let validation = match injection_url.find("://") {
            Some(scheme) => {
                let rest = &injection_url[scheme + 3..];
                let host_end = rest
                    .find('/')
                    .map_or(injection_url.len(), |i| scheme + 3 + i);
                format!("{}/validate", &injection_url[..host_end])
            }
            None => injection_url.to_string(),
        };
        flags.push(format!("values.base.validationURL={validation}"));
    }
    let rendered = render_flags(&flags)?;
    let mut validator = rendered
        .into_iter()
        .find(|m| m.kind() == "ValidatingWebhookConfiguration" && m.name() == DEFAULT_VALIDATOR)
        .map_or_else(|| json!({}), Manifest::into_object);
    if let Some(labels) = validator["metadata"]["labels"].as_object_mut() {
        labels.remove("release");
        labels.insert(TAG_LABEL.into(), json!(DEFAULT_TAG));
        labels.insert(manifest::COMPONENT_LABEL.into(), json!("Pilot"));
    }
    if let Some(list) = validator["webhooks"].as_array_mut() {
        for entry in list {
            entry["objectSelector"] = json!({"matchExpressions": [
                {"key": manifest::REVISION_LABEL, "operator": "DoesNotExist"}
            ]});
        }
    }
    Ok(validator)
}

/// Rendered labels, then the revision injector's, then the request's; a user-managed tag drops
/// the operator's ownership labels.
fn relabel(object: &mut Value, canonical: &BTreeMap<String, String>, request: &TagRequest<'_>) {
    let labels = &mut object["metadata"]["labels"];
    if !labels.is_object() {
        *labels = json!({});
    }
    let Some(map) = labels.as_object_mut() else {
        return;
    };
    for (k, v) in canonical.iter().chain(request.extra_labels.iter()) {
        map.insert(k.clone(), json!(v));
    }
    map.insert(TAG_LABEL.into(), json!(request.tag));
    map.insert(manifest::REVISION_LABEL.into(), json!(request.revision));
    if request.user_managed {
        map.retain(|k, _| !k.contains("operator.istio.io"));
    }
}

/// Points every webhook of an injector at `istio.io/deactivated: never-match`.
pub fn deactivate(webhook: &mut Value) {
    if let Some(list) = webhook["webhooks"].as_array_mut() {
        for entry in list {
            entry["namespaceSelector"] = never_match();
            entry["objectSelector"] = never_match();
        }
    }
}

fn never_match() -> Value {
    json!({"matchLabels": {DEACTIVATED_LABEL: NEVER_MATCH}})
}

/// Whether an injector is the default revision's own (not a tag's).
#[must_use]
pub fn is_default_revision_injector(webhook: &Value) -> bool {
    label(webhook, manifest::REVISION_LABEL) == Some(DEFAULT_TAG)
        && label(webhook, TAG_LABEL).is_none()
        && webhook["kind"] == "MutatingWebhookConfiguration"
}

/// Whether every webhook of an injector is deactivated.
#[must_use]
pub fn is_deactivated(webhook: &Value) -> bool {
    webhook["webhooks"].as_array().is_some_and(|list| {
        list.iter().all(|w| {
            w["namespaceSelector"] == never_match() && w["objectSelector"] == never_match()
        })
    })
}

/// Sets every webhook of a live injector to never match (JSON patch, as istioctl updates it).
pub async fn deactivate_live(catalog: &Catalog, webhook: &Value) -> Result<(), RequestFailed> {
    let name = name_of(webhook);
    let count = webhook["webhooks"].as_array().map_or(0, Vec::len);
    let mut operations = Vec::new();
    for index in 0..count {
        for field in ["namespaceSelector", "objectSelector"] {
            operations.push(json!({"op": "add", "path": format!("/webhooks/{index}/{field}"), "value": never_match()}));
        }
    }
    let patch: json_patch::Patch =
        serde_json::from_value(Value::Array(operations)).unwrap_or_default();
    let api: Api<MutatingWebhookConfiguration> = Api::all(catalog.client().clone());
    api.patch(
        name,
        &PatchParams {
            field_manager: Some(FIELD_MANAGER.into()),
            ..PatchParams::default()
        },
        &Patch::<()>::Json(patch),
    )
    .await
    .map(|_| ())
    .map_err(|e| {
        RequestFailed::new(
            "deactivate",
            format!("MutatingWebhookConfiguration `{name}`"),
            catalog.request_error(
                e,
                "patch",
                "mutatingwebhookconfigurations.admissionregistration.k8s.io",
                None,
            ),
        )
    })
}

/// Two or more injection webhooks that would inject the same pod.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overlap {
    /// `configuration/webhook` names, sorted.
    pub webhooks: Vec<String>,
    /// The namespace and pod labels both match, e.g. `namespace {istio-injection=enabled}, pod {}`.
    pub example: String,
}

impl std::fmt::Display for Overlap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} all match {}", self.webhooks.join(", "), self.example)
    }
}

/// istioctl's IST0139: every combination of namespace labels (none, `istio-injection`
/// enabled/disabled, each with and without `istio.io/rev=<each revision>`) and pod labels
/// (none, `sidecar.istio.io/inject` true/false, each with and without the revision label) must
/// match at most one Istio injection webhook. Returns one [`Overlap`] per distinct set of
/// webhooks, in a stable order.
#[must_use]
pub fn overlapping_injectors(configurations: &[Value]) -> Vec<Overlap> {
    let istio: Vec<&Value> = configurations
        .iter()
        .filter(|c| {
            label(c, manifest::REVISION_LABEL).is_some()
                || c["webhooks"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|w| w["name"].as_str().is_some_and(|n| n.ends_with("istio.io")))
        })
        .collect();
    let mut revisions = BTreeSet::new();
    for configuration in &istio {
        if let Some(revision) = label(configuration, manifest::REVISION_LABEL) {
            revisions.insert(revision.to_string());
        }
        for webhook in configuration["webhooks"].as_array().into_iter().flatten() {
            for selector in [&webhook["namespaceSelector"], &webhook["objectSelector"]] {
                if let Some(value) = selector["matchLabels"][manifest::REVISION_LABEL].as_str() {
                    revisions.insert(value.to_string());
                }
                for expression in selector["matchExpressions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    if expression["key"] == manifest::REVISION_LABEL {
                        for value in expression["values"].as_array().into_iter().flatten() {
                            if let Some(value) = value.as_str() {
                                revisions.insert(value.to_string());
                            }
                        }
                    }
                }
            }
        }
    }
    let combinations = |key: &str, values: [&str; 2]| {
        let mut sets: Vec<BTreeMap<String, String>> = vec![BTreeMap::new()];
        for value in values {
            sets.push(BTreeMap::from([(key.to_string(), value.to_string())]));
        }
        let base = sets.clone();
        for revision in &revisions {
            for set in &base {
                let mut with = set.clone();
                with.insert(manifest::REVISION_LABEL.into(), revision.clone());
                sets.push(with);
            }
        }
        sets
    };
    let namespaces = combinations("istio-injection", ["enabled", "disabled"]);
    let pods = combinations("sidecar.istio.io/inject", ["true", "false"]);
    let mut seen = BTreeSet::new();
    let mut overlaps = Vec::new();
    for namespace in &namespaces {
        for pod in &pods {
            let mut matching = BTreeSet::new();
            for configuration in &istio {
                for webhook in configuration["webhooks"].as_array().into_iter().flatten() {
                    if selector_matches(&webhook["namespaceSelector"], namespace)
                        && selector_matches(&webhook["objectSelector"], pod)
                    {
                        matching.insert(format!(
                            "{}/{}",
                            name_of(configuration),
                            webhook["name"].as_str().unwrap_or_default()
                        ));
                    }
                }
            }
            if matching.len() > 1 && seen.insert(matching.clone()) {
                overlaps.push(Overlap {
                    webhooks: matching.into_iter().collect(),
                    example: format!("namespace {}, pod {}", show(namespace), show(pod)),
                });
            }
        }
    }
    overlaps
}

fn show(labels: &BTreeMap<String, String>) -> String {
    let inner: Vec<String> = labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("{{{}}}", inner.join(","))
}

/// Kubernetes label-selector semantics; a missing selector matches everything.
#[must_use]
pub fn selector_matches(selector: &Value, labels: &BTreeMap<String, String>) -> bool {
    if selector.is_null() {
        return true;
    }
    let match_labels_ok = selector["matchLabels"]
        .as_object()
        .into_iter()
        .flatten()
        .all(|(k, v)| labels.get(k).map(String::as_str) == v.as_str());
    let expressions_ok = selector["matchExpressions"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|expression| {
            let key = expression["key"].as_str().unwrap_or_default();
            let values: Vec<&str> = expression["values"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let value = labels.get(key).map(String::as_str);
            match expression["operator"].as_str().unwrap_or_default() {
                "In" => value.is_some_and(|v| values.contains(&v)),
                "NotIn" => value.is_none_or(|v| !values.contains(&v)),
                "Exists" => value.is_some(),
                "DoesNotExist" => value.is_none(),
                _ => false,
            }
        });
    match_labels_ok && expressions_ok
}

/// What an install adds to its rendered set for revision tags, decided against the cluster.
#[derive(Debug, Clone, Default)]
pub struct InstallTags {
    /// Whether this install creates (or keeps current) the default tag.
    pub default_tag: bool,
    /// Live injectors of the default revision, not in this render, to deactivate after applying.
    pub deactivate_live: Vec<Value>,
    /// Injectors that would overlap once this install is applied; an install refuses them
    /// without `--force`.
    pub overlaps: Vec<Overlap>,
    /// Why the cluster's injectors could not be read (this user may not list them): no tag is
    /// added and nothing checked.
    pub unchecked: Option<String>,
    /// Where a revision runs a newer Istio than this install renders: the CRDs are shared by
    /// every revision, so they are left at that release's (`revision (version)`) and this
    /// install's older CRDs are taken out of the set.
    pub kept_crds: Option<String>,
}

/// istioctl's install-time webhook handling, as objects: when the install is the default revision,
/// or no default tag exists yet (and `values.global.operatorManageWebhooks` is off), the default
/// tag's objects pointing at this install's revision are added to `manifests`, and the default
/// revision's own injector in it is deactivated. Then the injectors the cluster would have
/// afterwards are checked for overlaps.
pub async fn complete_install(
    catalog: &Catalog,
    merged: &Value,
    manifests: &mut Vec<Manifest>,
) -> Result<InstallTags, TagError> {
    let istio_namespace = merged["metadata"]["namespace"]
        .as_str()
        .filter(|n| !n.is_empty())
        .unwrap_or("istio-system")
        .to_string();
    let landscape = match Landscape::read(catalog, &istio_namespace).await {
        Ok(landscape) => landscape,
        Err(error) if error.source.is_forbidden() => {
            return Ok(InstallTags {
                unchecked: Some(anyhow_free_chain(&error)),
                ..InstallTags::default()
            });
        }
        Err(error) => return Err(error.into()),
    };
    plan_install(&landscape, merged, manifests, &istio_namespace)
}

/// `error: cause: cause`, as the CLI prints a chain.
fn anyhow_free_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut next = error.source();
    while let Some(cause) = next {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        next = cause.source();
    }
    text
}

/// [`complete_install`] against a landscape already read (offline; unit-tested).
pub fn plan_install(
    landscape: &Landscape,
    merged: &Value,
    manifests: &mut Vec<Manifest>,
    istio_namespace: &str,
) -> Result<InstallTags, TagError> {
    let values = &merged["spec"]["values"];
    let revision = values["revision"]
        .as_str()
        .filter(|r| !r.is_empty())
        .unwrap_or(DEFAULT_TAG)
        .to_string();
    let operator_manages = values["global"]["operatorManageWebhooks"] == json!(true);
    let is_default = revision == DEFAULT_TAG;
    let needed = !operator_manages && (!landscape.default_tag_exists() || is_default);
    let mut result = InstallTags::default();

    let rendered_injector = manifests.iter().find(|m| {
        m.kind() == "MutatingWebhookConfiguration"
            && m.label(TAG_LABEL).is_none()
            && m.label(manifest::REVISION_LABEL) == Some(revision.as_str())
    });
    let canonical = match rendered_injector {
        Some(m) => Some(m.object().clone()),
        None => landscape.canonical_injector(&revision).ok().cloned(),
    };
    if needed && let Some(canonical) = canonical {
        let ownership = crate::cluster::Ownership::of_render(manifests);
        let mut extra = BTreeMap::new();
        for key in [
            manifest::MANAGED_LABEL,
            manifest::VERSION_LABEL,
            manifest::OWNING_RESOURCE_LABEL,
            manifest::OWNING_RESOURCE_NAMESPACE_LABEL,
        ] {
            if let Some(value) = rendered_injector
                .and_then(|m| m.label(key))
                .or_else(|| label(&canonical, key))
            {
                extra.insert(key.to_string(), value.to_string());
            }
        }
        if let Some(revision) = ownership.revision {
            extra.insert(manifest::REVISION_LABEL.into(), revision);
        }
        extra.insert(manifest::NOT_PRUNED_LABEL.into(), "true".into());
        let request = TagRequest {
            tag: DEFAULT_TAG,
            revision: &revision,
            canonical: &canonical,
            istio_namespace,
            auto_inject_namespaces: values["sidecarInjectorWebhook"]["enableNamespacesByDefault"]
                == json!(true),
            user_managed: false,
            extra_labels: extra,
        };
        let tag_objects = generate(&request)?;
        let names: BTreeSet<(String, String)> = tag_objects
            .iter()
            .map(|m| (m.kind().to_string(), m.name().to_string()))
            .collect();
        manifests.retain(|m| !names.contains(&(m.kind().to_string(), m.name().to_string())));
        manifests.extend(tag_objects);
        manifest::sort(manifests);
        result.default_tag = true;
        for m in manifests.iter_mut() {
            if is_default_revision_injector(m.object()) {
                deactivate(m.object_mut());
            }
        }
        result.deactivate_live = landscape
            .webhooks
            .iter()
            .filter(|w| is_default_revision_injector(w) && !is_deactivated(w))
            .filter(|w| {
                !manifests
                    .iter()
                    .any(|m| m.kind() == "MutatingWebhookConfiguration" && m.name() == name_of(w))
            })
            .cloned()
            .collect();
    }

    // The injectors after this install: live ones, replaced by what it applies.
    let ours: BTreeSet<String> = manifests
        .iter()
        .filter(|m| m.kind() == "MutatingWebhookConfiguration")
        .map(|m| m.name().to_string())
        .collect();
    let mut after: Vec<Value> = landscape
        .webhooks
        .iter()
        .filter(|w| !ours.contains(name_of(w)))
        .cloned()
        .map(|mut w| {
            if result
                .deactivate_live
                .iter()
                .any(|d| name_of(d) == name_of(&w))
            {
                deactivate(&mut w);
            }
            w
        })
        .collect();
    after.extend(
        manifests
            .iter()
            .filter(|m| m.kind() == "MutatingWebhookConfiguration")
            .map(|m| m.object().clone()),
    );
    result.overlaps = overlapping_injectors(&after)
        .into_iter()
        .filter(|o| {
            o.webhooks
                .iter()
                .any(|w| w.split('/').next().is_some_and(|c| ours.contains(c)))
        })
        .collect();
    // Istio's CRDs are shared by all revisions: an older revision beside a newer one never
    // downgrades them.
    if let Ok(resolved) = crate::release::resolve(merged)
        && let Some(newer) = crate::cluster::upgrade::newer_elsewhere(
            &landscape.installed(),
            &revision,
            resolved.release,
        )
    {
        manifests.retain(|m| m.kind() != "CustomResourceDefinition");
        result.kept_crds = Some(format!(
            "revision `{}` runs Istio {}",
            newer.revision,
            newer.version.as_deref().unwrap_or_default()
        ));
    }
    Ok(result)
}

/// What `meshctl tag set` writes: the tag's objects, the injectors it deactivates (for the
/// `default` tag, the default revision's own), and the overlaps its webhook would cause.
#[derive(Debug, Clone)]
pub struct TagPlan {
    pub objects: Vec<Manifest>,
    pub deactivate: Vec<Value>,
    pub overlaps: Vec<Overlap>,
}

/// Plans `tag set TAG --revision REV` (and `tag generate`, which writes nothing) against the
/// cluster's injectors, with istioctl's checks: the revision must exist with exactly one injector,
/// a tag may not take the name of a revision, and an existing tag moves only with `overwrite`.
pub fn plan_set(
    landscape: &Landscape,
    tag: &str,
    revision: &str,
    overwrite: bool,
    auto_inject_namespaces: bool,
    istio_namespace: &str,
) -> Result<TagPlan, TagError> {
    check_tag_name(tag)?;
    if tag != DEFAULT_TAG && !overwrite && landscape.revisions().iter().any(|r| r == tag) {
        return Err(TagError::TagIsRevision { tag: tag.into() });
    }
    let canonical = landscape.canonical_injector(revision)?;
    if !overwrite && let Some(current) = landscape.tags().get(tag) {
        return Err(TagError::TagExists {
            tag: tag.into(),
            revision: current.clone(),
        });
    }
    let objects = generate(&TagRequest {
        tag,
        revision,
        canonical,
        istio_namespace,
        auto_inject_namespaces,
        user_managed: true,
        extra_labels: BTreeMap::new(),
    })?;
    let deactivate: Vec<Value> = if tag == DEFAULT_TAG {
        landscape
            .webhooks
            .iter()
            .filter(|w| is_default_revision_injector(w) && !is_deactivated(w))
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    let ours: BTreeSet<&str> = objects
        .iter()
        .filter(|m| m.kind() == "MutatingWebhookConfiguration")
        .map(Manifest::name)
        .collect();
    let mut after: Vec<Value> = landscape
        .webhooks
        .iter()
        .filter(|w| !ours.contains(name_of(w)))
        .cloned()
        .map(|mut w| {
            if deactivate.iter().any(|d| name_of(d) == name_of(&w)) {
                super::tags::deactivate(&mut w);
            }
            w
        })
        .collect();
    after.extend(
        objects
            .iter()
            .filter(|m| m.kind() == "MutatingWebhookConfiguration")
            .map(|m| m.object().clone()),
    );
    let overlaps = overlapping_injectors(&after)
        .into_iter()
        .filter(|o| {
            o.webhooks
                .iter()
                .any(|w| w.split('/').next().is_some_and(|c| ours.contains(c)))
        })
        .collect();
    Ok(TagPlan {
        objects,
        deactivate,
        overlaps,
    })
}

/// One row of `meshctl tag list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagDescription {
    pub tag: String,
    pub revision: String,
    pub namespaces: Vec<String>,
}

/// Deletes a tag's webhooks and Services (`meshctl tag remove`); returns what was deleted.
pub async fn delete_tag(catalog: &Catalog, tag: &str) -> Result<Vec<super::ObjectKey>, TagError> {
    let mut keys = tag_objects(catalog, Some(tag)).await?;
    super::prune::sort_for_deletion(&mut keys);
    super::prune::delete(catalog, &keys, None, &super::NoProgress)
        .await
        .map_err(|e| match e {
            super::prune::PruneError::Request(r) => TagError::from(r),
            other @ super::prune::PruneError::NotGone { .. } => {
                TagError::Apply(Box::new(super::apply::ApplyError::Prune(other)))
            }
        })?;
    Ok(keys)
}

/// What still uses a revision: namespaces labelled `istio.io/rev=REV`, or labelled with a tag
/// that points at REV (for the `default` tag, also `istio-injection=enabled`), and pods REV
/// injected. Each entry says why.
pub async fn users_of_revision(
    catalog: &Catalog,
    landscape: &Landscape,
    revision: &str,
) -> Result<Vec<String>, RequestFailed> {
    let mut users = Vec::new();
    for namespace in namespaces_labelled(catalog, revision).await? {
        users.push(format!("namespace `{namespace}` (istio.io/rev={revision})"));
    }
    for (tag, target) in landscape.tags() {
        if target != revision || tag == revision {
            continue;
        }
        for namespace in namespaces_labelled(catalog, &tag).await? {
            users.push(format!(
                "namespace `{namespace}` (istio.io/rev={tag}, a tag for {revision})"
            ));
        }
        if tag == DEFAULT_TAG {
            for namespace in namespaces_selected(catalog, "istio-injection=enabled").await? {
                users.push(format!(
                    "namespace `{namespace}` (istio-injection=enabled, through the default tag)"
                ));
            }
        }
    }
    for pod in pods_injected_by(catalog, revision).await? {
        users.push(format!("pod `{pod}` (its proxy is {revision}'s)"));
    }
    Ok(users)
}

/// Namespaces labelled `istio.io/rev=<value>`, sorted.
pub async fn namespaces_labelled(
    catalog: &Catalog,
    value: &str,
) -> Result<Vec<String>, RequestFailed> {
    namespaces_selected(catalog, &format!("{}={value}", manifest::REVISION_LABEL)).await
}

/// Namespaces matching a label selector, sorted.
async fn namespaces_selected(
    catalog: &Catalog,
    selector: &str,
) -> Result<Vec<String>, RequestFailed> {
    let api: Api<Namespace> = Api::all(catalog.client().clone());
    let list = api
        .list(&ListParams::default().labels(selector))
        .await
        .map_err(|e| {
            RequestFailed::new(
                "list",
                "Namespace objects",
                catalog.request_error(e, "list", "namespaces", None),
            )
        })?;
    let mut names: Vec<String> = list
        .items
        .into_iter()
        .filter_map(|n| n.metadata.name)
        .collect();
    names.sort();
    Ok(names)
}

/// Pods whose proxy `revision` injected (annotated `istio.io/rev=<revision>` and
/// `sidecar.istio.io/status` by the injector), as `namespace/name`. The revision's own istiod
/// and gateways are not injected, and go with it.
pub async fn pods_injected_by(
    catalog: &Catalog,
    revision: &str,
) -> Result<Vec<String>, RequestFailed> {
    let api: Api<Pod> = Api::all(catalog.client().clone());
    let list = api.list(&ListParams::default()).await.map_err(|e| {
        RequestFailed::new(
            "list",
            "Pod objects",
            catalog.request_error(e, "list", "pods", None),
        )
    })?;
    let mut names: Vec<String> = list
        .items
        .into_iter()
        .filter(|p| {
            p.metadata.annotations.as_ref().is_some_and(|a| {
                a.contains_key("sidecar.istio.io/status")
                    && a.get(manifest::REVISION_LABEL).map(String::as_str) == Some(revision)
            })
        })
        .map(|p| {
            format!(
                "{}/{}",
                p.metadata.namespace.unwrap_or_default(),
                p.metadata.name.unwrap_or_default()
            )
        })
        .collect();
    names.sort();
    Ok(names)
}

/// Every object of every revision tag, whoever made it: mutating and validating webhook
/// configurations and Services labelled `istio.io/tag` (`uninstall --purge`).
/// With `tag`, only that tag's.
pub async fn tag_objects(
    catalog: &Catalog,
    tag: Option<&str>,
) -> Result<Vec<super::ObjectKey>, RequestFailed> {
    use k8s_openapi::api::admissionregistration::v1::ValidatingWebhookConfiguration;
    let selector = match tag {
        Some(tag) => format!("{TAG_LABEL}={tag}"),
        None => TAG_LABEL.to_string(),
    };
    let params = ListParams::default().labels(&selector);
    let client = catalog.client().clone();
    let failed = |what: &str, resource: &str, e| {
        RequestFailed::new(
            "list",
            format!("{what} objects"),
            catalog.request_error(e, "list", resource, None),
        )
    };
    let mut keys = Vec::new();
    let group = "admissionregistration.k8s.io";
    for webhook in Api::<MutatingWebhookConfiguration>::all(client.clone())
        .list(&params)
        .await
        .map_err(|e| {
            failed(
                "MutatingWebhookConfiguration",
                "mutatingwebhookconfigurations.admissionregistration.k8s.io",
                e,
            )
        })?
    {
        keys.push(super::ObjectKey {
            group: group.into(),
            kind: "MutatingWebhookConfiguration".into(),
            namespace: None,
            name: webhook.metadata.name.unwrap_or_default(),
        });
    }
    for webhook in Api::<ValidatingWebhookConfiguration>::all(client.clone())
        .list(&params)
        .await
        .map_err(|e| {
            failed(
                "ValidatingWebhookConfiguration",
                "validatingwebhookconfigurations.admissionregistration.k8s.io",
                e,
            )
        })?
    {
        keys.push(super::ObjectKey {
            group: group.into(),
            kind: "ValidatingWebhookConfiguration".into(),
            namespace: None,
            name: webhook.metadata.name.unwrap_or_default(),
        });
    }
    for service in Api::<Service>::all(client)
        .list(&params)
        .await
        .map_err(|e| failed("Service", "services", e))?
    {
        keys.push(super::ObjectKey {
            group: String::new(),
            kind: "Service".into(),
            namespace: service.metadata.namespace,
            name: service.metadata.name.unwrap_or_default(),
        });
    }
    Ok(keys)
}

/// Applies a tag's objects with server-side apply (`meshctl tag set`).
pub async fn apply_tag(catalog: &Catalog, objects: &[Manifest]) -> Result<(), TagError> {
    for object in objects {
        super::apply::apply_object(catalog, object.object(), false)
            .await
            .map_err(|e| TagError::Apply(Box::new(e)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
