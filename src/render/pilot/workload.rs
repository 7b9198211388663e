//! The istiod workload and what fronts it: Deployment, Service, autoscaler, disruption budget,
//! `NetworkPolicy`, revision-tag Services, and the Service/EndpointSlice that point a remote cluster
//! at an external istiod.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{
    Deployment, DeploymentSpec, DeploymentStrategy, RollingUpdateDeployment,
};
use k8s_openapi::api::autoscaling::v2::{
    CrossVersionObjectReference, HorizontalPodAutoscaler, HorizontalPodAutoscalerSpec, MetricSpec,
    MetricTarget, ResourceMetricSource,
};
use k8s_openapi::api::core::v1::{
    Capabilities, ConfigMapVolumeSource, Container, ContainerPort, EmptyDirVolumeSource, EnvVar,
    HTTPGetAction, PodSpec, PodTemplateSpec, Probe, SecretVolumeSource, SecurityContext, Service,
    ServicePort, ServiceSpec, Toleration, Volume,
};
use k8s_openapi::api::discovery::v1::{Endpoint, EndpointPort, EndpointSlice};
use k8s_openapi::api::networking::v1::{
    NetworkPolicy, NetworkPolicyEgressRule, NetworkPolicyPort, NetworkPolicySpec,
};
use k8s_openapi::api::policy::v1::{PodDisruptionBudget, PodDisruptionBudgetSpec};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::{Value, json};

use super::Pilot;
use crate::release::Feature;
use crate::render::chart;
use crate::render::error::ChartError;
use crate::render::helm::{self, truthy};
use crate::render::pod::{self, CaRoot};

/// A value that the chart prints unquoted into an int-or-string field (`maxSurge: 100%`).
fn int_or_string(value: Option<&Value>) -> Option<IntOrString> {
    match value? {
        Value::Number(number) => number
            .as_i64()
            .or_else(|| {
                number
                    .as_f64()
                    .filter(|f| f.fract() == 0.0)
                    .map(|f| f as i64)
            })
            .map(|n| IntOrString::Int(n as i32))
            .or_else(|| Some(IntOrString::String(number.to_string()))),
        Value::String(text) => Some(match text.parse::<i32>() {
            Ok(n) => IntOrString::Int(n),
            Err(_) => IntOrString::String(text.clone()),
        }),
        Value::Null => None,
        other => Some(IntOrString::String(helm::go_text(other))),
    }
}

/// A user-supplied list (tolerations, volumes, …), `None` when unset or empty.
fn user_list(pilot: &Pilot, path: &str) -> Option<Vec<Value>> {
    pilot
        .values
        .get(path)
        .and_then(Value::as_array)
        .filter(|list| !list.is_empty())
        .cloned()
}

fn env(name: &str, value: impl Into<String>) -> EnvVar {
    pod::env(name, value)
}

/// istiod's field references all name `apiVersion: v1`.
fn field_env(name: &str, path: &str) -> EnvVar {
    pod::field_env(name, path, Some("v1"))
}

/// The chart's `istiod.resources`: limits and requests with empty entries dropped.
fn resources(value: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for key in ["limits", "requests"] {
        let Some(entries) = value.get(key).and_then(Value::as_object) else {
            continue;
        };
        let kept: serde_json::Map<String, Value> = entries
            .iter()
            .filter(|(_, v)| truthy(v))
            .map(|(k, v)| (k.clone(), json!(helm::go_text(v))))
            .collect();
        if !kept.is_empty() {
            out.insert(key.into(), Value::Object(kept));
        }
    }
    Value::Object(out)
}

