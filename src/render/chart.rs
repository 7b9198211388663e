//! Conventions every Istio chart shares: the Helm release name, the `istio.labels` labels, the
//! owner's name, and turning a typed object into the tree the rest of the pipeline works on.
//!
//! Also the few objects more than one chart renders the same way (the node agents' resource
//! quota), so that no component file has to import from a sibling.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{
    ResourceQuota, ResourceQuotaSpec, ScopeSelector, ScopedResourceSelectorRequirement,
};
use k8s_openapi::api::networking::v1::{NetworkPolicyIngressRule, NetworkPolicyPort};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde_json::{Map, Value};

use super::ChartContext;
use super::error::ChartError;
use super::helm::{self, truthy};
use crate::release::{Feature, Release};

/// istioctl renders every chart as the Helm release `istio`.
pub const RELEASE: &str = "istio";

/// The labels the charts' `istio.labels` helper puts on everything, minus Helm's own bookkeeping
/// (`managed-by`, `helm.sh/chart`), with the real Istio version of the release rendered.
#[must_use]
pub fn istio_labels(release: &Release) -> BTreeMap<String, String> {
    BTreeMap::from([
        (
            "app.kubernetes.io/instance".to_string(),
            RELEASE.to_string(),
        ),
        ("app.kubernetes.io/part-of".into(), "istio".into()),
        ("app.kubernetes.io/version".into(), release.version.clone()),
    ])
}

/// [`istio_labels`] plus `app.kubernetes.io/name`.
#[must_use]
pub fn app_labels(release: &Release, name: &str) -> BTreeMap<String, String> {
    let mut labels = istio_labels(release);
    labels.insert("app.kubernetes.io/name".into(), name.into());
    labels
}

/// A label map from pairs.
#[must_use]
pub fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(key, value)| ((*key).to_string(), (*value).to_string()))
        .collect()
}

/// `ownerName | default "unknown"`: istioctl leaves `ownerName` unset, so the charts write
/// `unknown` into `install.operator.istio.io/owning-resource`.
#[must_use]
pub fn owner_name(values: &ChartContext) -> String {
    match values.str("ownerName") {
        owner if owner.is_empty() => "unknown".into(),
        owner => owner,
    }
}

/// The first truthy value of `paths` as a template prints it (`a | default b`), `""` if none is.
#[must_use]
pub fn first_set(values: &ChartContext, paths: &[&str]) -> String {
    paths
        .iter()
        .filter_map(|path| values.get(path).filter(|value| truthy(value)))
        .map(helm::go_text)
        .next()
        .unwrap_or_default()
}

/// A typed object as the JSON tree the pipeline works on.
pub fn to_json<T: serde::Serialize + k8s_openapi::Resource>(
    object: &T,
) -> Result<Value, ChartError> {
    serde_json::to_value(object).map_err(|source| ChartError::Serialise {
        kind: T::KIND,
        source,
    })
}

/// Sets `value` at `path` in a tree, creating maps on the way (a chart value printed into the
/// object as the user wrote it).
pub fn set_at(tree: &mut Value, path: &[&str], value: Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut cursor = tree;
    for key in parents {
        if !cursor.is_object() {
            *cursor = Value::Object(Map::new());
        }
        let Value::Object(map) = cursor else { return };
        cursor = map
            .entry((*key).to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if let Value::Object(map) = cursor {
        map.insert((*last).to_string(), value);
    }
}

/// Walks to a node by keys (numeric segments index lists).
pub fn at_mut<'v>(value: &'v mut Value, path: &[&str]) -> Option<&'v mut Value> {
    let mut current = value;
    for segment in path {
        current = match current {
            Value::Array(list) => list.get_mut(segment.parse::<usize>().ok()?)?,
            Value::Object(map) => map.get_mut(*segment)?,
            _ => return None,
        };
    }
    Some(current)
}

/// A `NetworkPolicy` ingress rule admitting `ports` from anywhere, as the release's charts write
/// it (before 1.30 with an explicit empty `from: []`, which means the same).
#[must_use]
pub fn ingress_rule(release: &Release, ports: Vec<NetworkPolicyPort>) -> NetworkPolicyIngressRule {
    NetworkPolicyIngressRule {
        ports: Some(ports),
        from: (!release.has(Feature::NetworkPolicyRulesWithoutFrom)).then(Vec::new),
    }
}

/// A resource quota reserving `pods` pods of the node-critical priority class (CNI and ztunnel).
#[must_use]
pub fn node_critical_quota(
    name: &str,
    namespace: &str,
    labels: BTreeMap<String, String>,
    pods: &str,
) -> ResourceQuota {
    ResourceQuota {
        metadata: ObjectMeta {
            name: Some(name.into()),
            namespace: Some(namespace.into()),
            labels: Some(labels),
            ..ObjectMeta::default()
        },
        spec: Some(ResourceQuotaSpec {
            hard: Some(BTreeMap::from([(
                "pods".to_string(),
                Quantity(pods.into()),
            )])),
            scope_selector: Some(ScopeSelector {
                match_expressions: Some(vec![ScopedResourceSelectorRequirement {
                    operator: "In".into(),
                    scope_name: "PriorityClass".into(),
                    values: Some(vec!["system-node-critical".into()]),
                }]),
            }),
            ..ResourceQuotaSpec::default()
        }),
        ..ResourceQuota::default()
    }
}
