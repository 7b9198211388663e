//! The revision-based update strategy (`meshctl.io/update-strategy: RevisionBased`): each Istio
//! release a resource asks for is installed as a revision of its own, named after the release
//! (`1-31-0`, or `canary-1-31-0` with `spec.revision: canary`), beside the ones before it. Once the
//! new revision is ready, the resource's tag (`default`, or `meshctl.io/revision-tag`) is moved to
//! it; an older revision of the resource is removed once nothing uses it (no namespace label, no
//! tag, no injected pod) and a grace period (`meshctl.io/revision-grace-period`) has passed —
//! never while anything uses it. Rolling back is changing the tag of the resource back.
//!
//! The choice lives in annotations, so that istioctl still reads the file as it is.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use k8s_openapi::jiff::Timestamp;
use kube::ResourceExt;
use kube::api::DynamicObject;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::cluster::discovery::Catalog;
use crate::cluster::tags::{self, Landscape, TagError};
use crate::cluster::{NoProgress, ObjectKey, Ownership, prune};
use crate::manifest;

/// `InPlace` (the default) or `RevisionBased`.
pub const STRATEGY_ANNOTATION: &str = "meshctl.io/update-strategy";
/// The tag moved to each new revision (default `default`).
pub const TAG_ANNOTATION: &str = "meshctl.io/revision-tag";
/// How long an older revision stays once nothing uses it (default 5m): `30s`, `5m`, `1h`.
pub const GRACE_ANNOTATION: &str = "meshctl.io/revision-grace-period";

const DEFAULT_GRACE: Duration = Duration::from_secs(300);
/// While an older revision is still in use, how often to look again: the pods that keep it
/// are restarted by their owners, which no watch of the operator sees.
pub const RECHECK_IN_USE: Duration = Duration::from_secs(30);
/// At most this many users are listed per revision in the status.
const USERS_SHOWN: usize = 5;

/// The revision-based strategy's settings, read from the resource's annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionBased {
    pub tag: String,
    pub grace: Duration,
}

/// The strategy a resource asks for: `None` for in place. An unreadable annotation is an
/// invalid spec, named.
pub fn strategy_of(resource: &DynamicObject) -> Result<Option<RevisionBased>, String> {
    let annotations = resource.annotations();
    match annotations.get(STRATEGY_ANNOTATION).map(|s| s.trim()) {
        None | Some("" | "InPlace") => {
            for key in [TAG_ANNOTATION, GRACE_ANNOTATION] {
                if annotations.contains_key(key) {
                    return Err(format!(
                        "`metadata.annotations.{key}` applies only with `{STRATEGY_ANNOTATION}: RevisionBased`"
                    ));
                }
            }
            Ok(None)
        }
        Some("RevisionBased") => {
            let tag = annotations
                .get(TAG_ANNOTATION)
                .map_or(tags::DEFAULT_TAG, |t| t.trim())
                .to_string();
            tags::check_tag_name(&tag)
                .map_err(|e| format!("`metadata.annotations.{TAG_ANNOTATION}`: {e}"))?;
            let grace = match annotations.get(GRACE_ANNOTATION) {
                None => DEFAULT_GRACE,
                Some(text) => parse_duration(text).ok_or_else(|| {
                    format!(
                        "`metadata.annotations.{GRACE_ANNOTATION}`: `{text}` is not a duration \
                         (write it as `30s`, `5m` or `1h`)"
                    )
                })?,
            };
            Ok(Some(RevisionBased { tag, grace }))
        }
        Some(other) => Err(format!(
            "`metadata.annotations.{STRATEGY_ANNOTATION}`: `{other}` is not a strategy \
             (`InPlace` or `RevisionBased`)"
        )),
    }
}

/// `30s`, `5m`, `1h`, `90` (seconds), or a sum of them (`1m30s`); at most a week.
fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok().map(Duration::from_secs);
    }
    let mut total: u64 = 0;
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            _ => return None,
        };
        let value: u64 = number.parse().ok()?;
        number.clear();
        total = total.checked_add(value.checked_mul(unit)?)?;
    }
    (number.is_empty() && total <= 7 * 24 * 3600).then(|| Duration::from_secs(total))
}

