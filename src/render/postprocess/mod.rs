//! `k8s` settings and `k8s.overlays`: applied to a component's rendered objects the way istioctl's
//! post-processing applies them after Helm.
//!
//! Each `k8s` field is wrapped into a strategic-merge patch ([`strategic`]) aimed at one object:
//! the component's main workload (its name, or the gateway's name, with `-<revision>` for a
//! revisioned istiod), or the Service, HPA or PDB of the same name. Then every overlay edits the
//! objects matching its kind and name with path patches ([`overlay`]). Objects nothing targets are
//! left untouched.
//!
//! Deliberate difference: istioctl accepts `k8s.volumes` and `k8s.volumeMounts` but silently drops
//! them. We apply them, as the API promises: volumes merge by `name` into the pod spec, mounts by
//! `mountPath` into the main container.

mod overlay;
mod strategic;

pub use overlay::{OverlayError, PathFailure, PathProblem};
pub use strategic::{ListProblem, PatchError};

use serde_json::{Value, json};

use super::{ChartContext, RenderError};
use crate::manifest::Manifest;

/// Which object of the component a `k8s` field patches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The main `Deployment` or `DaemonSet`.
    Workload,
    Service,
    Autoscaler,
    DisruptionBudget,
}

impl Target {
    fn kind(self, workload_kind: &str) -> &str {
        match self {
            Self::Workload => workload_kind,
            Self::Service => "Service",
            Self::Autoscaler => "HorizontalPodAutoscaler",
            Self::DisruptionBudget => "PodDisruptionBudget",
        }
    }
}

/// The `k8s` fields in the order we apply them (istioctl's order is a Go map's, i.e. random; the
/// fields touch disjoint parts of their objects, so the order does not change the result).
const FIELDS: [&str; 18] = [
    "affinity",
    "env",
    "hpaSpec",
    "imagePullPolicy",
    "nodeSelector",
    "podDisruptionBudget",
    "podAnnotations",
    "priorityClassName",
    "readinessProbe",
    "replicaCount",
    "resources",
    "strategy",
    "tolerations",
    "serviceAnnotations",
    "service",
    "securityContext",
    "volumes",
    "volumeMounts",
];

/// The patch a `k8s` field becomes, and the object it is aimed at.
fn wrap(field: &str, value: &Value, container: &str) -> Option<(Target, Value)> {
    let pod_spec = |key: &str| json!({"spec": {"template": {"spec": {key: value.clone()}}}});
    let in_container = |key: &str| json!({"spec": {"template": {"spec": {"containers": [{"name": container, key: value.clone()}]}}}});
    Some(match field {
        "affinity" | "nodeSelector" | "priorityClassName" | "tolerations" | "securityContext"
        | "volumes" => (Target::Workload, pod_spec(field)),
        "env" | "imagePullPolicy" | "readinessProbe" | "resources" | "volumeMounts" => {
            (Target::Workload, in_container(field))
        }
        "podAnnotations" => (
            Target::Workload,
            json!({"spec": {"template": {"metadata": {"annotations": value.clone()}}}}),
        ),
        "replicaCount" => (
            Target::Workload,
            json!({"spec": {"replicas": value.clone()}}),
        ),
        "strategy" => (
            Target::Workload,
            json!({"spec": {"strategy": value.clone()}}),
        ),
        "hpaSpec" => (Target::Autoscaler, json!({"spec": value.clone()})),
        "podDisruptionBudget" => (Target::DisruptionBudget, json!({"spec": value.clone()})),
        "service" => (Target::Service, json!({"spec": value.clone()})),
        "serviceAnnotations" => (
            Target::Service,
            json!({"metadata": {"annotations": value.clone()}}),
        ),
        _ => return None,
    })
}

