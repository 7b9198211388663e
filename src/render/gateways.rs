//! Ingress and egress gateways: one service account, SDS role and role binding, deployment and
//! service, and when asked for an autoscaler, disruption budget and network policy, per entry
//! of `components.ingressGateways` / `components.egressGateways`.
//!
//! istioctl renders these from two nearly identical legacy charts (`gateways/istio-ingress` and
//! `gateways/istio-egress`). They differ only in names, default values and which extra-port list
//! the Service reads, so one renderer serves both, parameterised by [`Flavour`]. The charts print
//! several user-supplied values verbatim into YAML, so a few fields are built as JSON to keep what
//! a YAML re-parse of Helm's text would give (numbers stay numbers, empty blocks become `null`).

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{
    Deployment, DeploymentSpec, DeploymentStrategy, RollingUpdateDeployment,
};
use k8s_openapi::api::autoscaling::v2::{
    CrossVersionObjectReference, HorizontalPodAutoscaler, HorizontalPodAutoscalerSpec, MetricSpec,
    MetricTarget, ResourceMetricSource,
};
use k8s_openapi::api::core::v1::{
    Capabilities, ClusterTrustBundleProjection, ConfigMapVolumeSource, Container,
    DownwardAPIVolumeFile, DownwardAPIVolumeSource, EmptyDirVolumeSource, EnvVar, EnvVarSource,
    HTTPGetAction, LocalObjectReference, ObjectFieldSelector, PodSecurityContext, PodSpec,
    PodTemplateSpec, Probe, ProjectedVolumeSource, ResourceFieldSelector, SecretVolumeSource,
    SecurityContext, Service, ServiceAccount, ServiceAccountTokenProjection, ServiceSpec, Volume,
    VolumeMount, VolumeProjection,
};
use k8s_openapi::api::networking::v1::{
    NetworkPolicy, NetworkPolicyEgressRule, NetworkPolicyIngressRule, NetworkPolicyPort,
    NetworkPolicySpec,
};
use k8s_openapi::api::policy::v1::{PodDisruptionBudget, PodDisruptionBudgetSpec};
use k8s_openapi::api::rbac::v1::{PolicyRule, Role, RoleBinding, RoleRef, Subject};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::context::truthy;
use super::{ChartContext, ComponentName};
use crate::release;

/// What tells the ingress chart from the egress chart.
#[derive(Debug, Clone, Copy)]
struct Flavour {
    /// The key under `values.gateways` and the `app.kubernetes.io/name` label.
    chart_name: &'static str,
    /// The `operator.istio.io/component` label the chart itself writes.
    component_label: &'static str,
    /// The `istio` label the network policy carries.
    istio_label: &'static str,
    /// The list of extra `{port, name}` Service ports the chart reads.
    extra_ports_key: &'static str,
}

const INGRESS: Flavour = Flavour {
    chart_name: "istio-ingressgateway",
    component_label: "IngressGateways",
    istio_label: "ingressgateway",
    extra_ports_key: "ingressPorts",
};

const EGRESS: Flavour = Flavour {
    chart_name: "istio-egressgateway",
    component_label: "EgressGateways",
    istio_label: "egressgateway",
    extra_ports_key: "egressPorts",
};

fn flavour(component: ComponentName) -> Flavour {
    if component == ComponentName::EgressGateways {
        EGRESS
    } else {
        INGRESS
    }
}

/// The Helm release name istioctl renders every chart under.
const RELEASE_NAME: &str = "istio";

/// The component's chart defaults (our own text, same effect as Istio's chart `values.yaml`).
pub fn defaults(component: ComponentName) -> Value {
    let flavour = flavour(component);
    let short = flavour.istio_label;
    let ports = if component == ComponentName::EgressGateways {
        json!([
            {"port": 80, "targetPort": 8080, "name": "http2", "protocol": "TCP"},
            {"port": 443, "name": "https", "targetPort": 8443, "protocol": "TCP"},
        ])
    } else {
        // The health-check port comes first: cloud load balancers probe the first port listed.
        json!([
            {"port": 15021, "targetPort": 15021, "name": "status-port", "protocol": "TCP"},
            {"port": 80, "targetPort": 8080, "name": "http2", "protocol": "TCP"},
            {"port": 443, "targetPort": 8443, "name": "https", "protocol": "TCP"},
        ])
    };
    let mut gateway = json!({
        "name": flavour.chart_name,
        "labels": {"app": flavour.chart_name, "istio": short},
        "ports": ports,
        "rollingMaxSurge": "100%",
        "rollingMaxUnavailable": "25%",
        "autoscaleEnabled": true,
        "autoscaleMin": 1,
        "autoscaleMax": 5,
        "cpu": {"targetAverageUtilization": 80},
        "memory": {},
        "resources": {
            "requests": {"cpu": "100m", "memory": "128Mi"},
            "limits": {"cpu": "2000m", "memory": "1024Mi"},
        },
        "serviceAnnotations": {},
        "podAnnotations": {},
        "type": if component == ComponentName::EgressGateways { "ClusterIP" } else { "LoadBalancer" },
        "ipFamilyPolicy": "",
        "ipFamilies": [],
        "secretVolumes": [
            {
                "name": format!("{short}-certs"),
                "secretName": format!("istio-{short}-certs"),
                "mountPath": format!("/etc/istio/{short}-certs"),
            },
            {
                "name": format!("{short}-ca-certs"),
                "secretName": format!("istio-{short}-ca-certs"),
                "mountPath": format!("/etc/istio/{short}-ca-certs"),
            },
        ],
        "configVolumes": [],
        "additionalContainers": [],
        "serviceAccount": {"annotations": {}},
        "env": {},
        "nodeSelector": {},
        "tolerations": [],
        "podAntiAffinityLabelSelector": [],
        "podAntiAffinityTermLabelSelector": [],
        "runAsRoot": false,
        "injectionTemplate": "",
    });
    if let (ComponentName::IngressGateways, Some(map)) = (component, gateway.as_object_mut()) {
        map.insert("loadBalancerIP".into(), json!(""));
        map.insert("loadBalancerSourceRanges".into(), json!([]));
        map.insert("customService".into(), json!(false));
        map.insert("externalTrafficPolicy".into(), json!(""));
        map.insert("ingressPorts".into(), json!([]));
    }
    json!({
        "gateways": {flavour.chart_name: gateway},
        "revision": "",
        "ownerName": "",
        "global": {
            "defaultNodeSelector": {},
            "defaultPodDisruptionBudget": {"enabled": true},
            "defaultResources": {"requests": {"cpu": "10m"}},
            "defaultTolerations": [],
            "hub": "registry.istio.io/testing",
            "tag": "latest",
            "variant": "",
            "imagePullPolicy": "",
            "imagePullSecrets": [],
            "logAsJson": false,
            "arch": {},
            "logging": {"level": "default:info"},
            "priorityClassName": "",
            "proxy": {
                "image": "proxyv2",
                "clusterDomain": "cluster.local",
                "componentLogLevel": "misc:error",
                "logLevel": "warning",
            },
            "caAddress": "",
            "istioNamespace": "istio-system",
            "meshID": "",
            "mountMtlsCerts": false,
            "multiCluster": {"clusterName": ""},
            "network": "",
            "pilotCertProvider": "istiod",
            "sds": {"token": {"aud": "istio-ca"}},
            "sts": {"servicePort": 0},
            "networkPolicy": {"enabled": false},
        },
        "meshConfig": {
            "enablePrometheusMerge": true,
            "trustDomain": "cluster.local",
            "defaultConfig": {"proxyMetadata": {}},
        },
    })
}

/// Renders the component's objects.
pub fn render(context: &ChartContext) -> Result<Vec<Value>, String> {
    let gateway = Gateway::new(context);
    let mut objects = vec![
        gateway.service_account()?,
        gateway.role()?,
        gateway.role_binding()?,
        gateway.deployment()?,
    ];
    if !gateway.truthy("customService") {
        objects.push(gateway.service()?);
    }
    if gateway.truthy("autoscaleEnabled")
        && gateway.truthy("autoscaleMin")
        && gateway.truthy("autoscaleMax")
    {
        objects.push(gateway.autoscaler()?);
    }
    if let Some(budget) = gateway.disruption_budget()? {
        objects.push(budget);
    }
    if context.truthy("global.networkPolicy.enabled") {
        objects.push(gateway.network_policy()?);
    }
    Ok(objects)
}

