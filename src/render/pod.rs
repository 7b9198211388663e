//! Pod pieces several charts build the same way: environment variables, mounts, the Istio token
//! and CA root certificate volumes, resource requirements and image pull secrets.
//!
//! Each function builds the typed k8s-openapi value exactly as the charts print it, so that a
//! change in how Istio mounts its token or root certificate is made once. Nothing here reads
//! chart values by path: callers pass what their chart reads.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{
    ClusterTrustBundleProjection, ConfigMapVolumeSource, EmptyDirVolumeSource, EnvVar,
    EnvVarSource, HostPathVolumeSource, LocalObjectReference, ObjectFieldSelector,
    ProjectedVolumeSource, ResourceFieldSelector, ResourceRequirements,
    ServiceAccountTokenProjection, Volume, VolumeMount, VolumeProjection,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use serde_json::Value;

use super::helm::{self, truthy};

/// `name: value`.
#[must_use]
pub fn env(name: &str, value: impl Into<String>) -> EnvVar {
    EnvVar {
        name: name.into(),
        value: Some(value.into()),
        value_from: None,
    }
}

/// `name` from a field of the pod (`metadata.name`, `spec.nodeName`, …); `api_version` only where
/// the chart writes one.
#[must_use]
pub fn field_env(name: &str, path: &str, api_version: Option<&str>) -> EnvVar {
    EnvVar {
        name: name.into(),
        value: None,
        value_from: Some(EnvVarSource {
            field_ref: Some(ObjectFieldSelector {
                api_version: api_version.map(String::from),
                field_path: path.into(),
            }),
            ..EnvVarSource::default()
        }),
    }
}

/// `name` from the container's resources (`limits.cpu`), in whole units.
#[must_use]
pub fn resource_env(name: &str, resource: &str) -> EnvVar {
    EnvVar {
        name: name.into(),
        value: None,
        value_from: Some(EnvVarSource {
            resource_field_ref: Some(ResourceFieldSelector {
                resource: resource.into(),
                divisor: Some(Quantity("1".into())),
                container_name: None,
            }),
            ..EnvVarSource::default()
        }),
    }
}

/// A volume mount; `readOnly` is written only when true, as the charts do.
#[must_use]
pub fn mount(name: &str, path: &str, read_only: bool) -> VolumeMount {
    VolumeMount {
        name: name.into(),
        mount_path: path.into(),
        read_only: read_only.then_some(true),
        ..VolumeMount::default()
    }
}

/// `emptyDir: {}`.
#[must_use]
pub fn empty_dir(name: &str) -> Volume {
    Volume {
        name: name.into(),
        empty_dir: Some(EmptyDirVolumeSource::default()),
        ..Volume::default()
    }
}

/// A host directory; `kind` is the `hostPath.type` where the chart sets one.
#[must_use]
pub fn host_path(name: &str, path: &str, kind: Option<&str>) -> Volume {
    Volume {
        name: name.into(),
        host_path: Some(HostPathVolumeSource {
            path: path.into(),
            type_: kind.map(String::from),
        }),
        ..Volume::default()
    }
}

/// `istio-token`: the projected service account token the proxy presents to istiod's CA, valid
/// for 12 hours, for `audience` (`global.sds.token.aud`, `istio-ca` by default).
#[must_use]
pub fn token_volume(audience: &str) -> Volume {
    Volume {
        name: "istio-token".into(),
        projected: Some(ProjectedVolumeSource {
            sources: Some(vec![VolumeProjection {
                service_account_token: Some(ServiceAccountTokenProjection {
                    path: "istio-token".into(),
                    expiration_seconds: Some(43200),
                    audience: Some(audience.into()),
                    ..ServiceAccountTokenProjection::default()
                }),
                ..VolumeProjection::default()
            }]),
            ..ProjectedVolumeSource::default()
        }),
        ..Volume::default()
    }
}

/// The mesh's root certificate, as the charts mount it.
#[derive(Debug, Clone, Copy)]
pub struct CaRoot<'a> {
    /// The volume's name (`istiod-ca-cert`; istiod's own is `istio-csr-ca-configmap`).
    pub name: &'a str,
    /// `trustBundleName`; empty for the default (`istio-ca-root-cert`, or `root-cert` as a
    /// cluster trust bundle).
    pub trust_bundle: &'a str,
    /// `ENABLE_CLUSTER_TRUST_BUNDLE_API: true`: read it from a `ClusterTrustBundle` instead of
    /// the `ConfigMap` istiod writes into every namespace.
    pub cluster_trust_bundle: bool,
    /// istiod's own mount: optional (istiod starts before its root exists), mode 0644.
    pub optional: bool,
}