/// Applies the instance's `k8s` settings and overlays to its objects.
pub fn apply_kubernetes_settings(
    context: &ChartContext,
    manifests: &mut [Manifest],
) -> Result<(), RenderError> {
    let instance = &context.instance;
    let Some(kubernetes) = &instance.spec.kubernetes else {
        return Ok(());
    };
    let component = instance.component;
    let mut settings = instance
        .raw
        .get("k8s")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();

    if let Some((workload_kind, default_name, container)) = component.main_resource() {
        let mut name = instance
            .name
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| default_name.to_string());
        if component == super::ComponentName::Pilot {
            let revision = context.revision();
            if !revision.is_empty() && revision != "default" {
                name = format!("{name}-{revision}");
            }
        }
        if component.is_gateway() {
            // Gateway Service ports already came from the values (they also feed the container
            // ports), and a strategic merge of Service ports is unreliable
            // (kubernetes/kubernetes#103544): istioctl blanks them, keeping the rest of `service`.
            let service = settings
                .entry("service")
                .or_insert_with(|| Value::Object(serde_json::Map::new()));
            if !service.is_object() {
                *service = Value::Object(serde_json::Map::new());
            }
            service["ports"] = json!([]);
        }
        for field in FIELDS {
            // A key present with `null` still patches (and so deletes), as in istioctl.
            let Some(value) = settings.get(field) else {
                continue;
            };
            let Some((target, patch)) = wrap(field, value, container) else {
                continue;
            };
            let kind = target.kind(workload_kind);
            for manifest in manifests
                .iter_mut()
                .filter(|m| m.kind() == kind && m.name() == name)
            {
                strategic::strategic_merge(manifest.object_mut(), patch.clone(), kind).map_err(
                    |source| RenderError::Setting {
                        component,
                        field,
                        object: manifest.display_name(),
                        source,
                    },
                )?;
                if target == Target::DisruptionBudget {
                    one_disruption_limit(manifest.object_mut());
                }
            }
        }
    }

    for overlay in kubernetes.overlays.iter().flatten() {
        let kind = overlay.kind.clone().unwrap_or_default();
        let name = overlay.name.clone().unwrap_or_default();
        let patches: Vec<(String, Value)> = overlay
            .patches
            .iter()
            .flatten()
            .map(|p| (p.path.clone().unwrap_or_default(), p.value.clone()))
            .collect();
        // `apiVersion` is not compared, for compatibility with istioctl.
        for manifest in manifests
            .iter_mut()
            .filter(|m| m.kind() == kind && m.name() == name)
        {
            overlay::apply_patches(manifest.object_mut(), &patches).map_err(|source| {
                RenderError::Overlay {
                    component,
                    object: manifest.display_name(),
                    source,
                }
            })?;
        }
    }
    Ok(())
}