fn container_env(pilot: &Pilot) -> Vec<Value> {
    let values = pilot.values;
    let mut vars = vec![
        env("REVISION", pilot.revision_label()),
        env(
            "PILOT_CERT_PROVIDER",
            values.str("global.pilotCertProvider"),
        ),
        field_env("POD_NAME", "metadata.name"),
        field_env("POD_NAMESPACE", "metadata.namespace"),
        field_env("SERVICE_ACCOUNT", "spec.serviceAccountName"),
        env("KUBECONFIG", "/var/run/secrets/remote/config"),
    ];
    if !values.truthy("env.CA_TRUSTED_NODE_ACCOUNTS") {
        let namespace = values.str("trustedZtunnelNamespace");
        let namespace = if namespace.is_empty() {
            pilot.namespace.clone()
        } else {
            namespace
        };
        let name = values.str("trustedZtunnelName");
        let name = if name.is_empty() {
            "ztunnel".to_string()
        } else {
            name
        };
        vars.push(env(
            "CA_TRUSTED_NODE_ACCOUNTS",
            format!("{namespace}/{name}"),
        ));
    }
    let user_env = values.get("env").and_then(Value::as_object);
    if let Some(map) = user_env {
        for (key, value) in map {
            vars.push(env(key, helm::go_text(value)));
        }
    }
    if values.release.has(Feature::FipsGoDebug)
        && user_env.is_some_and(|m| !m.is_empty())
        && values.str("env.COMPLIANCE_POLICY") == "fips-140-3"
    {
        vars.push(env("GODEBUG", "fips140=only"));
    }
    let mut all: Vec<Value> = vars
        .into_iter()
        .map(|v| serde_json::to_value(v).unwrap_or(Value::Null))
        .collect();
    if let Some(extra) = user_list(pilot, "envVarFrom") {
        all.extend(extra);
    }
    let mut tail = Vec::new();
    if let Some(sampling) = values.get("traceSampling").filter(|v| truthy(v)) {
        tail.push(env("PILOT_TRACE_SAMPLING", helm::go_text(sampling)));
    }
    if values.release.has(Feature::UntaintControllerEnv) && values.truthy("taint.enabled") {
        tail.push(env("PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS", "true"));
        tail.push(env(
            "PILOT_NODE_UNTAINT_CONTROLLERS_TAINT_NAME",
            values.str("taint.name"),
        ));
    }
    if values.truthy("global.externalIstiod") && !values.truthy("env.EXTERNAL_ISTIOD") {
        tail.push(env(
            "EXTERNAL_ISTIOD",
            helm::go_text(values.get("global.externalIstiod").unwrap_or(&Value::Null)),
        ));
    }
    if values.truthy("global.trustBundleName") {
        tail.push(env(
            "PILOT_CA_CERT_CONFIGMAP",
            values.str("global.trustBundleName"),
        ));
    }
    if values.truthy("crlConfigMapName") {
        tail.push(env("PILOT_CRL_CONFIGMAP", values.str("crlConfigMapName")));
    }
    tail.push(env(
        "PILOT_ENABLE_ANALYSIS",
        values.str("global.istiod.enableAnalysis"),
    ));
    let cluster = values.str("global.multiCluster.clusterName");
    tail.push(env(
        "CLUSTER_ID",
        if cluster.is_empty() {
            "Kubernetes".to_string()
        } else {
            cluster
        },
    ));
    tail.push(pod::resource_env("GOMAXPROCS", "limits.cpu"));
    let platform = [values.str("global.platform"), values.str("platform")]
        .into_iter()
        .find(|p| !p.is_empty())
        .unwrap_or_default();
    tail.push(env("PLATFORM", platform));
    all.extend(
        tail.into_iter()
            .map(|v| serde_json::to_value(v).unwrap_or(Value::Null)),
    );
    all
}

fn image(pilot: &Pilot) -> String {
    let values = pilot.values;
    let image = values.str("image");
    if image.contains('/') {
        return image;
    }
    let pick = |own: &str, global: &str| {
        let value = values.str(own);
        if value.is_empty() {
            values.str(global)
        } else {
            value
        }
    };
    let hub = pick("hub", "global.hub");
    let tag = pick("tag", "global.tag");
    let name = if image.is_empty() {
        "pilot".into()
    } else {
        image
    };
    let variant = pick("variant", "global.variant");
    let variant = if variant.is_empty() {
        String::new()
    } else {
        format!("-{variant}")
    };
    format!("{hub}/{name}:{tag}{variant}")
}