/// The revision a resource's release installs as: the image tag's version when it names one
/// (`1.31.0`, `1.30.3-distroless`), else the release's own; dots become dashes, after
/// `spec.revision` when one is set (`canary-1-31-0`).
#[must_use]
pub fn revision_name(spec: &Value, release: &crate::release::Release) -> String {
    let tag = [spec.pointer("/values/global/tag"), spec.pointer("/tag")]
        .into_iter()
        .flatten()
        .find_map(Value::as_str);
    let version = tag
        .and_then(crate::release::parse_version)
        .and_then(|(major, minor, patch)| {
            patch
                .filter(|_| release.minor == format!("{major}.{minor}"))
                .map(|p| (major, minor, p))
        })
        .or_else(|| {
            crate::release::parse_version(&release.version)
                .map(|(major, minor, patch)| (major, minor, patch.unwrap_or(0)))
        })
        .map_or_else(
            || release.version.replace('.', "-"),
            |(major, minor, patch)| format!("{major}-{minor}-{patch}"),
        );
    match spec["revision"].as_str().map(str::trim) {
        Some(prefix) if !prefix.is_empty() && prefix != tags::DEFAULT_TAG => {
            format!("{prefix}-{version}")
        }
        _ => version,
    }
}

/// The resource with `spec.revision` set to the revision its release installs as.
#[must_use]
pub fn with_revision(resource: &DynamicObject, revision: &str) -> DynamicObject {
    let mut resource = resource.clone();
    if !resource.data["spec"].is_object() {
        resource.data["spec"] = serde_json::json!({});
    }
    resource.data["spec"]["revision"] = Value::String(revision.to_string());
    resource
}

/// One revision of a resource, as the status lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RevisionStatus {
    pub name: String,
    /// The Istio version it runs (its injector's `operator.istio.io/version`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// The tags that point at it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Whether anything uses it: a tag, a namespace label, an injected pod.
    pub in_use: bool,
    /// What uses it, the first few.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub used_by: Vec<String>,
    /// Since when nothing has used it (an older revision waiting out its grace period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unused_since: Option<String>,
}

/// Something the housekeeping did, for an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub reason: &'static str,
    pub message: String,
}

/// What one round of housekeeping found and did.
#[derive(Debug, Default)]
pub struct Housekeeping {
    pub revisions: Vec<RevisionStatus>,
    pub steps: Vec<Step>,
    /// When to look again (an older revision in use, or waiting out its grace period).
    pub recheck: Option<Duration>,
}

/// Whose revisions these are: the resource's name and namespace, as its objects' labels say.
#[derive(Debug, Clone)]
pub struct Owner<'a> {
    pub name: &'a str,
    pub namespace: &'a str,
    /// Where the control plane is installed (the tag's Services live there).
    pub istio_namespace: &'a str,
}