/// One gateway's chart values, read the way the chart's templates read them.
struct Gateway<'a> {
    context: &'a ChartContext,
    flavour: Flavour,
    /// `values.gateways.<chart name>`.
    values: Value,
    name: String,
}

impl<'a> Gateway<'a> {
    fn new(context: &'a ChartContext) -> Self {
        let flavour = flavour(context.instance.component);
        let mut values = context
            .values
            .get("gateways")
            .and_then(|g| g.get(flavour.chart_name))
            .cloned()
            .unwrap_or_else(|| json!({}));
        normalise_component_ports(context, &mut values);
        let name = values
            .get("name")
            .map(helm_text)
            .filter(|n| !n.is_empty())
            .or_else(|| context.instance.name.clone())
            .unwrap_or_else(|| flavour.chart_name.to_string());
        Self {
            context,
            flavour,
            values,
            name,
        }
    }

    /// A gateway value, `None` when missing or null.
    fn get(&self, key: &str) -> Option<&Value> {
        self.values.get(key).filter(|v| !v.is_null())
    }

    fn truthy(&self, key: &str) -> bool {
        self.get(key).is_some_and(truthy)
    }

    fn text(&self, key: &str) -> String {
        self.get(key).map(helm_text).unwrap_or_default()
    }

    fn list(&self, key: &str) -> Vec<Value> {
        self.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    }

    fn namespace(&self) -> &str {
        self.context.namespace()
    }

    fn revision_label(&self) -> String {
        self.context.revision_or_default()
    }

    fn owner(&self) -> String {
        let owner = self.context.str("ownerName");
        if owner.is_empty() {
            "unknown".into()
        } else {
            owner
        }
    }

    /// The user's `label` map (or the chart's default labels): labels, selectors and more.
    fn selector_labels(&self) -> BTreeMap<String, String> {
        string_map(self.get("labels"))
    }

    /// The labels the chart's `istio.labels` helper adds to everything (minus Helm's own).
    fn chart_labels(labels: &mut BTreeMap<String, String>) {
        labels.insert("app.kubernetes.io/instance".into(), RELEASE_NAME.into());
        labels.insert("app.kubernetes.io/part-of".into(), "istio".into());
        labels.insert(
            "app.kubernetes.io/version".into(),
            release::ISTIO_VERSION.into(),
        );
    }

    /// Object labels: optionally the gateway's own, then the chart's bookkeeping ones.
    fn labels(&self, with_gateway_labels: bool) -> BTreeMap<String, String> {
        let mut labels = if with_gateway_labels {
            self.selector_labels()
        } else {
            BTreeMap::new()
        };
        labels.insert("release".into(), RELEASE_NAME.into());
        labels.insert("istio.io/rev".into(), self.revision_label());
        labels.insert(
            "install.operator.istio.io/owning-resource".into(),
            self.owner(),
        );
        labels.insert(
            "operator.istio.io/component".into(),
            self.flavour.component_label.into(),
        );
        labels.insert(
            "app.kubernetes.io/name".into(),
            self.flavour.chart_name.into(),
        );
        labels
    }

    fn metadata(&self, name: String, labels: BTreeMap<String, String>) -> ObjectMeta {
        let mut labels = labels;
        Self::chart_labels(&mut labels);
        ObjectMeta {
            name: Some(name),
            namespace: Some(self.namespace().to_string()),
            labels: Some(labels),
            ..ObjectMeta::default()
        }
    }

    fn service_account_name(&self) -> String {
        format!("{}-service-account", self.name)
    }