/// A PDB may not set both `minAvailable` and `maxUnavailable`; the chart always sets the former,
/// so a user's `maxUnavailable` wins. istioctl leaves the key behind as `null`, and so do we.
fn one_disruption_limit(object: &mut Value) {
    let Some(spec) = object.get_mut("spec").and_then(Value::as_object_mut) else {
        return;
    };
    if spec.contains_key("maxUnavailable") && spec.contains_key("minAvailable") {
        spec.insert("minAvailable".into(), Value::Null);
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::render::{ComponentInstance, ComponentName};

    fn context(component: ComponentName, raw: Value, revision: &str) -> ChartContext {
        let spec = if raw.is_null() {
            crate::api::GatewayComponent::default()
        } else {
            serde_json::from_value(raw.clone()).expect("valid component spec")
        };
        let name = raw
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string)
            .filter(|_| component.is_gateway());
        ChartContext {
            instance: ComponentInstance {
                component,
                name,
                namespace: "istio-system".into(),
                raw,
                spec,
            },
            values: json!({"revision": revision}),
            given: json!({}),
            release: crate::release::newest(),
        }
    }

    fn workload(kind: &str, name: &str, container: &str) -> Manifest {
        Manifest::new(
            ComponentName::Pilot,
            json!({
                "apiVersion": "apps/v1",
                "kind": kind,
                "metadata": {"name": name, "namespace": "istio-system"},
                "spec": {
                    "replicas": 1,
                    "strategy": {"rollingUpdate": {"maxSurge": "100%", "maxUnavailable": "25%"}},
                    "template": {
                        "metadata": {"annotations": {"prometheus.io/scrape": "true"}},
                        "spec": {
                            "containers": [{
                                "name": container,
                                "image": "pilot",
                                "env": [{"name": "REVISION", "value": "default"},
                                        {"name": "POD_NAME", "valueFrom": {"fieldRef": {
                                            "apiVersion": "v1", "fieldPath": "metadata.name"}}},
                                        {"name": "POD_NAMESPACE", "value": "x"}],
                                "readinessProbe": {"httpGet": {"path": "/ready", "port": 8080},
                                                   "initialDelaySeconds": 1, "periodSeconds": 3},
                                "resources": {"requests": {"cpu": "500m", "memory": "2048Mi"}},
                                "volumeMounts": [{"name": "a", "mountPath": "/a"}],
                                "securityContext": {"runAsNonRoot": true}
                            }],
                            "tolerations": [{"key": "cni.istio.io/not-ready", "operator": "Exists"}],
                            "nodeSelector": {"kubernetes.io/os": "linux"},
                            "volumes": [{"name": "a", "emptyDir": {}}, {"name": "b", "secret": {"secretName": "b"}}]
                        }
                    }
                }
            }),
        )
    }

    fn object(kind: &str, name: &str, spec: &Value) -> Manifest {
        Manifest::new(
            ComponentName::Pilot,
            json!({"kind": kind, "metadata": {"name": name}, "spec": spec}),
        )
    }

    fn pilot_objects(name: &str) -> Vec<Manifest> {
        vec![
            workload("Deployment", name, "discovery"),
            object(
                "HorizontalPodAutoscaler",
                name,
                &json!({"maxReplicas": 5, "minReplicas": 1,
                       "metrics": [{"type": "Resource", "resource": {"name": "cpu"}}],
                       "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": name}}),
            ),
            object(
                "PodDisruptionBudget",
                name,
                &json!({"minAvailable": 1, "selector": {"matchLabels": {"app": "istiod"}}}),
            ),
            object(
                "Service",
                name,
                &json!({"ports": [{"name": "grpc-xds", "port": 15010}], "selector": {"app": "istiod"}}),
            ),
            // Same kind, other name: never touched.
            workload("Deployment", "other", "discovery"),
        ]
    }

    fn apply(component: ComponentName, raw: Value, revision: &str, objects: &mut [Manifest]) {
        apply_kubernetes_settings(&context(component, raw, revision), objects)
            .expect("settings apply");
    }

    #[test]
    fn every_workload_field() {
        let mut objects = pilot_objects("istiod");
        let untouched = objects[4].clone();
        apply(
            ComponentName::Pilot,
            json!({"enabled": true, "k8s": {
                "affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {
                    "nodeSelectorTerms": [{"matchExpressions": [{"key": "a", "operator": "Exists"}]}]}}},
                "env": [{"name": "POD_NAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "new.path"}}},
                        {"name": "GODEBUG", "value": "gctrace=111"}],
                "imagePullPolicy": "Always",
                "nodeSelector": {"master": "true"},
                "podAnnotations": {"extra": "yes"},
                "priorityClassName": "high",
                "readinessProbe": {"httpGet": {"path": "/ready", "port": 8080}, "initialDelaySeconds": 555},
                "replicaCount": 3,
                "resources": {"requests": {"memory": "999Mi"}},
                "strategy": {"rollingUpdate": {"maxSurge": 1}},
                "tolerations": [{"key": "example-key", "operator": "Exists", "effect": "NoSchedule"}],
                "securityContext": {"sysctls": [{"name": "net.ipv4.ip_local_port_range", "value": "80 65535"}]},
                "volumes": [{"name": "b", "secret": {"optional": true}}, {"name": "c", "emptyDir": {}}],
                "volumeMounts": [{"name": "c", "mountPath": "/c"}]
            }}),
            "",
            &mut objects,
        );
        let deployment = objects[0].object();
        let spec = &deployment["spec"];
        let pod = &spec["template"]["spec"];
        let container = &pod["containers"][0];
        assert_eq!(
            pod["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"]
                [0]["matchExpressions"][0]["key"],
            "a"
        );
        let env_names: Vec<&str> = container["env"]
            .as_array()
            .expect("env")
            .iter()
            .map(|e| e["name"].as_str().expect("name"))
            .collect();
        assert_eq!(
            env_names,
            ["REVISION", "POD_NAME", "GODEBUG", "POD_NAMESPACE"]
        );
        assert_eq!(
            container["env"][1]["valueFrom"]["fieldRef"]["fieldPath"],
            "new.path"
        );
        assert_eq!(container["imagePullPolicy"], "Always");
        assert_eq!(
            pod["nodeSelector"],
            json!({"kubernetes.io/os": "linux", "master": "true"})
        );
        assert_eq!(
            spec["template"]["metadata"]["annotations"],
            json!({"prometheus.io/scrape": "true", "extra": "yes"})
        );
        assert_eq!(pod["priorityClassName"], "high");
        assert_eq!(
            container["readinessProbe"],
            json!({"httpGet": {"path": "/ready", "port": 8080}, "initialDelaySeconds": 555, "periodSeconds": 3})
        );
        assert_eq!(spec["replicas"], 3);
        assert_eq!(
            container["resources"],
            json!({"requests": {"cpu": "500m", "memory": "999Mi"}})
        );
        assert_eq!(
            spec["strategy"],
            json!({"rollingUpdate": {"maxSurge": 1, "maxUnavailable": "25%"}})
        );
        assert_eq!(
            pod["tolerations"],
            json!([{"key": "example-key", "operator": "Exists", "effect": "NoSchedule"}])
        );
        assert_eq!(
            pod["securityContext"]["sysctls"][0]["name"],
            "net.ipv4.ip_local_port_range"
        );
        assert_eq!(
            pod["volumes"],
            json!([{"name": "a", "emptyDir": {}},
                   {"name": "b", "secret": {"secretName": "b", "optional": true}},
                   {"name": "c", "emptyDir": {}}])
        );
        assert_eq!(
            container["volumeMounts"],
            json!([{"name": "c", "mountPath": "/c"}, {"name": "a", "mountPath": "/a"}])
        );
        // The container keeps what no setting touched.
        assert_eq!(container["image"], "pilot");
        assert_eq!(objects[4], untouched);
    }

    #[test]
    fn hpa_pdb_and_service_fields() {
        let mut objects = pilot_objects("istiod");
        apply(
            ComponentName::Pilot,
            json!({"k8s": {
                "hpaSpec": {"minReplicas": 2, "maxReplicas": 333,
                            "metrics": [{"type": "Resource", "resource": {"name": "memory"}}]},
                "podDisruptionBudget": {"maxUnavailable": 1},
                "service": {"externalTrafficPolicy": "Local", "ports": [{"port": 15010, "name": "renamed"}]},
                "serviceAnnotations": {"manifest-generate": "testserviceAnnotation"}
            }}),
            "",
            &mut objects,
        );
        let hpa = &objects[1].object()["spec"];
        assert_eq!(hpa["minReplicas"], 2);
        assert_eq!(hpa["maxReplicas"], 333);
        assert_eq!(
            hpa["metrics"],
            json!([{"type": "Resource", "resource": {"name": "memory"}}])
        );
        assert_eq!(hpa["scaleTargetRef"]["name"], "istiod");
        assert_eq!(
            objects[2].object()["spec"],
            json!({"maxUnavailable": 1, "minAvailable": null,
                   "selector": {"matchLabels": {"app": "istiod"}}})
        );
        let service = objects[3].object();
        assert_eq!(service["spec"]["externalTrafficPolicy"], "Local");
        // Not a gateway: Service ports merge by port.
        assert_eq!(
            service["spec"]["ports"],
            json!([{"name": "renamed", "port": 15010}])
        );
        assert_eq!(
            service["metadata"]["annotations"],
            json!({"manifest-generate": "testserviceAnnotation"})
        );
    }

    #[test]
    fn pdb_keeps_min_available_alone() {
        let mut objects = pilot_objects("istiod");
        apply(
            ComponentName::Pilot,
            json!({"k8s": {"podDisruptionBudget": {"minAvailable": 2}}}),
            "",
            &mut objects,
        );
        assert_eq!(objects[2].object()["spec"]["minAvailable"], 2);
        assert!(objects[2].object()["spec"].get("maxUnavailable").is_none());
    }

    #[test]
    fn revisioned_pilot_targets_its_suffixed_name() {
        let mut objects = pilot_objects("istiod-canary");
        let mut plain = pilot_objects("istiod");
        let raw = json!({"k8s": {"replicaCount": 4}});
        apply(ComponentName::Pilot, raw.clone(), "canary", &mut objects);
        apply(ComponentName::Pilot, raw, "canary", &mut plain);
        assert_eq!(objects[0].object()["spec"]["replicas"], 4);
        assert_eq!(plain[0].object()["spec"]["replicas"], 1);
    }

    #[test]
    fn gateways_use_their_name_and_ignore_service_ports() {
        let mut objects = vec![
            workload("Deployment", "custom-gw", "istio-proxy"),
            object(
                "Service",
                "custom-gw",
                &json!({"ports": [{"name": "http2", "port": 80}], "type": "LoadBalancer"}),
            ),
            workload("Deployment", "istio-ingressgateway", "istio-proxy"),
        ];
        apply(
            ComponentName::IngressGateways,
            json!({"name": "custom-gw", "enabled": true, "k8s": {
                "service": {"externalTrafficPolicy": "Local", "ports": [{"port": 9999, "name": "x"}]},
                "env": [{"name": "NEW", "value": "1"}]
            }}),
            "",
            &mut objects,
        );
        assert_eq!(
            objects[1].object()["spec"],
            json!({"ports": [{"name": "http2", "port": 80}], "type": "LoadBalancer",
                   "externalTrafficPolicy": "Local"})
        );
        assert_eq!(
            objects[0].object()["spec"]["template"]["spec"]["containers"][0]["env"][0]["name"],
            "NEW"
        );
        assert_eq!(
            objects[2].object()["spec"]["template"]["spec"]["containers"][0]["env"][0]["name"],
            "REVISION"
        );
    }

    #[test]
    fn daemonset_components_patch_their_daemonset() {
        let mut objects = vec![workload("DaemonSet", "istio-cni-node", "install-cni")];
        apply(
            ComponentName::Cni,
            json!({"enabled": true, "k8s": {
                "tolerations": [{"effect": "NoSchedule", "key": "example-key", "operator": "Exists"}],
                "resources": {"limits": {"cpu": "200m"}}
            }}),
            "",
            &mut objects,
        );
        let pod = &objects[0].object()["spec"]["template"]["spec"];
        assert_eq!(
            pod["tolerations"],
            json!([{"effect": "NoSchedule", "key": "example-key", "operator": "Exists"}])
        );
        assert_eq!(
            pod["containers"][0]["resources"],
            json!({"requests": {"cpu": "500m", "memory": "2048Mi"}, "limits": {"cpu": "200m"}})
        );
    }

    #[test]
    fn no_k8s_means_no_change() {
        let mut objects = pilot_objects("istiod");
        let before = objects.clone();
        apply(
            ComponentName::Pilot,
            json!({"enabled": true}),
            "",
            &mut objects,
        );
        apply(ComponentName::Pilot, Value::Null, "", &mut objects);
        assert_eq!(objects, before);
    }

    #[test]
    fn overlays_apply_by_kind_and_name_after_settings() {
        let mut objects = pilot_objects("istiod");
        objects.push(Manifest::new(
            ComponentName::Base,
            json!({"kind": "ServiceAccount", "metadata": {"name": "istio-reader-service-account"}}),
        ));
        apply(
            ComponentName::Pilot,
            json!({"k8s": {
                "resources": {"requests": {"cpu": "123m"}},
                "overlays": [
                    {"kind": "Deployment", "name": "istiod", "patches": [
                        {"path": "spec.template.spec.containers.[name:discovery].resources.requests.cpu",
                         "value": "456m"},
                        {"path": "spec.template.spec.containers.[name:discovery].env.[name:REVISION]"},
                        {"path": "spec.template.spec.containers.[name:discovery].securityContext"}
                    ]},
                    {"kind": "Service", "name": "istiod", "patches": [
                        {"path": "spec.ports.[name:grpc-xds].port", "value": 11111}
                    ]},
                    {"kind": "ServiceAccount", "name": "istio-reader-service-account", "patches": [
                        {"path": "spec.automountServiceAccountToken", "value": false}
                    ]},
                    {"kind": "Deployment", "name": "absent", "patches": [{"path": "x", "value": 1}]}
                ]
            }}),
            "",
            &mut objects,
        );
        let container = &objects[0].object()["spec"]["template"]["spec"]["containers"][0];
        assert_eq!(container["resources"]["requests"]["cpu"], "456m");
        assert_eq!(container["env"][0]["name"], "POD_NAME");
        assert!(container.get("securityContext").is_none());
        assert_eq!(objects[3].object()["spec"]["ports"][0]["port"], 11111);
        assert_eq!(
            objects[5].object()["spec"],
            json!({"automountServiceAccountToken": false})
        );
        assert!(objects[4].object().get("x").is_none());
    }

    #[test]
    fn base_takes_overlays_only() {
        let mut objects = vec![Manifest::new(
            ComponentName::Base,
            json!({"kind": "ServiceAccount", "metadata": {"name": "sa"}}),
        )];
        apply(
            ComponentName::Base,
            json!({"enabled": true, "k8s": {"overlays": [
                {"kind": "ServiceAccount", "name": "sa", "patches": [
                    {"path": "metadata.labels.x", "value": "y"}]}]}}),
            "",
            &mut objects,
        );
        assert_eq!(objects[0].object()["metadata"]["labels"], json!({"x": "y"}));
    }

    #[test]
    fn overlay_errors_name_object_and_path() {
        let mut objects = pilot_objects("istiod");
        let error = apply_kubernetes_settings(
            &context(
                ComponentName::Pilot,
                json!({"k8s": {"overlays": [{"kind": "Deployment", "name": "istiod", "patches": [
                    {"path": "spec.template.spec.containers.[name:nope].image", "value": "x"}]}]}}),
                "",
            ),
            &mut objects,
        )
        .expect_err("unresolvable path");
        assert_eq!(
            chain(&error),
            "Pilot: overlay on Deployment `istio-system/istiod`: path \
             `spec.template.spec.containers.[name:nope].image`: no list element matches `[name:nope]`"
        );
        assert!(matches!(error, RenderError::Overlay { .. }));
    }

    #[test]
    fn bad_settings_patch_is_an_error() {
        let mut objects = pilot_objects("istiod");
        let error = apply_kubernetes_settings(
            &context(
                ComponentName::Pilot,
                json!({"k8s": {"volumeMounts": [{"readOnly": true}]}}),
                "",
            ),
            &mut objects,
        )
        .expect_err("mount without mountPath");
        let text = chain(&error);
        assert_eq!(
            text,
            "Pilot: k8s.volumeMounts on Deployment `istio-system/istiod`: \
             spec.template.spec.containers.volumeMounts: an element does not contain the merge \
             key `mountPath`"
        );
    }

    /// The error with its causes, as the CLI prints it.
    fn chain(error: &dyn std::error::Error) -> String {
        let mut text = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            text.push_str(": ");
            text.push_str(&cause.to_string());
            source = cause.source();
        }
        text
    }
}