pub(super) fn deployment(pilot: &Pilot) -> Result<Value, ChartError> {
    let values = pilot.values;
    let revision = pilot.revision_label();
    let revisioned = !pilot.revision.is_empty();

    let mut metadata_labels = pilot.owned_labels(&[("app", "istiod"), ("istio", "pilot")]);
    metadata_labels.extend(helm::text_map(values.get("deploymentLabels")));

    let mut pod_labels = pilot.owned_labels(&[
        ("app", "istiod"),
        ("sidecar.istio.io/inject", "false"),
        ("istio", if revisioned { "istiod" } else { "pilot" }),
    ]);
    pod_labels.remove("release");
    pod_labels.extend(helm::text_map(values.get("podLabels")));
    pod_labels.insert("istio.io/dataplane-mode".into(), "none".into());

    let mut pod_annotations = chart::labels(&[
        ("prometheus.io/port", "15014"),
        ("prometheus.io/scrape", "true"),
        ("sidecar.istio.io/inject", "false"),
    ]);
    pod_annotations.extend(helm::text_map(values.get("podAnnotations")));

    let selector = if revisioned {
        chart::labels(&[("app", "istiod"), ("istio.io/rev", revision.as_str())])
    } else {
        chart::labels(&[("istio", "pilot")])
    };

    let mut args = vec![
        "discovery".to_string(),
        "--monitoringAddr=:15014".to_string(),
    ];
    if values.truthy("global.logging.level") {
        args.push(format!(
            "--log_output_level={}",
            values.str("global.logging.level")
        ));
    }
    if values.truthy("global.logAsJson") {
        args.push("--log_as_json".into());
    }
    args.push("--domain".into());
    args.push(values.str("global.proxy.clusterDomain"));
    if values.truthy("taint.namespace") {
        args.push(format!("--cniNamespace={}", values.str("taint.namespace")));
    }
    args.push("--keepaliveMaxServerConnectionAge".into());
    args.push(
        values
            .get("keepaliveMaxServerConnectionAge")
            .map(helm::go_text)
            .unwrap_or_default(),
    );
    if let Some(extra) = user_list(pilot, "extraContainerArgs") {
        args.extend(extra.iter().map(helm::go_text));
    }

    let port = |number: i32, name: &str| ContainerPort {
        container_port: number,
        protocol: Some("TCP".into()),
        name: Some(name.into()),
        ..ContainerPort::default()
    };
    let mount = pod::mount;
    let mut mounts = vec![
        mount("istio-token", "/var/run/secrets/tokens", true),
        mount("local-certs", "/var/run/secrets/istio-dns", false),
        mount("cacerts", "/etc/cacerts", true),
        mount("istio-kubeconfig", "/var/run/secrets/remote", true),
    ];
    if values.truthy("jwksResolverExtraRootCA") {
        mounts.push(mount("extracacerts", "/cacerts", false));
    }
    mounts.push(mount(
        "istio-csr-dns-cert",
        "/var/run/secrets/istiod/tls",
        true,
    ));
    mounts.push(mount(
        "istio-csr-ca-configmap",
        "/var/run/secrets/istiod/ca",
        true,
    ));

    let pull_policy = values.str("global.imagePullPolicy");
    let termination = if values.release.has(Feature::TerminationMessagePolicy) {
        values.str("terminationMessagePolicy")
    } else {
        String::new()
    };
    let container = Container {
        name: "discovery".into(),
        image: Some(image(pilot)),
        image_pull_policy: (!pull_policy.is_empty()).then_some(pull_policy),
        termination_message_policy: (!termination.is_empty()).then_some(termination),
        args: Some(args),
        ports: Some(vec![
            port(8080, "http-debug"),
            port(15010, "grpc-xds"),
            port(15012, "tls-xds"),
            port(15017, "https-webhooks"),
            port(15014, "http-monitoring"),
        ]),
        readiness_probe: Some(Probe {
            http_get: Some(HTTPGetAction {
                path: Some("/ready".into()),
                port: IntOrString::Int(8080),
                ..HTTPGetAction::default()
            }),
            initial_delay_seconds: Some(1),
            period_seconds: Some(3),
            timeout_seconds: Some(5),
            ..Probe::default()
        }),
        security_context: Some(SecurityContext {
            allow_privilege_escalation: Some(false),
            read_only_root_filesystem: Some(true),
            run_as_non_root: Some(true),
            capabilities: Some(Capabilities {
                drop: Some(vec!["ALL".into()]),
                add: None,
            }),
            ..SecurityContext::default()
        }),
        volume_mounts: Some(mounts),
        ..Container::default()
    };

    let secret = |name: &str, secret_name: &str| Volume {
        name: name.into(),
        secret: Some(SecretVolumeSource {
            secret_name: Some(secret_name.into()),
            optional: Some(true),
            ..SecretVolumeSource::default()
        }),
        ..Volume::default()
    };
    let ca_volume = pod::ca_root_volume(CaRoot {
        name: "istio-csr-ca-configmap",
        trust_bundle: &values.str("global.trustBundleName"),
        cluster_trust_bundle: pod::is_true(values.get("env.ENABLE_CLUSTER_TRUST_BUNDLE_API")),
        optional: true,
    });
    let mut volumes = vec![
        Volume {
            name: "local-certs".into(),
            empty_dir: Some(EmptyDirVolumeSource {
                medium: Some("Memory".into()),
                ..EmptyDirVolumeSource::default()
            }),
            ..Volume::default()
        },
        pod::token_volume(&values.str("global.sds.token.aud")),
        secret("cacerts", "cacerts"),
        secret("istio-kubeconfig", "istio-kubeconfig"),
        secret("istio-csr-dns-cert", "istiod-tls"),
        ca_volume,
    ];
    if values.truthy("jwksResolverExtraRootCA") {
        volumes.push(Volume {
            name: "extracacerts".into(),
            config_map: Some(ConfigMapVolumeSource {
                name: pilot.name("pilot-jwks-extra-cacerts"),
                ..ConfigMapVolumeSource::default()
            }),
            ..Volume::default()
        });
    }

    let priority = values.str("global.priorityClassName");
    let pod_spec = PodSpec {
        service_account_name: Some(pilot.name("istiod")),
        priority_class_name: (!priority.is_empty()).then_some(priority),
        tolerations: Some(vec![Toleration {
            key: Some("cni.istio.io/not-ready".into()),
            operator: Some("Exists".into()),
            ..Toleration::default()
        }]),
        containers: vec![container],
        volumes: Some(volumes),
        ..PodSpec::default()
    };

    let replicas = if !values.truthy("autoscaleEnabled") && values.truthy("replicaCount") {
        values.int("replicaCount").map(|n| n as i32)
    } else {
        None
    };
    let deployment_annotations = values
        .get("deploymentAnnotations")
        .filter(|a| truthy(a))
        .map(|a| helm::text_map(Some(a)));
    let deployment = Deployment {
        metadata: ObjectMeta {
            name: Some(pilot.name("istiod")),
            namespace: Some(pilot.namespace.clone()),
            labels: Some(metadata_labels),
            annotations: deployment_annotations,
            ..ObjectMeta::default()
        },
        spec: DeploymentSpec {
            replicas,
            strategy: Some(DeploymentStrategy {
                rolling_update: Some(RollingUpdateDeployment {
                    max_surge: int_or_string(values.get("rollingMaxSurge")),
                    max_unavailable: int_or_string(values.get("rollingMaxUnavailable")),
                }),
                type_: None,
            }),
            selector: LabelSelector {
                match_labels: Some(selector),
                match_expressions: None,
            },
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(pod_labels),
                    annotations: Some(pod_annotations),
                    ..ObjectMeta::default()
                }),
                spec: Some(pod_spec),
            },
            ..DeploymentSpec::default()
        },
        ..Deployment::default()
    };
    let mut object = chart::to_json(&deployment)?;

    // Free-form settings go in as the user wrote them, like the chart's `toYaml`.
    let pod = &mut object["spec"]["template"]["spec"];
    if let Some(selector) = values.get("nodeSelector").filter(|v| truthy(v)) {
        pod["nodeSelector"] = selector.clone();
    }
    if let Some(affinity) = values.get("affinity").filter(|v| truthy(v)) {
        pod["affinity"] = affinity.clone();
    }
    if let (Some(extra), Some(list)) = (
        user_list(pilot, "tolerations"),
        pod["tolerations"].as_array_mut(),
    ) {
        list.extend(extra);
    }
    if let Some(spread) = user_list(pilot, "topologySpreadConstraints") {
        pod["topologySpreadConstraints"] = Value::Array(spread);
    }
    if let Some(init) = user_list(pilot, "initContainers") {
        pod["initContainers"] = Value::Array(init);
    }
    if let (Some(extra), Some(list)) = (user_list(pilot, "volumes"), pod["volumes"].as_array_mut())
    {
        list.extend(extra);
    }
    let container = &mut pod["containers"][0];
    container["env"] = Value::Array(container_env(pilot));
    let requested = values.get("resources").filter(|r| truthy(r));
    let resources = resources(
        requested
            .or_else(|| values.get("global.defaultResources"))
            .unwrap_or(&Value::Null),
    );
    if resources.as_object().is_some_and(|r| !r.is_empty()) {
        container["resources"] = resources;
    }
    if let Some(profile) = values.get("seccompProfile").filter(|v| truthy(v)) {
        container["securityContext"]["seccompProfile"] = profile.clone();
    }
    if let (Some(extra), Some(list)) = (
        user_list(pilot, "volumeMounts"),
        container["volumeMounts"].as_array_mut(),
    ) {
        list.extend(extra);
    }
    Ok(object)
}