    fn service_account(&self) -> Result<Value, String> {
        let pull_secrets: Vec<LocalObjectReference> = self
            .context
            .get("global.imagePullSecrets")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|secret| LocalObjectReference {
                        name: helm_text(secret),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut metadata = self.metadata(self.service_account_name(), self.labels(true));
        let annotations = self
            .get("serviceAccount")
            .and_then(|account| account.get("annotations"))
            .filter(|a| truthy(a));
        if let Some(annotations) = annotations {
            metadata.annotations = Some(string_map(Some(annotations)));
        }
        let account = ServiceAccount {
            metadata,
            image_pull_secrets: (!pull_secrets.is_empty()).then_some(pull_secrets),
            ..ServiceAccount::default()
        };
        to_json(&account)
    }

    fn sds_name(&self) -> String {
        format!("{}-sds", self.name)
    }

    fn role(&self) -> Result<Value, String> {
        let role = Role {
            metadata: self.metadata(self.sds_name(), self.labels(false)),
            rules: Some(vec![PolicyRule {
                api_groups: Some(vec![String::new()]),
                resources: Some(vec!["secrets".into()]),
                verbs: vec!["get".into(), "watch".into(), "list".into()],
                ..PolicyRule::default()
            }]),
        };
        to_json(&role)
    }

    fn role_binding(&self) -> Result<Value, String> {
        let binding = RoleBinding {
            metadata: self.metadata(self.sds_name(), self.labels(false)),
            role_ref: RoleRef {
                api_group: Some("rbac.authorization.k8s.io".into()),
                kind: "Role".into(),
                name: self.sds_name(),
            },
            subjects: Some(vec![Subject {
                kind: "ServiceAccount".into(),
                name: self.service_account_name(),
                ..Subject::default()
            }]),
        };
        to_json(&binding)
    }

    fn pod_template_labels(&self, injected: bool) -> BTreeMap<String, String> {
        let mut labels = self.selector_labels();
        if self.namespace() == "istio-system" {
            // Leftovers from the Helm 2 era the charts still stamp in the default namespace.
            labels.insert("heritage".into(), "Tiller".into());
            labels.insert("release".into(), RELEASE_NAME.into());
            labels.insert("chart".into(), "gateways".into());
        }
        let revision = self.context.revision();
        let given = |key: &str| {
            self.get("labels")
                .and_then(|l| l.get(key))
                .map(helm_text)
                .filter(|v| !v.is_empty())
        };
        let canonical_revision = given("app.kubernetes.io/version")
            .or_else(|| given("version"))
            .or_else(|| (!revision.is_empty()).then(|| revision.clone()))
            .unwrap_or_else(|| "latest".into());
        if injected {
            labels.insert(
                "install.operator.istio.io/owning-resource".into(),
                self.owner(),
            );
            labels.insert(
                "operator.istio.io/component".into(),
                self.flavour.component_label.into(),
            );
            labels.insert("sidecar.istio.io/inject".into(), "true".into());
            if !revision.is_empty() {
                labels.insert("istio.io/rev".into(), revision);
            }
            labels.insert("service.istio.io/canonical-name".into(), self.name.clone());
            labels.insert(
                "service.istio.io/canonical-revision".into(),
                canonical_revision,
            );
            labels.insert(
                "app.kubernetes.io/name".into(),
                self.flavour.chart_name.into(),
            );
        } else {
            labels.insert("service.istio.io/canonical-name".into(), self.name.clone());
            labels.insert(
                "service.istio.io/canonical-revision".into(),
                canonical_revision,
            );
            labels.insert("istio.io/rev".into(), self.revision_label());
            labels.insert(
                "install.operator.istio.io/owning-resource".into(),
                self.owner(),
            );
            labels.insert(
                "operator.istio.io/component".into(),
                self.flavour.component_label.into(),
            );
            labels.insert("sidecar.istio.io/inject".into(), "false".into());
            labels.insert(
                "app.kubernetes.io/name".into(),
                self.flavour.chart_name.into(),
            );
            // Legacy gateways stay out of the ambient data plane.
            labels.insert("istio.io/dataplane-mode".into(), "none".into());
        }
        Self::chart_labels(&mut labels);
        labels
    }

    fn pod_annotations(&self, injected: bool) -> BTreeMap<String, String> {
        let mut annotations = BTreeMap::new();
        if !injected {
            annotations.insert("istio.io/rev".into(), self.revision_label());
        }
        if self.context.truthy("meshConfig.enablePrometheusMerge") {
            annotations.insert("prometheus.io/port".into(), "15020".into());
            annotations.insert("prometheus.io/scrape".into(), "true".into());
            annotations.insert("prometheus.io/path".into(), "/stats/prometheus".into());
        }
        let inject = if injected { "true" } else { "false" };
        annotations.insert("sidecar.istio.io/inject".into(), inject.into());
        if injected {
            annotations.insert(
                "inject.istio.io/templates".into(),
                self.text("injectionTemplate"),
            );
        }
        annotations.extend(string_map(self.get("podAnnotations")));
        annotations
    }

    /// Built as JSON: a named `targetPort` is printed as the container port verbatim.
    fn container_ports(&self) -> Value {
        let mut ports: Vec<Value> = self
            .list("ports")
            .iter()
            .map(|port| {
                let number = port
                    .get("targetPort")
                    .filter(|p| truthy(p))
                    .or_else(|| port.get("port"))
                    .map_or(Value::Null, helm_scalar);
                let protocol = port
                    .get("protocol")
                    .filter(|p| truthy(p))
                    .map_or_else(|| json!("TCP"), helm_scalar);
                json!({"containerPort": number, "protocol": protocol})
            })
            .collect();
        ports.push(json!({"containerPort": 15090, "protocol": "TCP", "name": "http-envoy-prom"}));
        Value::Array(ports)
    }

    fn image(&self) -> String {
        let image = self.context.str("global.proxy.image");
        if image.contains('/') {
            return image;
        }
        let image = if image.is_empty() {
            "proxyv2".to_string()
        } else {
            image
        };
        let tag = Some(self.text("tag"))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| self.context.str("global.tag"));
        let variant = Some(self.context.str("global.proxy.variant"))
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| self.context.str("global.variant"));
        let suffix = if variant.is_empty() {
            String::new()
        } else {
            format!("-{variant}")
        };
        format!("{}/{image}:{tag}{suffix}", self.context.str("global.hub"))
    }

    fn args(&self) -> Vec<String> {
        let context = self.context;
        let mut args = vec![
            "proxy".to_string(),
            "router".into(),
            "--domain".into(),
            format!(
                "$(POD_NAMESPACE).svc.{}",
                context.str("global.proxy.clusterDomain")
            ),
        ];
        if context.truthy("global.proxy.logLevel") {
            args.push(format!(
                "--proxyLogLevel={}",
                context.str("global.proxy.logLevel")
            ));
        }
        if context.truthy("global.proxy.componentLogLevel") {
            args.push(format!(
                "--proxyComponentLogLevel={}",
                context.str("global.proxy.componentLogLevel")
            ));
        }
        if context.truthy("global.logging.level") {
            args.push(format!(
                "--log_output_level={}",
                context.str("global.logging.level")
            ));
        }
        if context.truthy("global.logAsJson") {
            args.push("--log_as_json".into());
        }
        if context.truthy("global.sts.servicePort") {
            args.push(format!(
                "--stsPort={}",
                context.str("global.sts.servicePort")
            ));
        }
        args
    }

    fn env(&self) -> Vec<EnvVar> {
        let context = self.context;
        let field = |name: &str, path: &str, api_version: bool| EnvVar {
            name: name.into(),
            value_from: Some(EnvVarSource {
                field_ref: Some(ObjectFieldSelector {
                    api_version: api_version.then(|| "v1".into()),
                    field_path: path.into(),
                }),
                ..EnvVarSource::default()
            }),
            ..EnvVar::default()
        };
        let plain = |name: &str, value: String| EnvVar {
            name: name.into(),
            value: Some(value),
            ..EnvVar::default()
        };
        let ca_address = if context.truthy("global.caAddress") {
            context.str("global.caAddress")
        } else {
            format!(
                "istiod{}.{}.svc:15012",
                context.revision_suffix(),
                context.str("global.istioNamespace")
            )
        };
        let mut env = vec![
            plain(
                "PILOT_CERT_PROVIDER",
                context.str("global.pilotCertProvider"),
            ),
            plain("CA_ADDR", ca_address),
            field("NODE_NAME", "spec.nodeName", true),
            field("POD_NAME", "metadata.name", true),
            field("POD_NAMESPACE", "metadata.namespace", true),
            field("INSTANCE_IP", "status.podIP", true),
            field("HOST_IP", "status.hostIP", true),
            EnvVar {
                name: "ISTIO_CPU_LIMIT".into(),
                value_from: Some(EnvVarSource {
                    resource_field_ref: Some(ResourceFieldSelector {
                        resource: "limits.cpu".into(),
                        divisor: Some(Quantity("1".into())),
                        ..ResourceFieldSelector::default()
                    }),
                    ..EnvVarSource::default()
                }),
                ..EnvVar::default()
            },
            field("SERVICE_ACCOUNT", "spec.serviceAccountName", false),
            plain("ISTIO_META_WORKLOAD_NAME", self.name.clone()),
            plain(
                "ISTIO_META_OWNER",
                format!(
                    "kubernetes://apis/apps/v1/namespaces/{}/deployments/{}",
                    self.namespace(),
                    self.name
                ),
            ),
        ];
        let trust_domain = context.str("meshConfig.trustDomain");
        if context.truthy("global.meshID") {
            env.push(plain("ISTIO_META_MESH_ID", context.str("global.meshID")));
        } else if !trust_domain.is_empty() {
            env.push(plain("ISTIO_META_MESH_ID", trust_domain.clone()));
        }
        if !trust_domain.is_empty() {
            env.push(plain("TRUST_DOMAIN", trust_domain));
        }
        if !self.truthy("runAsRoot") {
            env.push(plain("ISTIO_META_UNPRIVILEGED_POD", "true".into()));
        }
        for (key, value) in sorted_entries(self.get("env")) {
            env.push(plain(&key, helm_text(&value)));
        }
        for (key, value) in sorted_entries(context.get("meshConfig.defaultConfig.proxyMetadata")) {
            env.push(plain(&key, helm_text(&value)));
        }
        let network_set = self
            .get("env")
            .and_then(|e| e.get("ISTIO_META_NETWORK"))
            .is_some_and(truthy);
        if !network_set && context.truthy("global.network") {
            env.push(plain("ISTIO_META_NETWORK", context.str("global.network")));
        }
        let cluster = context.str("global.multiCluster.clusterName");
        env.push(plain(
            "ISTIO_META_CLUSTER_ID",
            if cluster.is_empty() {
                "Kubernetes".into()
            } else {
                cluster
            },
        ));
        env.push(field("ISTIO_META_NODE_NAME", "spec.nodeName", false));
        env
    }

    /// Mounts of the user's `secretVolumes` and `configVolumes` (those with a mount path).
    fn user_volume_mounts(&self) -> Vec<VolumeMount> {
        let mut mounts = Vec::new();
        for volume in self.list("secretVolumes") {
            mounts.push(VolumeMount {
                name: volume.get("name").map(helm_text).unwrap_or_default(),
                mount_path: volume.get("mountPath").map(helm_text).unwrap_or_default(),
                read_only: Some(true),
                ..VolumeMount::default()
            });
        }
        for volume in self.list("configVolumes") {
            if volume.get("mountPath").is_some_and(truthy) {
                mounts.push(VolumeMount {
                    name: volume.get("name").map(helm_text).unwrap_or_default(),
                    mount_path: volume.get("mountPath").map(helm_text).unwrap_or_default(),
                    read_only: Some(true),
                    ..VolumeMount::default()
                });
            }
        }
        mounts
    }

    fn user_volumes(&self) -> Vec<Volume> {
        let mut volumes = Vec::new();
        for volume in self.list("secretVolumes") {
            volumes.push(Volume {
                name: volume.get("name").map(helm_text).unwrap_or_default(),
                secret: Some(SecretVolumeSource {
                    secret_name: volume.get("secretName").map(helm_text),
                    optional: Some(true),
                    ..SecretVolumeSource::default()
                }),
                ..Volume::default()
            });
        }
        for volume in self.list("configVolumes") {
            volumes.push(Volume {
                name: volume.get("name").map(helm_text).unwrap_or_default(),
                config_map: Some(ConfigMapVolumeSource {
                    name: volume
                        .get("configMapName")
                        .map(helm_text)
                        .unwrap_or_default(),
                    optional: Some(true),
                    ..ConfigMapVolumeSource::default()
                }),
                ..Volume::default()
            });
        }
        volumes
    }

    fn volume_mounts(&self) -> Vec<VolumeMount> {
        let mount = |name: &str, path: &str, read_only: bool| VolumeMount {
            name: name.into(),
            mount_path: path.into(),
            read_only: read_only.then_some(true),
            ..VolumeMount::default()
        };
        let mut mounts = vec![
            mount(
                "workload-socket",
                "/var/run/secrets/workload-spiffe-uds",
                false,
            ),
            mount(
                "credential-socket",
                "/var/run/secrets/credential-uds",
                false,
            ),
            mount(
                "workload-certs",
                "/var/run/secrets/workload-spiffe-credentials",
                false,
            ),
            mount("istio-envoy", "/etc/istio/proxy", false),
            mount("config-volume", "/etc/istio/config", false),
        ];
        if self.context.str("global.pilotCertProvider") == "istiod" {
            mounts.push(mount("istiod-ca-cert", "/var/run/secrets/istio", false));
        }
        mounts.push(mount("istio-token", "/var/run/secrets/tokens", true));
        if self.context.truthy("global.mountMtlsCerts") {
            mounts.push(mount("istio-certs", "/etc/certs", true));
        }
        mounts.push(mount("istio-data", "/var/lib/istio/data", false));
        mounts.push(mount("podinfo", "/etc/istio/pod", false));
        mounts.extend(self.user_volume_mounts());
        mounts
    }

    fn volumes(&self) -> Vec<Volume> {
        let context = self.context;
        let empty = |name: &str| Volume {
            name: name.into(),
            empty_dir: Some(EmptyDirVolumeSource::default()),
            ..Volume::default()
        };
        let mut volumes = vec![
            empty("workload-socket"),
            empty("credential-socket"),
            empty("workload-certs"),
        ];
        if context.str("global.pilotCertProvider") == "istiod" {
            let bundle = context.str("global.trustBundleName");
            let trust_bundle_api = context
                .get("pilot.env.ENABLE_CLUSTER_TRUST_BUNDLE_API")
                .is_some_and(|v| v == &Value::Bool(true));
            volumes.push(if trust_bundle_api {
                Volume {
                    name: "istiod-ca-cert".into(),
                    projected: Some(ProjectedVolumeSource {
                        sources: Some(vec![VolumeProjection {
                            cluster_trust_bundle: Some(ClusterTrustBundleProjection {
                                name: Some(format!(
                                    "istio.io:istiod-ca:{}",
                                    if bundle.is_empty() {
                                        "root-cert"
                                    } else {
                                        &bundle
                                    }
                                )),
                                path: "root-cert.pem".into(),
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
                    name: "istiod-ca-cert".into(),
                    config_map: Some(ConfigMapVolumeSource {
                        name: if bundle.is_empty() {
                            "istio-ca-root-cert".into()
                        } else {
                            bundle
                        },
                        ..ConfigMapVolumeSource::default()
                    }),
                    ..Volume::default()
                }
            });
        }
        let downward = |path: &str, field: &str| DownwardAPIVolumeFile {
            path: path.into(),
            field_ref: Some(ObjectFieldSelector {
                field_path: field.into(),
                ..ObjectFieldSelector::default()
            }),
            ..DownwardAPIVolumeFile::default()
        };
        volumes.push(Volume {
            name: "podinfo".into(),
            downward_api: Some(DownwardAPIVolumeSource {
                items: Some(vec![
                    downward("labels", "metadata.labels"),
                    downward("annotations", "metadata.annotations"),
                ]),
                ..DownwardAPIVolumeSource::default()
            }),
            ..Volume::default()
        });
        volumes.push(empty("istio-envoy"));
        volumes.push(empty("istio-data"));
        volumes.push(Volume {
            name: "istio-token".into(),
            projected: Some(ProjectedVolumeSource {
                sources: Some(vec![VolumeProjection {
                    service_account_token: Some(ServiceAccountTokenProjection {
                        path: "istio-token".into(),
                        expiration_seconds: Some(43200),
                        audience: Some(context.str("global.sds.token.aud")),
                        ..ServiceAccountTokenProjection::default()
                    }),
                    ..VolumeProjection::default()
                }]),
                ..ProjectedVolumeSource::default()
            }),
            ..Volume::default()
        });
        if context.truthy("global.mountMtlsCerts") {
            volumes.push(Volume {
                name: "istio-certs".into(),
                secret: Some(SecretVolumeSource {
                    // The chart names the default gateway's secret whatever the gateway's name.
                    secret_name: Some(format!("istio.{}-service-account", self.flavour.chart_name)),
                    optional: Some(true),
                    ..SecretVolumeSource::default()
                }),
                ..Volume::default()
            });
        }
        volumes.push(Volume {
            name: "config-volume".into(),
            config_map: Some(ConfigMapVolumeSource {
                name: format!("istio{}", context.revision_suffix()),
                optional: Some(true),
                ..ConfigMapVolumeSource::default()
            }),
            ..Volume::default()
        });
        volumes.extend(self.user_volumes());
        volumes
    }

    fn pod_security_context(&self) -> Option<PodSecurityContext> {
        if self.truthy("runAsRoot") {
            return None;
        }
        let platform = Some(self.context.str("platform"))
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| self.context.str("global.platform"));
        // OpenShift assigns the user and group itself.
        let fixed_ids = platform != "openshift";
        Some(PodSecurityContext {
            run_as_user: fixed_ids.then_some(1337),
            run_as_group: fixed_ids.then_some(1337),
            run_as_non_root: Some(true),
            ..PodSecurityContext::default()
        })
    }

    fn container_security_context(&self) -> Option<SecurityContext> {
        (!self.truthy("runAsRoot")).then(|| SecurityContext {
            allow_privilege_escalation: Some(false),
            capabilities: Some(Capabilities {
                drop: Some(vec!["ALL".into()]),
                ..Capabilities::default()
            }),
            privileged: Some(false),
            read_only_root_filesystem: Some(true),
            ..SecurityContext::default()
        })
    }

    fn deployment(&self) -> Result<Value, String> {
        let injected = !self.text("injectionTemplate").is_empty();
        let context = self.context;
        let mut labels = self.labels(true);
        if !injected {
            labels.insert("istio.io/dataplane-mode".into(), "none".into());
        }
        let container = if injected {
            Container {
                name: "istio-proxy".into(),
                // The injector replaces it with the proxy image.
                image: Some("auto".into()),
                image_pull_policy: Some(context.str("global.imagePullPolicy"))
                    .filter(|p| !p.is_empty()),
                security_context: self.container_security_context(),
                env: Some(self.injected_env()),
                volume_mounts: Some(self.user_volume_mounts()),
                ..Container::default()
            }
        } else {
            Container {
                name: "istio-proxy".into(),
                image: Some(self.image()),
                image_pull_policy: Some(context.str("global.imagePullPolicy"))
                    .filter(|p| !p.is_empty()),
                args: Some(self.args()),
                security_context: self.container_security_context(),
                readiness_probe: Some(Probe {
                    failure_threshold: Some(30),
                    http_get: Some(HTTPGetAction {
                        path: Some("/healthz/ready".into()),
                        port: IntOrString::Int(15021),
                        scheme: Some("HTTP".into()),
                        ..HTTPGetAction::default()
                    }),
                    initial_delay_seconds: Some(1),
                    period_seconds: Some(2),
                    success_threshold: Some(1),
                    timeout_seconds: Some(1),
                    ..Probe::default()
                }),
                env: Some(self.env()),
                volume_mounts: Some(self.volume_mounts()),
                ..Container::default()
            }
        };
        let volumes = if injected {
            self.user_volumes()
        } else {
            self.volumes()
        };
        let priority_class =
            Some(context.str("global.priorityClassName")).filter(|p| !p.is_empty());
        let deployment = Deployment {
            metadata: self.metadata(self.name.clone(), labels),
            spec: DeploymentSpec {
                selector: LabelSelector {
                    match_labels: Some(self.selector_labels()),
                    ..LabelSelector::default()
                },
                strategy: Some(DeploymentStrategy {
                    rolling_update: Some(RollingUpdateDeployment {
                        max_surge: self.get("rollingMaxSurge").map(int_or_string),
                        max_unavailable: self.get("rollingMaxUnavailable").map(int_or_string),
                    }),
                    ..DeploymentStrategy::default()
                }),
                template: PodTemplateSpec {
                    metadata: Some(ObjectMeta {
                        labels: Some(self.pod_template_labels(injected)),
                        annotations: Some(self.pod_annotations(injected)),
                        ..ObjectMeta::default()
                    }),
                    spec: Some(PodSpec {
                        security_context: self.pod_security_context(),
                        service_account_name: Some(self.service_account_name()),
                        priority_class_name: priority_class,
                        containers: vec![container],
                        volumes: Some(volumes),
                        ..PodSpec::default()
                    }),
                },
                ..DeploymentSpec::default()
            },
            ..Deployment::default()
        };
        let mut value = to_json(&deployment)?;
        // Fields printed verbatim from values: kept as the YAML re-parse of Helm's text gives them.
        if let Some(replicas) = self
            .get("replicaCount")
            .filter(|r| truthy(r) && !self.truthy("autoscaleEnabled"))
        {
            insert(&mut value, &["spec"], "replicas", helm_scalar(replicas));
        }
        let pod_spec = ["spec", "template", "spec"];
        let container_path = ["spec", "template", "spec", "containers", "0"];
        insert(&mut value, &container_path, "ports", self.container_ports());
        insert(&mut value, &container_path, "resources", self.resources());
        let extra_containers = self.list("additionalContainers");
        if let Some(containers) = at_mut(&mut value, &["spec", "template", "spec", "containers"])
            .and_then(Value::as_array_mut)
        {
            containers.extend(extra_containers);
        }
        insert(&mut value, &pod_spec, "affinity", self.affinity());
        // Env and volume names are printed unquoted, so YAML may retype them (`Y` is `true`).
        for path in [
            &["spec", "template", "spec", "volumes"][..],
            &container_path[..],
        ] {
            retype_names(&mut value, path);
        }
        let tolerations = self.get("tolerations").filter(|t| truthy(t)).or_else(|| {
            context
                .get("global.defaultTolerations")
                .filter(|t| truthy(t))
        });
        if let Some(tolerations) = tolerations {
            insert(&mut value, &pod_spec, "tolerations", tolerations.clone());
        }
        Ok(value)
    }

    /// The injected gateway only carries the gateway-specific env; the injector adds the rest.
    fn injected_env(&self) -> Vec<EnvVar> {
        let mut env = Vec::new();
        if !self.truthy("runAsRoot") {
            env.push(EnvVar {
                name: "ISTIO_META_UNPRIVILEGED_POD".into(),
                value: Some("true".into()),
                ..EnvVar::default()
            });
        }
        for (key, value) in sorted_entries(self.get("env")) {
            env.push(EnvVar {
                name: key,
                value: Some(helm_text(&value)),
                ..EnvVar::default()
            });
        }
        env
    }

    /// The container's resources: the gateway's own, else the global defaults; only non-empty
    /// entries are kept, and nothing at all gives `null` as the chart's empty block does.
    fn resources(&self) -> Value {
        let source = self
            .get("resources")
            .filter(|r| truthy(r))
            .or_else(|| self.context.get("global.defaultResources"));
        let mut out = Map::new();
        for key in ["limits", "requests"] {
            let kept: Map<String, Value> = sorted_entries(source.and_then(|s| s.get(key)))
                .into_iter()
                .filter(|(_, value)| truthy(value))
                .map(|(name, value)| (name, helm_scalar(&value)))
                .collect();
            if !kept.is_empty() {
                out.insert(key.into(), Value::Object(kept));
            }
        }
        if out.is_empty() {
            Value::Null
        } else {
            Value::Object(out)
        }
    }

    fn affinity(&self) -> Value {
        let context = self.context;
        let arch: Vec<(String, i64)> = sorted_entries(context.get("global.arch"))
            .into_iter()
            .map(|(key, value)| (key, helm_int(Some(&value)).unwrap_or(0)))
            .collect();
        let node_selector = self
            .get("nodeSelector")
            .filter(|n| truthy(n))
            .or_else(|| context.get("global.defaultNodeSelector"));
        let selector_entries = sorted_entries(node_selector);
        let mut required = Value::Null;
        if !arch.is_empty() || !selector_entries.is_empty() {
            let mut expressions = Vec::new();
            if !arch.is_empty() {
                let preferred: Vec<Value> = arch
                    .iter()
                    .filter(|(_, weight)| *weight > 0)
                    .map(|(key, _)| json!(key))
                    .collect();
                expressions.push(json!({
                    "key": "kubernetes.io/arch",
                    "operator": "In",
                    "values": if preferred.is_empty() { Value::Null } else { Value::Array(preferred) },
                }));
            }
            for (key, value) in selector_entries {
                expressions.push(json!({
                    "key": key,
                    "operator": "In",
                    "values": [helm_text(&value)],
                }));
            }
            required = json!({"nodeSelectorTerms": [{"matchExpressions": expressions}]});
        }
        let preferred: Vec<Value> = arch
            .iter()
            .filter(|(_, weight)| *weight > 0)
            .map(|(key, weight)| {
                json!({
                    "weight": weight,
                    "preference": {"matchExpressions": [
                        {"key": "kubernetes.io/arch", "operator": "In", "values": [key]},
                    ]},
                })
            })
            .collect();
        let mut affinity = json!({
            "nodeAffinity": {
                "requiredDuringSchedulingIgnoredDuringExecution": required,
                "preferredDuringSchedulingIgnoredDuringExecution":
                    if preferred.is_empty() { Value::Null } else { Value::Array(preferred) },
            },
        });
        let hard = self.list("podAntiAffinityLabelSelector");
        let soft = self.list("podAntiAffinityTermLabelSelector");
        if !hard.is_empty() || !soft.is_empty() {
            let mut anti = Map::new();
            if !hard.is_empty() {
                let terms = hard.iter().map(anti_affinity_term).collect();
                anti.insert(
                    "requiredDuringSchedulingIgnoredDuringExecution".into(),
                    Value::Array(terms),
                );
            }
            if !soft.is_empty() {
                let terms = soft
                    .iter()
                    .map(|item| {
                        let mut term = anti_affinity_term(item);
                        if let Some(map) = term.as_object_mut() {
                            // The preferred form never lists namespaces.
                            map.remove("namespaces");
                        }
                        json!({"podAffinityTerm": term, "weight": 100})
                    })
                    .collect();
                anti.insert(
                    "preferredDuringSchedulingIgnoredDuringExecution".into(),
                    Value::Array(terms),
                );
            }
            if let Some(map) = affinity.as_object_mut() {
                map.insert("podAntiAffinity".into(), Value::Object(anti));
            }
        }
        affinity
    }

    fn service(&self) -> Result<Value, String> {
        let service = Service {
            metadata: self.metadata(self.name.clone(), self.labels(true)),
            spec: Some(ServiceSpec {
                selector: Some(self.selector_labels()),
                ..ServiceSpec::default()
            }),
            ..Service::default()
        };
        let mut value = to_json(&service)?;
        let annotations: Map<String, Value> = sorted_entries(self.get("serviceAnnotations"))
            .into_iter()
            .map(|(key, value)| (key, Value::String(helm_text(&value))))
            .collect();
        // An empty annotations block renders as `annotations: null`.
        let annotations = if annotations.is_empty() {
            Value::Null
        } else {
            Value::Object(annotations)
        };
        insert(&mut value, &["metadata"], "annotations", annotations);
        let spec = ["spec"];
        if self.truthy("loadBalancerIP") {
            insert(
                &mut value,
                &spec,
                "loadBalancerIP",
                Value::String(self.text("loadBalancerIP")),
            );
        }
        if let Some(ranges) = self.get("loadBalancerSourceRanges").filter(|r| truthy(r)) {
            insert(
                &mut value,
                &spec,
                "loadBalancerSourceRanges",
                ranges.clone(),
            );
        }
        if let Some(policy) = self.get("externalTrafficPolicy").filter(|p| truthy(p)) {
            insert(
                &mut value,
                &spec,
                "externalTrafficPolicy",
                helm_scalar(policy),
            );
        }
        insert(
            &mut value,
            &spec,
            "type",
            self.get("type").map_or(Value::Null, helm_scalar),
        );
        let mut ports: Vec<Value> = self
            .list("ports")
            .iter()
            .map(|port| {
                Value::Object(
                    sorted_entries(Some(port))
                        .into_iter()
                        .map(|(key, value)| (key, helm_scalar(&value)))
                        .collect(),
                )
            })
            .collect();
        for extra in self.list(self.flavour.extra_ports_key) {
            ports.push(json!({
                "port": extra.get("port").map_or(Value::Null, helm_scalar),
                "name": extra.get("name").map_or(Value::Null, helm_scalar),
            }));
        }
        let ports = if ports.is_empty() {
            Value::Null
        } else {
            Value::Array(ports)
        };
        insert(&mut value, &spec, "ports", ports);
        if let Some(policy) = self.get("ipFamilyPolicy").filter(|p| truthy(p)) {
            insert(&mut value, &spec, "ipFamilyPolicy", helm_scalar(policy));
        }
        let families = self.list("ipFamilies");
        if !families.is_empty() {
            let families = families.iter().map(helm_scalar).collect();
            insert(&mut value, &spec, "ipFamilies", Value::Array(families));
        }
        Ok(value)
    }

    fn autoscaler(&self) -> Result<Value, String> {
        let utilization = self
            .get("cpu")
            .and_then(|cpu| cpu.get("targetAverageUtilization"));
        let autoscaler = HorizontalPodAutoscaler {
            metadata: self.metadata(self.name.clone(), self.labels(true)),
            spec: HorizontalPodAutoscalerSpec {
                max_replicas: helm_int(self.get("autoscaleMax")).unwrap_or_default() as i32,
                min_replicas: helm_int(self.get("autoscaleMin")).map(|m| m as i32),
                scale_target_ref: CrossVersionObjectReference {
                    api_version: Some("apps/v1".into()),
                    kind: "Deployment".into(),
                    name: self.name.clone(),
                },
                metrics: Some(vec![MetricSpec {
                    type_: "Resource".into(),
                    resource: Some(ResourceMetricSource {
                        name: "cpu".into(),
                        target: MetricTarget {
                            type_: "Utilization".into(),
                            average_utilization: helm_int(utilization).map(|u| u as i32),
                            ..MetricTarget::default()
                        },
                    }),
                    ..MetricSpec::default()
                }]),
                ..HorizontalPodAutoscalerSpec::default()
            },
            ..HorizontalPodAutoscaler::default()
        };
        to_json(&autoscaler)
    }

    fn disruption_budget(&self) -> Result<Option<Value>, String> {
        if !self
            .context
            .truthy("global.defaultPodDisruptionBudget.enabled")
        {
            return Ok(None);
        }
        let autoscale = self.truthy("autoscaleEnabled");
        // A budget on a single replica would block node drains (kubernetes#93476).
        let several = if autoscale {
            helm_int(self.get("autoscaleMin")).unwrap_or(0) > 1
        } else {
            helm_int(self.get("replicaCount")).unwrap_or(0) > 1
        };
        if !several {
            return Ok(None);
        }
        let budget = PodDisruptionBudget {
            metadata: self.metadata(self.name.clone(), self.labels(true)),
            spec: Some(PodDisruptionBudgetSpec {
                min_available: Some(IntOrString::Int(1)),
                selector: Some(LabelSelector {
                    match_labels: Some(self.selector_labels()),
                    ..LabelSelector::default()
                }),
                ..PodDisruptionBudgetSpec::default()
            }),
            ..PodDisruptionBudget::default()
        };
        to_json(&budget).map(Some)
    }

    fn network_policy(&self) -> Result<Value, String> {
        let mut labels = BTreeMap::new();
        labels.insert("app".to_string(), self.name.clone());
        labels.insert("istio.io/rev".into(), self.revision_label());
        labels.insert(
            "install.operator.istio.io/owning-resource".into(),
            self.owner(),
        );
        labels.insert(
            "operator.istio.io/component".into(),
            self.flavour.component_label.into(),
        );
        labels.insert("istio".into(), self.flavour.istio_label.into());
        labels.insert("release".into(), RELEASE_NAME.into());
        labels.insert(
            "app.kubernetes.io/name".into(),
            self.flavour.chart_name.into(),
        );
        let tcp = |port: i32| NetworkPolicyPort {
            protocol: Some("TCP".into()),
            port: Some(IntOrString::Int(port)),
            ..NetworkPolicyPort::default()
        };
        let mut ingress = vec![
            NetworkPolicyIngressRule {
                ports: Some(vec![tcp(15021)]),
                ..NetworkPolicyIngressRule::default()
            },
            NetworkPolicyIngressRule {
                ports: Some(vec![tcp(15020), tcp(15090)]),
                ..NetworkPolicyIngressRule::default()
            },
        ];
        for port in self.list("ports") {
            let target = port
                .get("targetPort")
                .filter(|t| truthy(t))
                .or_else(|| port.get("port"))
                .map(int_or_string);
            ingress.push(NetworkPolicyIngressRule {
                ports: Some(vec![NetworkPolicyPort {
                    protocol: Some(
                        port.get("protocol")
                            .map(helm_text)
                            .filter(|p| !p.is_empty())
                            .unwrap_or_else(|| "TCP".into()),
                    ),
                    port: target,
                    ..NetworkPolicyPort::default()
                }]),
                ..NetworkPolicyIngressRule::default()
            });
        }
        let policy = NetworkPolicy {
            metadata: self.metadata(
                format!("{}{}", self.name, self.context.revision_suffix()),
                labels,
            ),
            spec: Some(NetworkPolicySpec {
                pod_selector: Some(LabelSelector {
                    match_labels: Some(self.selector_labels()),
                    ..LabelSelector::default()
                }),
                policy_types: Some(vec!["Ingress".into(), "Egress".into()]),
                ingress: Some(ingress),
                // Gateways reach istiod, external services and the rest of the cluster.
                egress: Some(vec![NetworkPolicyEgressRule::default()]),
            }),
        };
        to_json(&policy)
    }
}

/// istioctl copies `k8s.service.ports` into the values through Kubernetes' `ServicePort` type, so
/// its always-present fields (`port`, `targetPort`) appear as `0` when unset and empty optional
/// ones disappear. The chart then prints every key it finds into the Service.
fn normalise_component_ports(context: &ChartContext, gateway: &mut Value) {
    let from_component = crate::merge::get_path(&context.instance.raw, "k8s.service.ports")
        .and_then(Value::as_array)
        .is_some_and(|ports| !ports.is_empty());
    if !from_component {
        return;
    }
    let Some(ports) = gateway.get_mut("ports").and_then(Value::as_array_mut) else {
        return;
    };
    for port in ports.iter_mut() {
        let Some(map) = port.as_object_mut() else {
            continue;
        };
        map.retain(|_, value| truthy(value) || value.is_number());
        for always in ["port", "targetPort"] {
            map.entry(always).or_insert(json!(0));
        }
    }
}

fn anti_affinity_term(item: &Value) -> Value {
    let text = |key: &str| item.get(key).filter(|v| truthy(v)).map(helm_text);
    let split =
        |text: String| -> Value { Value::Array(text.split(',').map(|s| json!(s)).collect()) };
    let mut expression = json!({
        "key": item.get("key").map_or(Value::Null, helm_scalar),
        "operator": item.get("operator").map_or(Value::Null, helm_scalar),
    });
    if let (Some(values), Some(map)) = (text("values"), expression.as_object_mut()) {
        map.insert("values".into(), split(values));
    }
    let mut term = json!({
        "labelSelector": {"matchExpressions": [expression]},
        "topologyKey": item.get("topologyKey").map_or(Value::Null, helm_scalar),
    });
    if let (Some(namespaces), Some(map)) = (text("namespaces"), term.as_object_mut()) {
        map.insert("namespaces".into(), split(namespaces));
    }
    term
}

fn to_json<T: Serialize>(object: &T) -> Result<Value, String> {
    serde_json::to_value(object).map_err(|error| error.to_string())
}

/// Retypes the `name` of every element of the list(s) at `path` (a pod's `volumes`, or a
/// container's `env` and `volumeMounts`) as a YAML re-read of Helm's unquoted text would.
fn retype_names(value: &mut Value, path: &[&str]) {
    let Some(target) = at_mut(value, path) else {
        return;
    };
    let lists: Vec<&mut Value> = match target {
        Value::Array(_) => vec![target],
        Value::Object(map) => map
            .iter_mut()
            .filter(|(key, _)| matches!(key.as_str(), "env" | "volumeMounts"))
            .map(|(_, list)| list)
            .collect(),
        _ => Vec::new(),
    };
    for list in lists {
        for item in list.as_array_mut().into_iter().flatten() {
            if let Some(name) = item.get_mut("name") {
                *name = helm_scalar(name);
            }
        }
    }
}

/// Walks to an object by keys (numeric segments index lists).
fn at_mut<'v>(value: &'v mut Value, path: &[&str]) -> Option<&'v mut Value> {
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

/// Sets `key` in the object at `path`, which the typed render always creates.
fn insert(value: &mut Value, path: &[&str], key: &str, field: Value) {
    if let Some(Value::Object(map)) = at_mut(value, path) {
        map.insert(key.to_string(), field);
    }
}

/// A map's entries in key order (Go templates range over maps sorted by key).
fn sorted_entries(value: Option<&Value>) -> Vec<(String, Value)> {
    let mut entries: Vec<(String, Value)> = value
        .and_then(Value::as_object)
        .map(|map| map.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries
}

fn string_map(value: Option<&Value>) -> BTreeMap<String, String> {
    sorted_entries(value)
        .into_iter()
        .map(|(key, value)| (key, helm_text(&value)))
        .collect()
}

/// A value as a Go template prints it.
fn helm_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A value printed unquoted into YAML and read back with YAML 1.1 rules (as istioctl reads Helm's
/// output): numeric, boolean (`yes`, `Y`, `off`, …) and null text changes type.
fn helm_scalar(value: &Value) -> Value {
    let Value::String(text) = value else {
        return value.clone();
    };
    match text.as_str() {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Value::Bool(true);
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Value::Bool(false);
        }
        _ => {}
    }
    let plain = text.replace('_', "");
    let (negative, digits) = match plain.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, plain.strip_prefix('+').unwrap_or(&plain)),
    };
    let integer = if let Some(hex) = digits.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).ok()
    } else if let Some(binary) = digits.strip_prefix("0b") {
        i64::from_str_radix(binary, 2).ok()
    } else if digits.len() > 1 && digits.starts_with('0') {
        i64::from_str_radix(&digits[1..], 8).ok()
    } else if digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse::<i64>().ok()
    } else {
        None
    };
    if let Some(integer) = integer {
        return json!(if negative { -integer } else { integer });
    }
    if let Some(number) = Some(plain.as_str())
        .filter(|_| yaml_float_syntax(digits))
        .and_then(|text| text.parse::<f64>().ok())
        .and_then(serde_json::Number::from_f64)
    {
        return Value::Number(number);
    }
    value.clone()
}

