//! The gateway's Deployment: the proxy container (or the injection template's stub), its pod
//! labels and annotations, env, volumes, resources and affinity.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{
    Deployment, DeploymentSpec, DeploymentStrategy, RollingUpdateDeployment,
};
use k8s_openapi::api::core::v1::{
    Capabilities, ConfigMapVolumeSource, Container, DownwardAPIVolumeFile, DownwardAPIVolumeSource,
    EnvVar, HTTPGetAction, ObjectFieldSelector, PodSecurityContext, PodSpec, PodTemplateSpec,
    Probe, SecretVolumeSource, SecurityContext, Volume, VolumeMount,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::{Map, Value, json};

use super::{Gateway, insert, int_or_string};
use crate::render::chart;
use crate::render::error::ChartError;
use crate::render::helm::{self, truthy};
use crate::render::pod::{self, CaRoot};

impl Gateway<'_> {
    fn pod_template_labels(&self, injected: bool) -> BTreeMap<String, String> {
        let mut labels = self.selector_labels();
        if self.namespace() == "istio-system" {
            // Leftovers from the Helm 2 era the charts still stamp in the default namespace.
            labels.insert("heritage".into(), "Tiller".into());
            labels.insert("release".into(), chart::RELEASE.into());
            labels.insert("chart".into(), "gateways".into());
        }
        let revision = self.context.revision();
        let given = |key: &str| {
            self.get("labels")
                .and_then(|l| l.get(key))
                .map(helm::go_text)
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
        self.chart_labels(&mut labels);
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
        annotations.extend(helm::text_map(self.get("podAnnotations")));
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
                    .map_or(Value::Null, helm::reread);
                let protocol = port
                    .get("protocol")
                    .filter(|p| truthy(p))
                    .map_or_else(|| json!("TCP"), helm::reread);
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
        let field = |name: &str, path: &str, api_version: bool| {
            pod::field_env(name, path, api_version.then_some("v1"))
        };
        let plain = |name: &str, value: String| pod::env(name, value);
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
            pod::resource_env("ISTIO_CPU_LIMIT", "limits.cpu"),
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
        for (key, value) in helm::entries(self.get("env")) {
            env.push(plain(&key, helm::go_text(&value)));
        }
        for (key, value) in helm::entries(context.get("meshConfig.defaultConfig.proxyMetadata")) {
            env.push(plain(&key, helm::go_text(&value)));
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
                name: volume.get("name").map(helm::go_text).unwrap_or_default(),
                mount_path: volume
                    .get("mountPath")
                    .map(helm::go_text)
                    .unwrap_or_default(),
                read_only: Some(true),
                ..VolumeMount::default()
            });
        }
        for volume in self.list("configVolumes") {
            if volume.get("mountPath").is_some_and(truthy) {
                mounts.push(VolumeMount {
                    name: volume.get("name").map(helm::go_text).unwrap_or_default(),
                    mount_path: volume
                        .get("mountPath")
                        .map(helm::go_text)
                        .unwrap_or_default(),
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
                name: volume.get("name").map(helm::go_text).unwrap_or_default(),
                secret: Some(SecretVolumeSource {
                    secret_name: volume.get("secretName").map(helm::go_text),
                    optional: Some(true),
                    ..SecretVolumeSource::default()
                }),
                ..Volume::default()
            });
        }
        for volume in self.list("configVolumes") {
            volumes.push(Volume {
                name: volume.get("name").map(helm::go_text).unwrap_or_default(),
                config_map: Some(ConfigMapVolumeSource {
                    name: volume
                        .get("configMapName")
                        .map(helm::go_text)
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
        let mount = pod::mount;
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
        let empty = pod::empty_dir;
        let mut volumes = vec![
            empty("workload-socket"),
            empty("credential-socket"),
            empty("workload-certs"),
        ];
        if context.str("global.pilotCertProvider") == "istiod" {
            volumes.push(pod::ca_root_volume(CaRoot {
                name: "istiod-ca-cert",
                trust_bundle: &context.str("global.trustBundleName"),
                cluster_trust_bundle: pod::is_true(
                    context.get("pilot.env.ENABLE_CLUSTER_TRUST_BUNDLE_API"),
                ),
                optional: false,
            }));
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
        volumes.push(pod::token_volume(&context.str("global.sds.token.aud")));
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

    pub(super) fn deployment(&self) -> Result<Value, ChartError> {
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
        let mut value = chart::to_json(&deployment)?;
        // Fields printed verbatim from values: kept as the YAML re-parse of Helm's text gives them.
        if let Some(replicas) = self
            .get("replicaCount")
            .filter(|r| truthy(r) && !self.truthy("autoscaleEnabled"))
        {
            insert(&mut value, &["spec"], "replicas", helm::reread(replicas));
        }
        let pod_spec = ["spec", "template", "spec"];
        let container_path = ["spec", "template", "spec", "containers", "0"];
        insert(&mut value, &container_path, "ports", self.container_ports());
        insert(&mut value, &container_path, "resources", self.resources());
        let extra_containers = self.list("additionalContainers");
        if let Some(containers) =
            chart::at_mut(&mut value, &["spec", "template", "spec", "containers"])
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
            env.push(pod::env("ISTIO_META_UNPRIVILEGED_POD", "true"));
        }
        // This template prints `value: {{ $val | quote }}`: a null value prints nothing at all.
        for (key, value) in helm::entries(self.get("env")) {
            env.push(EnvVar {
                name: key,
                value: helm::quote(&value),
                value_from: None,
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
            let kept: Map<String, Value> = helm::entries(source.and_then(|s| s.get(key)))
                .into_iter()
                .filter(|(_, value)| truthy(value))
                .map(|(name, value)| (name, helm::reread(&value)))
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
        let arch: Vec<(String, i64)> = helm::entries(context.get("global.arch"))
            .into_iter()
            .map(|(key, value)| (key, helm::int(Some(&value)).unwrap_or(0)))
            .collect();
        let node_selector = self
            .get("nodeSelector")
            .filter(|n| truthy(n))
            .or_else(|| context.get("global.defaultNodeSelector"));
        let selector_entries = helm::entries(node_selector);
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
                    "values": [helm::go_text(&value)],
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
}

fn anti_affinity_term(item: &Value) -> Value {
    let text = |key: &str| item.get(key).filter(|v| truthy(v)).map(helm::go_text);
    let split =
        |text: String| -> Value { Value::Array(text.split(',').map(|s| json!(s)).collect()) };
    let mut expression = json!({
        "key": item.get("key").map_or(Value::Null, helm::reread),
        "operator": item.get("operator").map_or(Value::Null, helm::reread),
    });
    if let (Some(values), Some(map)) = (text("values"), expression.as_object_mut()) {
        map.insert("values".into(), split(values));
    }
    let mut term = json!({
        "labelSelector": {"matchExpressions": [expression]},
        "topologyKey": item.get("topologyKey").map_or(Value::Null, helm::reread),
    });
    if let (Some(namespaces), Some(map)) = (text("namespaces"), term.as_object_mut()) {
        map.insert("namespaces".into(), split(namespaces));
    }
    term
}

/// Retypes the `name` of every element of the list(s) at `path` (a pod's `volumes`, or a
/// container's `env` and `volumeMounts`) as a YAML re-read of Helm's unquoted text would.
fn retype_names(value: &mut Value, path: &[&str]) {
    let Some(target) = chart::at_mut(value, path) else {
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
                *name = helm::reread(name);
            }
        }
    }
}