fn istiod_ports() -> Vec<ServicePort> {
    let port = |number: i32, name: &str, target: Option<i32>| ServicePort {
        port: number,
        name: Some(name.into()),
        protocol: Some("TCP".into()),
        target_port: target.map(IntOrString::Int),
        ..ServicePort::default()
    };
    vec![
        port(15010, "grpc-xds", None),
        port(15012, "https-dns", None),
        port(443, "https-webhook", Some(15017)),
        port(15014, "http-monitoring", None),
    ]
}

fn service_selector(pilot: &Pilot) -> BTreeMap<String, String> {
    if pilot.revision.is_empty() {
        chart::labels(&[("app", "istiod"), ("istio", "pilot")])
    } else {
        chart::labels(&[("app", "istiod"), ("istio.io/rev", pilot.revision.as_str())])
    }
}

fn istiod_service(
    pilot: &Pilot,
    name: String,
    extra_labels: &[(&str, &str)],
) -> Result<Value, ChartError> {
    let values = pilot.values;
    let mut service_labels = pilot.owned_labels(&[("app", "istiod"), ("istio", "pilot")]);
    for (key, value) in extra_labels {
        service_labels.insert((*key).into(), (*value).into());
    }
    let annotations = values
        .get("serviceAnnotations")
        .filter(|a| truthy(a))
        .map(|a| helm::text_map(Some(a)));
    let policy = values.str("ipFamilyPolicy");
    let families: Vec<String> = values
        .get("ipFamilies")
        .and_then(Value::as_array)
        .map(|list| list.iter().map(helm::go_text).collect())
        .unwrap_or_default();
    let distribution = values.str("trafficDistribution");
    let service = Service {
        metadata: ObjectMeta {
            name: Some(name),
            namespace: Some(pilot.namespace.clone()),
            labels: Some(service_labels),
            annotations,
            ..ObjectMeta::default()
        },
        spec: Some(ServiceSpec {
            ports: Some(istiod_ports()),
            selector: Some(service_selector(pilot)),
            ip_family_policy: (!policy.is_empty()).then_some(policy),
            ip_families: (!families.is_empty()).then_some(families),
            traffic_distribution: (!distribution.is_empty()).then_some(distribution),
            ..ServiceSpec::default()
        }),
        ..Service::default()
    };
    chart::to_json(&service)
}