/// The float spelling Go's YAML reader accepts, sign already removed:
/// `.5`, `5`, `5.`, `5.25`, each optionally followed by an exponent.
fn yaml_float_syntax(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", fraction)) => !fraction.is_empty() && digits(fraction),
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => !mantissa.is_empty() && digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// Helm's `int` of a value: numbers truncate, numeric text parses, anything else is 0.
fn helm_int(value: Option<&Value>) -> Option<i64> {
    match value? {
        Value::Number(number) => number
            .as_i64()
            .or_else(|| number.as_f64().map(|f| f as i64)),
        Value::String(text) => text.parse().ok(),
        Value::Bool(flag) => Some(i64::from(*flag)),
        _ => None,
    }
}

fn int_or_string(value: &Value) -> IntOrString {
    match helm_scalar(value) {
        Value::Number(number) => IntOrString::Int(number.as_i64().unwrap_or_default() as i32),
        other => IntOrString::String(helm_text(&other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::{InputFile, SetFlag, merge_inputs};
    use crate::yaml::Source;

    /// Every gateway object rendered for an input file and `--set` flags.
    fn gateway_objects(file: &str, flags: &[&str]) -> Vec<Value> {
        let source = Source("test.yaml".into());
        let files = vec![InputFile {
            tree: crate::yaml::parse_value(file, &source).unwrap(),
            source,
        }];
        let flags: Vec<SetFlag> = flags.iter().map(|f| SetFlag::parse(f).unwrap()).collect();
        let merged = merge_inputs(&files, &flags).unwrap();
        let mut objects = Vec::new();
        for instance in super::super::enabled_components(&merged).unwrap() {
            if instance.component.is_gateway() {
                let context = ChartContext::new(&merged, &instance).unwrap();
                objects.extend(render(&context).unwrap());
            }
        }
        objects
    }

    fn find<'a>(objects: &'a [Value], kind: &str, name: &str) -> Option<&'a Value> {
        objects
            .iter()
            .find(|o| o["kind"] == kind && o["metadata"]["name"] == name)
    }

    fn env<'a>(deployment: &'a Value, name: &str) -> Option<&'a Value> {
        deployment["spec"]["template"]["spec"]["containers"][0]["env"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
    }

    const EMPTY: &str = "spec: {}\n";

    #[test]
    fn default_profile_renders_the_ingress_gateway() {
        let objects = gateway_objects(EMPTY, &[]);
        let kinds: Vec<&str> = objects
            .iter()
            .map(|o| o["kind"].as_str().unwrap())
            .collect();
        assert_eq!(
            kinds,
            [
                "ServiceAccount",
                "Role",
                "RoleBinding",
                "Deployment",
                "Service",
                "HorizontalPodAutoscaler"
            ]
        );
        let deployment = find(&objects, "Deployment", "istio-ingressgateway").unwrap();
        assert_eq!(deployment["metadata"]["namespace"], "istio-system");
        assert_eq!(deployment["metadata"]["labels"]["istio"], "ingressgateway");
        assert_eq!(
            deployment["metadata"]["labels"]["istio.io/dataplane-mode"],
            "none"
        );
        assert_eq!(
            deployment["spec"]["selector"]["matchLabels"],
            json!({"app": "istio-ingressgateway", "istio": "ingressgateway"})
        );
        assert!(deployment["spec"].get("replicas").is_none());
        assert_eq!(
            deployment["spec"]["strategy"]["rollingUpdate"]["maxSurge"],
            "100%"
        );
        let template = &deployment["spec"]["template"];
        assert_eq!(template["metadata"]["labels"]["heritage"], "Tiller");
        assert_eq!(
            template["metadata"]["labels"]["service.istio.io/canonical-revision"],
            "latest"
        );
        assert_eq!(
            template["metadata"]["annotations"]["sidecar.istio.io/inject"],
            "false"
        );
        assert_eq!(
            template["metadata"]["annotations"]["prometheus.io/port"],
            "15020"
        );
        let pod = &template["spec"];
        assert_eq!(pod["securityContext"]["runAsUser"], 1337);
        assert_eq!(
            pod["serviceAccountName"],
            "istio-ingressgateway-service-account"
        );
        assert_eq!(
            pod["affinity"],
            json!({"nodeAffinity": {
                "requiredDuringSchedulingIgnoredDuringExecution": null,
                "preferredDuringSchedulingIgnoredDuringExecution": null,
            }})
        );
        let container = &pod["containers"][0];
        assert_eq!(container["image"], "docker.io/istio/proxyv2:1.31.0");
        assert_eq!(container["args"][3], "$(POD_NAMESPACE).svc.cluster.local");
        assert_eq!(
            container["ports"][1],
            json!({"containerPort": 8080, "protocol": "TCP"})
        );
        assert_eq!(container["resources"]["requests"]["cpu"], "100m");
        assert_eq!(
            env(deployment, "CA_ADDR").unwrap()["value"],
            "istiod.istio-system.svc:15012"
        );
        assert_eq!(
            env(deployment, "ISTIO_META_CLUSTER_ID").unwrap()["value"],
            "Kubernetes"
        );
        assert_eq!(pod["volumes"][3]["configMap"]["name"], "istio-ca-root-cert");

        let service = find(&objects, "Service", "istio-ingressgateway").unwrap();
        assert_eq!(service["metadata"]["annotations"], Value::Null);
        assert_eq!(service["spec"]["type"], "LoadBalancer");
        assert_eq!(
            service["spec"]["ports"][0],
            json!({"name": "status-port", "port": 15021, "protocol": "TCP", "targetPort": 15021})
        );
        let autoscaler = find(&objects, "HorizontalPodAutoscaler", "istio-ingressgateway").unwrap();
        assert_eq!(autoscaler["spec"]["minReplicas"], 1);
        assert_eq!(autoscaler["spec"]["maxReplicas"], 5);
        assert_eq!(
            autoscaler["spec"]["metrics"][0]["resource"]["target"]["averageUtilization"],
            80
        );
        let binding = find(&objects, "RoleBinding", "istio-ingressgateway-sds").unwrap();
        assert_eq!(
            binding["subjects"][0]["name"],
            "istio-ingressgateway-service-account"
        );
    }

    #[test]
    fn demo_profile_adds_the_egress_gateway_without_autoscaling() {
        let objects = gateway_objects("spec:\n  profile: demo\n", &[]);
        let egress = find(&objects, "Deployment", "istio-egressgateway").unwrap();
        assert_eq!(
            egress["metadata"]["labels"]["operator.istio.io/component"],
            "EgressGateways"
        );
        assert_eq!(
            egress["spec"]["template"]["spec"]["containers"][0]["resources"],
            json!({
                "limits": {"cpu": "2000m", "memory": "1024Mi"},
                "requests": {"cpu": "10m", "memory": "40Mi"},
            })
        );
        let service = find(&objects, "Service", "istio-egressgateway").unwrap();
        assert_eq!(service["spec"]["type"], "ClusterIP");
        assert!(
            objects
                .iter()
                .all(|o| o["kind"] != "HorizontalPodAutoscaler")
        );
        let ingress = find(&objects, "Service", "istio-ingressgateway").unwrap();
        assert_eq!(ingress["spec"]["ports"].as_array().unwrap().len(), 5);
    }

    #[test]
    fn revision_replicas_and_root_settings_follow_the_values() {
        let objects = gateway_objects(
            EMPTY,
            &[
                "revision=canary",
                "values.gateways.istio-ingressgateway.autoscaleEnabled=false",
                "values.gateways.istio-ingressgateway.replicaCount=3",
                "values.gateways.istio-ingressgateway.runAsRoot=true",
                "values.global.networkPolicy.enabled=true",
                "values.global.arch.amd64=2",
            ],
        );
        let deployment = find(&objects, "Deployment", "istio-ingressgateway").unwrap();
        assert_eq!(deployment["spec"]["replicas"], 3);
        assert_eq!(deployment["metadata"]["labels"]["istio.io/rev"], "canary");
        assert_eq!(
            env(deployment, "CA_ADDR").unwrap()["value"],
            "istiod-canary.istio-system.svc:15012"
        );
        assert!(env(deployment, "ISTIO_META_UNPRIVILEGED_POD").is_none());
        let pod = &deployment["spec"]["template"]["spec"];
        assert!(pod.get("securityContext").is_none());
        assert!(pod["containers"][0].get("securityContext").is_none());
        let config = pod["volumes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["name"] == "config-volume")
            .unwrap();
        assert_eq!(config["configMap"]["name"], "istio-canary");
        assert_eq!(
            pod["affinity"]["nodeAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"][0]["weight"],
            2
        );
        assert!(find(&objects, "HorizontalPodAutoscaler", "istio-ingressgateway").is_none());
        let budget = find(&objects, "PodDisruptionBudget", "istio-ingressgateway").unwrap();
        assert_eq!(budget["spec"]["minAvailable"], 1);
        let policy = find(&objects, "NetworkPolicy", "istio-ingressgateway-canary").unwrap();
        assert_eq!(policy["metadata"]["labels"]["app"], "istio-ingressgateway");
        assert_eq!(policy["spec"]["ingress"][2]["ports"][0]["port"], 15021);
        assert_eq!(policy["spec"]["egress"], json!([{}]));
    }

    #[test]
    fn component_ports_and_names_render_like_istioctl() {
        let file = "spec:\n  components:\n    ingressGateways:\n    - name: ilb\n      enabled: true\n      namespace: edge\n      label:\n        version: v2\n      k8s:\n        service:\n          ports:\n          - port: 15011\n            name: grpc\n";
        let objects = gateway_objects(file, &[]);
        let service = find(&objects, "Service", "ilb").unwrap();
        assert_eq!(
            service["spec"]["ports"],
            json!([{"name": "grpc", "port": 15011, "targetPort": 0}])
        );
        assert_eq!(service["metadata"]["namespace"], "edge");
        let deployment = find(&objects, "Deployment", "ilb").unwrap();
        let template = &deployment["spec"]["template"];
        assert_eq!(
            template["spec"]["containers"][0]["ports"][0],
            json!({"containerPort": 15011, "protocol": "TCP"})
        );
        // Outside istio-system the Helm 2 labels are not stamped.
        assert!(template["metadata"]["labels"].get("heritage").is_none());
        assert_eq!(
            template["metadata"]["labels"]["service.istio.io/canonical-revision"],
            "v2"
        );
        assert_eq!(
            template["metadata"]["labels"]["service.istio.io/canonical-name"],
            "ilb"
        );
        assert_eq!(
            env(deployment, "ISTIO_META_OWNER").unwrap()["value"],
            "kubernetes://apis/apps/v1/namespaces/edge/deployments/ilb"
        );
    }

    #[test]
    fn injection_template_renders_a_minimal_deployment() {
        let objects = gateway_objects(
            EMPTY,
            &[
                "values.gateways.istio-ingressgateway.injectionTemplate=gateway",
                "values.gateways.istio-ingressgateway.env.Y=z",
            ],
        );
        let deployment = find(&objects, "Deployment", "istio-ingressgateway").unwrap();
        let template = &deployment["spec"]["template"];
        assert_eq!(
            template["metadata"]["annotations"]["inject.istio.io/templates"],
            "gateway"
        );
        assert_eq!(
            template["metadata"]["labels"]["sidecar.istio.io/inject"],
            "true"
        );
        let container = &template["spec"]["containers"][0];
        assert_eq!(container["image"], "auto");
        assert!(container.get("args").is_none());
        // `Y` printed unquoted reads back as a YAML 1.1 boolean.
        assert_eq!(container["env"][1], json!({"name": true, "value": "z"}));
    }

    #[test]
    fn unquoted_scalars_are_retyped_as_yaml_reads_them() {
        assert_eq!(helm_scalar(&json!("8080")), json!(8080));
        assert_eq!(helm_scalar(&json!("0x10")), json!(16));
        assert_eq!(helm_scalar(&json!("08")), json!(8.0));
        assert_eq!(helm_scalar(&json!("off")), json!(false));
        assert_eq!(helm_scalar(&json!("")), Value::Null);
        assert_eq!(helm_scalar(&json!("http")), json!("http"));
        assert_eq!(helm_scalar(&json!("100m")), json!("100m"));
    }
}