/// The housekeeping errors: a request, or a tag that could not be moved.
#[derive(Debug, thiserror::Error)]
pub enum HousekeepingError {
    #[error("moving the revision tag")]
    Tag(#[from] TagError),
    #[error("reading what uses a revision")]
    Request(#[from] crate::cluster::RequestFailed),
    #[error("removing an unused revision")]
    Prune(#[from] prune::PruneError),
}

/// Moves the tag to `current` (ready: the caller applied and waited for it), then looks at the
/// resource's older revisions and removes those that nothing has used for the grace period.
pub async fn housekeep(
    catalog: &Catalog,
    owner: &Owner<'_>,
    current: &str,
    strategy: &RevisionBased,
    previous: &[RevisionStatus],
    shared: &BTreeSet<ObjectKey>,
    now: Timestamp,
) -> Result<Housekeeping, HousekeepingError> {
    let mut result = Housekeeping::default();
    let mut landscape = Landscape::read(catalog, owner.istio_namespace).await?;
    let before = landscape.tags().get(&strategy.tag).cloned();
    if before.as_deref() != Some(current) {
        let mut plan = tags::plan_set(
            &landscape,
            &strategy.tag,
            current,
            true,
            false,
            owner.istio_namespace,
        )?;
        // The tag is the resource's: deleting the resource deletes it; a prune never does.
        for object in &mut plan.objects {
            object.set_label(manifest::MANAGED_LABEL, "Reconcile");
            object.set_label(manifest::OWNING_RESOURCE_LABEL, owner.name);
            object.set_label(manifest::OWNING_RESOURCE_NAMESPACE_LABEL, owner.namespace);
            object.set_label(manifest::NOT_PRUNED_LABEL, "true");
        }
        for webhook in &plan.deactivate {
            tags::deactivate_live(catalog, webhook)
                .await
                .map_err(TagError::from)?;
        }
        tags::apply_tag(catalog, &plan.objects).await?;
        result.steps.push(Step {
            reason: "TagMoved",
            message: match &before {
                Some(from) => format!(
                    "revision tag `{}` moved from revision `{from}` to `{current}`",
                    strategy.tag
                ),
                None => format!(
                    "revision tag `{}` points at revision `{current}`",
                    strategy.tag
                ),
            },
        });
        landscape = Landscape::read(catalog, owner.istio_namespace).await?;
    }

    let versions: BTreeMap<String, String> = landscape
        .installed()
        .into_iter()
        .map(|i| (i.revision, i.version.unwrap_or_default()))
        .collect();
    let tags_of = |revision: &str| -> Vec<String> {
        landscape
            .tags()
            .into_iter()
            .filter(|(tag, target)| target == revision && tag != revision)
            .map(|(tag, _)| tag)
            .collect()
    };
    result.revisions.push(RevisionStatus {
        name: current.to_string(),
        version: versions.get(current).cloned().unwrap_or_default(),
        tags: tags_of(current),
        in_use: true,
        used_by: Vec::new(),
        unused_since: None,
    });

    for old in owned_revisions(&landscape, owner)
        .into_iter()
        .filter(|r| r != current)
    {
        let users = tags::users_of_revision(catalog, &landscape, &old).await?;
        let tags = tags_of(&old);
        let mut used_by: Vec<String> = tags
            .iter()
            .map(|t| format!("revision tag `{t}`"))
            .chain(users)
            .collect();
        let count = used_by.len();
        if count > USERS_SHOWN {
            used_by.truncate(USERS_SHOWN);
            used_by.push(format!("and {} more", count - USERS_SHOWN));
        }
        let mut status = RevisionStatus {
            name: old.clone(),
            version: versions.get(&old).cloned().unwrap_or_default(),
            tags,
            in_use: count > 0,
            used_by,
            unused_since: None,
        };
        if status.in_use {
            result.recheck = Some(min(result.recheck, RECHECK_IN_USE));
            result.revisions.push(status);
            continue;
        }
        let since = previous
            .iter()
            .find(|p| p.name == old)
            .and_then(|p| p.unused_since.as_deref())
            .and_then(|s| s.parse::<Timestamp>().ok())
            .unwrap_or(now);
        let waited = Duration::try_from(now.duration_since(since)).unwrap_or_default();
        if waited < strategy.grace {
            status.unused_since = Some(since.to_string());
            result.recheck = Some(min(result.recheck, strategy.grace.saturating_sub(waited)));
            result.revisions.push(status);
            continue;
        }
        let removed = remove_revision(catalog, owner, &old, shared).await?;
        result.steps.push(Step {
            reason: "RevisionRemoved",
            message: format!(
                "removed revision `{old}`{}: unused for {}s (grace period {}s); {removed} objects deleted",
                if status.version.is_empty() {
                    String::new()
                } else {
                    format!(" (Istio {})", status.version)
                },
                waited.as_secs(),
                strategy.grace.as_secs()
            ),
        });
    }
    Ok(result)
}

fn min(current: Option<Duration>, candidate: Duration) -> Duration {
    current.map_or(candidate, |c| c.min(candidate))
}

/// The revisions whose injectors this resource installed.
fn owned_revisions(landscape: &Landscape, owner: &Owner<'_>) -> BTreeSet<String> {
    landscape
        .revision_injectors()
        .filter(|w| {
            let labels = &w["metadata"]["labels"];
            labels[manifest::OWNING_RESOURCE_LABEL].as_str() == Some(owner.name)
                && labels[manifest::OWNING_RESOURCE_NAMESPACE_LABEL].as_str()
                    == Some(owner.namespace)
        })
        .filter_map(|w| w["metadata"]["labels"][manifest::REVISION_LABEL].as_str())
        .map(str::to_string)
        .collect()
}

/// Deletes what the resource installed for `revision` (never CRDs; never the tags, which are
/// labelled not to be pruned; never what the current revision renders too, such as the
/// reader's `ServiceAccount`); returns how many objects.
async fn remove_revision(
    catalog: &Catalog,
    owner: &Owner<'_>,
    revision: &str,
    shared: &BTreeSet<ObjectKey>,
) -> Result<usize, prune::PruneError> {
    let ownership = Ownership {
        revision: Some(revision.to_string()),
        owning_resource: Some(owner.name.to_string()),
        include_opted_out: false,
    };
    let namespaces = BTreeSet::from([
        owner.istio_namespace.to_string(),
        owner.namespace.to_string(),
    ]);
    let listed = prune::list_owned(
        catalog,
        &prune::kinds_to_scan(false),
        &ownership,
        &namespaces,
    )
    .await?;
    let mut keys: Vec<ObjectKey> = listed
        .objects
        .iter()
        .filter(|o| {
            o["metadata"]["labels"][manifest::OWNING_RESOURCE_NAMESPACE_LABEL].as_str()
                == Some(owner.namespace)
        })
        .map(ObjectKey::of)
        .filter(|key| !shared.contains(key))
        .collect();
    prune::sort_for_deletion(&mut keys);
    prune::delete(catalog, &keys, None, &NoProgress).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn resource(annotations: &[(&str, &str)]) -> DynamicObject {
        let mut object: DynamicObject = serde_json::from_value(json!({
            "apiVersion": "install.istio.io/v1alpha1",
            "kind": "IstioOperator",
            "metadata": {"name": "mesh", "namespace": "istio-system"},
            "spec": {},
        }))
        .expect("resource");
        object.metadata.annotations = Some(
            annotations
                .iter()
                .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
                .collect(),
        );
        object
    }

    #[test]
    fn in_place_is_the_default_and_the_other_annotations_need_the_strategy() {
        assert_eq!(strategy_of(&resource(&[])), Ok(None));
        assert_eq!(
            strategy_of(&resource(&[(STRATEGY_ANNOTATION, "InPlace")])),
            Ok(None)
        );
        let error = strategy_of(&resource(&[(GRACE_ANNOTATION, "1m")])).expect_err("refused");
        assert!(
            error.contains(GRACE_ANNOTATION) && error.contains("RevisionBased"),
            "{error}"
        );
    }

    #[test]
    fn revision_based_reads_its_tag_and_grace_period() {
        assert_eq!(
            strategy_of(&resource(&[(STRATEGY_ANNOTATION, "RevisionBased")])),
            Ok(Some(RevisionBased {
                tag: "default".into(),
                grace: Duration::from_secs(300)
            }))
        );
        assert_eq!(
            strategy_of(&resource(&[
                (STRATEGY_ANNOTATION, "RevisionBased"),
                (TAG_ANNOTATION, "prod-stable"),
                (GRACE_ANNOTATION, "1m30s"),
            ])),
            Ok(Some(RevisionBased {
                tag: "prod-stable".into(),
                grace: Duration::from_secs(90)
            }))
        );
    }

    #[test]
    fn bad_strategy_annotations_are_named() {
        for (annotations, names) in [
            (vec![(STRATEGY_ANNOTATION, "Canary")], STRATEGY_ANNOTATION),
            (
                vec![
                    (STRATEGY_ANNOTATION, "RevisionBased"),
                    (GRACE_ANNOTATION, "soon"),
                ],
                GRACE_ANNOTATION,
            ),
            (
                vec![
                    (STRATEGY_ANNOTATION, "RevisionBased"),
                    (TAG_ANNOTATION, "Not A Tag"),
                ],
                TAG_ANNOTATION,
            ),
        ] {
            let error = strategy_of(&resource(&annotations)).expect_err("refused");
            assert!(error.contains(names), "{error}");
        }
    }

    #[test]
    fn durations_read_as_go_writes_the_short_ones() {
        assert_eq!(parse_duration("45"), Some(Duration::from_secs(45)));
        assert_eq!(parse_duration("0s"), Some(Duration::ZERO));
        assert_eq!(parse_duration("2h"), Some(Duration::from_secs(7200)));
        for bad in ["", "m", "5d", "1.5m", "-1s", "5m3", "999999999h"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn revisions_are_named_after_the_release_and_keep_a_prefix() {
        let r131 = crate::release::find("1.31").expect("1.31");
        let r130 = crate::release::find("1.30").expect("1.30");
        assert_eq!(
            revision_name(&json!({}), r131),
            r131.version.replace('.', "-")
        );
        assert_eq!(revision_name(&json!({"tag": "1.30.3"}), r130), "1-30-3");
        assert_eq!(
            revision_name(
                &json!({"tag": "1.30.1-distroless", "revision": "canary"}),
                r130
            ),
            "canary-1-30-1"
        );
        // values.global.tag wins, as in the charts; a tag that is no version takes the release's.
        assert_eq!(
            revision_name(
                &json!({"tag": "1.30.3", "values": {"global": {"tag": "1.30.2"}}}),
                r130
            ),
            "1-30-2"
        );
        assert_eq!(
            revision_name(&json!({"tag": "my-build-7", "revision": "default"}), r130),
            r130.version.replace('.', "-")
        );
    }

    #[test]
    fn only_the_resources_own_injectors_count_as_its_revisions() {
        let injector = |name: &str, rev: &str, owner: &str| {
            json!({"metadata": {"name": name, "labels": {
                manifest::REVISION_LABEL: rev,
                manifest::OWNING_RESOURCE_LABEL: owner,
                manifest::OWNING_RESOURCE_NAMESPACE_LABEL: "istio-system",
            }}})
        };
        let landscape = Landscape {
            webhooks: vec![
                injector("istio-sidecar-injector-1-30-3", "1-30-3", "mesh"),
                injector("istio-sidecar-injector-1-31-0", "1-31-0", "mesh"),
                injector("istio-sidecar-injector-other", "other", "someone-else"),
            ],
            tag_services: Vec::new(),
        };
        let owner = Owner {
            name: "mesh",
            namespace: "istio-system",
            istio_namespace: "istio-system",
        };
        assert_eq!(
            owned_revisions(&landscape, &owner),
            BTreeSet::from(["1-30-3".to_string(), "1-31-0".to_string()])
        );
    }
}