pub(super) fn service(pilot: &Pilot) -> Result<Value, ChartError> {
    istiod_service(pilot, pilot.name("istiod"), &[])
}

/// `istiod-revision-tag-<tag>`: a Service per revision tag, selecting this revision's pods.
pub(super) fn revision_tag_services(pilot: &Pilot) -> Result<Vec<Value>, ChartError> {
    let tags: Vec<String> = pilot
        .values
        .get("revisionTags")
        .and_then(Value::as_array)
        .map(|list| list.iter().map(helm::go_text).collect())
        .unwrap_or_default();
    tags.iter()
        .map(|tag| {
            istiod_service(
                pilot,
                format!("istiod-revision-tag-{tag}"),
                &[("istio.io/tag", tag.as_str())],
            )
        })
        .collect()
}

pub(super) fn autoscaler(pilot: &Pilot) -> Result<Option<Value>, ChartError> {
    let values = pilot.values;
    if !(values.truthy("autoscaleEnabled")
        && values.truthy("autoscaleMin")
        && values.truthy("autoscaleMax"))
    {
        return Ok(None);
    }
    let metric = |name: &str, utilization: Option<i64>| MetricSpec {
        type_: "Resource".into(),
        resource: Some(ResourceMetricSource {
            name: name.into(),
            target: MetricTarget {
                type_: "Utilization".into(),
                average_utilization: utilization.map(|u| u as i32),
                ..MetricTarget::default()
            },
        }),
        ..MetricSpec::default()
    };
    let mut metrics = vec![metric("cpu", values.int("cpu.targetAverageUtilization"))];
    if values.truthy("memory.targetAverageUtilization") {
        metrics.push(metric(
            "memory",
            values.int("memory.targetAverageUtilization"),
        ));
    }
    let hpa = HorizontalPodAutoscaler {
        metadata: ObjectMeta {
            name: Some(pilot.name("istiod")),
            namespace: Some(pilot.namespace.clone()),
            labels: Some(pilot.owned_labels(&[("app", "istiod")])),
            ..ObjectMeta::default()
        },
        spec: HorizontalPodAutoscalerSpec {
            max_replicas: values.int("autoscaleMax").unwrap_or_default() as i32,
            min_replicas: values.int("autoscaleMin").map(|n| n as i32),
            scale_target_ref: CrossVersionObjectReference {
                api_version: Some("apps/v1".into()),
                kind: "Deployment".into(),
                name: pilot.name("istiod"),
            },
            metrics: Some(metrics),
            behavior: None,
        },
        ..HorizontalPodAutoscaler::default()
    };
    let mut object = chart::to_json(&hpa)?;
    if let Some(behavior) = values.get("autoscaleBehavior").filter(|v| truthy(v)) {
        object["spec"]["behavior"] = behavior.clone();
    }
    Ok(Some(object))
}