/// The root certificate volume: a `ConfigMap` or a cluster trust bundle projection.
#[must_use]
pub fn ca_root_volume(root: CaRoot<'_>) -> Volume {
    let bundle = |default: &str| {
        if root.trust_bundle.is_empty() {
            default.to_string()
        } else {
            root.trust_bundle.to_string()
        }
    };
    let optional = root.optional.then_some(true);
    if root.cluster_trust_bundle {
        Volume {
            name: root.name.into(),
            projected: Some(ProjectedVolumeSource {
                sources: Some(vec![VolumeProjection {
                    cluster_trust_bundle: Some(ClusterTrustBundleProjection {
                        name: Some(format!("istio.io:istiod-ca:{}", bundle("root-cert"))),
                        path: "root-cert.pem".into(),
                        optional,
                        ..ClusterTrustBundleProjection::default()
                    }),
                    ..VolumeProjection::default()
                }]),
                ..ProjectedVolumeSource::default()
            }),
            ..Volume::default()
        }
    } else {
        Volume {
            name: root.name.into(),
            config_map: Some(ConfigMapVolumeSource {
                name: bundle("istio-ca-root-cert"),
                default_mode: root.optional.then_some(420),
                optional,
                ..ConfigMapVolumeSource::default()
            }),
            ..Volume::default()
        }
    }
}

/// The charts compare `ENABLE_CLUSTER_TRUST_BUNDLE_API` with a boolean `true`: the string
/// `"true"` does not count.
#[must_use]
pub fn is_true(value: Option<&Value>) -> bool {
    value == Some(&Value::Bool(true))
}

/// `imagePullSecrets` from a list of names (`- name: {{ . }}`); `None` when there are none.
#[must_use]
pub fn pull_secrets(value: Option<&Value>) -> Option<Vec<LocalObjectReference>> {
    let list = value?.as_array().filter(|l| !l.is_empty())?;
    Some(
        list.iter()
            .map(|name| LocalObjectReference {
                name: helm::go_text(name),
            })
            .collect(),
    )
}

/// The charts' `resources` helper: `limits` then `requests`, each kept only with its set
/// entries; `None` when nothing is left.
#[must_use]
pub fn resource_requirements(value: &Value) -> Option<ResourceRequirements> {
    let pick = |key: &str| {
        let entries: BTreeMap<String, Quantity> = value
            .get(key)?
            .as_object()?
            .iter()
            .filter(|(_, amount)| truthy(amount))
            .map(|(name, amount)| (name.clone(), Quantity(helm::go_text(amount))))
            .collect();
        (!entries.is_empty()).then_some(entries)
    };
    let limits = pick("limits");
    let requests = pick("requests");
    (limits.is_some() || requests.is_some()).then(|| ResourceRequirements {
        limits,
        requests,
        ..ResourceRequirements::default()
    })
}

/// The charts print resource amounts unquoted, so istioctl reads `1` or `0.5` back as a number;
/// do the same to the first container's amounts in a rendered workload.
pub fn reread_resource_amounts(object: &mut Value) {
    let resources = &mut object["spec"]["template"]["spec"]["containers"][0]["resources"];
    for key in ["limits", "requests"] {
        if let Some(Value::Object(amounts)) = resources.get_mut(key) {
            for amount in amounts.values_mut() {
                if let Some(number) = amount.as_str().and_then(numeric_amount) {
                    *amount = number;
                }
            }
        }
    }
}

/// An amount that a YAML re-read turns into a number (digits, sign, decimal point only).
fn numeric_amount(text: &str) -> Option<Value> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    if let Ok(integer) = text.parse::<i64>() {
        return Some(serde_json::json!(integer));
    }
    let float: f64 = text.parse().ok()?;
    serde_json::Number::from_f64(float).map(Value::Number)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn ca_root_volume_in_every_form() {
        let config_map = serde_json::to_value(ca_root_volume(CaRoot {
            name: "istiod-ca-cert",
            trust_bundle: "",
            cluster_trust_bundle: false,
            optional: false,
        }))
        .expect("serialises");
        assert_eq!(
            config_map,
            json!({"name": "istiod-ca-cert", "configMap": {"name": "istio-ca-root-cert"}})
        );
        let istiod = serde_json::to_value(ca_root_volume(CaRoot {
            name: "istio-csr-ca-configmap",
            trust_bundle: "my-root",
            cluster_trust_bundle: true,
            optional: true,
        }))
        .expect("serialises");
        assert_eq!(
            istiod["projected"]["sources"][0]["clusterTrustBundle"],
            json!({"name": "istio.io:istiod-ca:my-root", "path": "root-cert.pem", "optional": true})
        );
    }

    #[test]
    fn resources_keep_set_entries_only() {
        let requirements = resource_requirements(&json!({
            "limits": {"cpu": "", "memory": "1Gi"},
            "requests": {"cpu": 0}
        }))
        .expect("some left");
        assert_eq!(requirements.limits.expect("limits").len(), 1);
        assert!(requirements.requests.is_none());
        assert!(resource_requirements(&json!({"limits": {}})).is_none());
    }

    #[test]
    fn unquoted_amounts_become_numbers() {
        let mut object = json!({"spec": {"template": {"spec": {"containers": [
            {"resources": {"limits": {"cpu": "2", "memory": "1Gi"}, "requests": {"cpu": "0.5"}}}
        ]}}}});
        reread_resource_amounts(&mut object);
        let resources = &object["spec"]["template"]["spec"]["containers"][0]["resources"];
        assert_eq!(resources["limits"], json!({"cpu": 2, "memory": "1Gi"}));
        assert_eq!(resources["requests"]["cpu"], json!(0.5));
    }
}