pub(super) fn disruption_budget(pilot: &Pilot) -> Result<Option<Value>, ChartError> {
    let values = pilot.values;
    if !values.truthy("global.defaultPodDisruptionBudget.enabled") {
        return Ok(None);
    }
    let autoscale = values.truthy("autoscaleEnabled");
    let needed = if autoscale {
        values.int("autoscaleMin").unwrap_or_default() > 1
    } else {
        values.int("replicaCount").unwrap_or_default() > 1
    };
    if !needed {
        return Ok(None);
    }
    let has_max = values
        .values
        .get("pdb")
        .and_then(Value::as_object)
        .is_some_and(|pdb| pdb.contains_key("maxUnavailable"));
    let (min_available, max_unavailable) = if values.truthy("pdb.minAvailable") && !has_max {
        (int_or_string(values.get("pdb.minAvailable")), None)
    } else if values.truthy("pdb.maxUnavailable") {
        (None, int_or_string(values.get("pdb.maxUnavailable")))
    } else {
        (None, None)
    };
    let policy = values.str("pdb.unhealthyPodEvictionPolicy");
    let selector = if pilot.revision.is_empty() {
        chart::labels(&[("app", "istiod"), ("istio", "pilot")])
    } else {
        chart::labels(&[("app", "istiod"), ("istio.io/rev", pilot.revision.as_str())])
    };
    let pdb = PodDisruptionBudget {
        metadata: ObjectMeta {
            name: Some(pilot.name("istiod")),
            namespace: Some(pilot.namespace.clone()),
            labels: Some(pilot.owned_labels(&[("app", "istiod"), ("istio", "pilot")])),
            ..ObjectMeta::default()
        },
        spec: Some(PodDisruptionBudgetSpec {
            min_available,
            max_unavailable,
            unhealthy_pod_eviction_policy: (!policy.is_empty()).then_some(policy),
            selector: Some(LabelSelector {
                match_labels: Some(selector),
                match_expressions: None,
            }),
        }),
        ..PodDisruptionBudget::default()
    };
    chart::to_json(&pdb).map(Some)
}

pub(super) fn network_policy(pilot: &Pilot) -> Result<Value, ChartError> {
    let tcp = |port: i32| NetworkPolicyPort {
        protocol: Some("TCP".into()),
        port: Some(IntOrString::Int(port)),
        end_port: None,
    };
    let revision = pilot.revision_label();
    let policy = NetworkPolicy {
        metadata: ObjectMeta {
            name: Some(pilot.name("istiod")),
            namespace: Some(pilot.namespace.clone()),
            labels: Some(pilot.owned_labels(&[("app", "istiod"), ("istio", "pilot")])),
            ..ObjectMeta::default()
        },
        spec: Some(NetworkPolicySpec {
            pod_selector: Some(LabelSelector {
                match_labels: Some(chart::labels(&[
                    ("app", "istiod"),
                    ("istio.io/rev", revision.as_str()),
                ])),
                match_expressions: None,
            }),
            policy_types: Some(vec!["Ingress".into(), "Egress".into()]),
            ingress: Some(vec![
                chart::ingress_rule(pilot.values.release, vec![tcp(15017)]),
                chart::ingress_rule(
                    pilot.values.release,
                    vec![tcp(15010), tcp(15011), tcp(15012), tcp(8080), tcp(15014)],
                ),
            ]),
            egress: Some(vec![NetworkPolicyEgressRule::default()]),
        }),
    };
    chart::to_json(&policy)
}

fn is_ipv4(address: &str) -> bool {
    let parts: Vec<&str> = address.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
}

fn is_ipv6(address: &str) -> bool {
    // `^([0-9a-fA-F]*:)+[0-9a-fA-F]*$`
    address.contains(':') && address.chars().all(|c| c == ':' || c.is_ascii_hexdigit())
}

/// For a remote cluster: the `istiod` Service (`ExternalName` for a host name) and, for an IP
/// address, the `EndpointSlice` behind it.
pub(super) fn remote_istiod(pilot: &Pilot) -> Result<Vec<Value>, ChartError> {
    let values = pilot.values;
    let address = values.str("global.remotePilotAddress");
    let local_injector = values.truthy("istiodRemote.enabledLocalInjectorIstiod");
    let name = if local_injector {
        format!("{}-remote", pilot.name("istiod"))
    } else {
        pilot.name("istiod")
    };
    let ip = is_ipv4(&address)
        || (values.release.has(Feature::RemotePilotIpv6Address) && is_ipv6(&address));
    let mut objects = Vec::new();
    if ip {
        let mut slice_labels = chart::istio_labels(pilot.values.release);
        slice_labels.insert("kubernetes.io/service-name".into(), name.clone());
        slice_labels.insert(
            "endpointslice.kubernetes.io/managed-by".into(),
            "Helm".into(),
        );
        slice_labels.insert("app.kubernetes.io/name".into(), "istiod".into());
        let port = |number: i32, port_name: &str| EndpointPort {
            port: Some(number),
            name: Some(port_name.into()),
            protocol: Some("TCP".into()),
            app_protocol: None,
        };
        let slice = EndpointSlice {
            metadata: ObjectMeta {
                name: Some(name.clone()),
                namespace: Some(pilot.namespace.clone()),
                labels: Some(slice_labels),
                ..ObjectMeta::default()
            },
            address_type: if is_ipv4(&address) { "IPv4" } else { "IPv6" }.into(),
            endpoints: Some(vec![Endpoint {
                addresses: vec![address.clone()],
                ..Endpoint::default()
            }]),
            ports: Some(vec![port(15012, "tcp-istiod"), port(15017, "tcp-webhook")]),
        };
        objects.push(chart::to_json(&slice)?);
    }
    let mut service_labels = chart::istio_labels(pilot.values.release);
    service_labels.insert("istio.io/rev".into(), pilot.revision_label());
    service_labels.insert("app.kubernetes.io/name".into(), "istiod".into());
    let policy = values.str("global.ipFamilyPolicy");
    let families: Vec<String> = values
        .get("global.ipFamilies")
        .and_then(Value::as_array)
        .map(|list| list.iter().map(helm::go_text).collect())
        .unwrap_or_default();
    let service = Service {
        metadata: ObjectMeta {
            name: Some(name),
            namespace: Some(pilot.namespace.clone()),
            labels: Some(service_labels),
            ..ObjectMeta::default()
        },
        spec: Some(ServiceSpec {
            ports: Some(vec![
                ServicePort {
                    port: 15012,
                    name: Some("tcp-istiod".into()),
                    protocol: Some("TCP".into()),
                    ..ServicePort::default()
                },
                ServicePort {
                    port: 443,
                    target_port: Some(IntOrString::Int(15017)),
                    name: Some("tcp-webhook".into()),
                    protocol: Some("TCP".into()),
                    ..ServicePort::default()
                },
            ]),
            type_: (!ip).then(|| "ExternalName".to_string()),
            external_name: (!ip).then(|| address.clone()),
            ip_family_policy: (!policy.is_empty()).then_some(policy),
            ip_families: (!families.is_empty()).then_some(families),
            ..ServiceSpec::default()
        }),
        ..Service::default()
    };
    objects.push(chart::to_json(&service)?);
    Ok(objects)
}
