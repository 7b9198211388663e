//! The `cni` component: the Istio CNI node agent (the `istio-cni-node` daemon set), its config map,
//! RBAC and the optional resource quota, network policy and Multus `NetworkAttachmentDefinition`.
//!
//! Istio's chart reads its settings at the top level but istioctl users write them under
//! `values.cni`; like the chart, the render lays `values.cni` over the top level before reading
//! anything. A few Helm-isms shared with the ztunnel render (value printing, `toYaml`, the
//! common labels, resource filtering) live here too.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{DaemonSet, DaemonSetSpec};
use k8s_openapi::api::core::v1::{
    AppArmorProfile, Capabilities, ConfigMap, ConfigMapEnvSource, Container, ContainerPort,
    EnvFromSource, EnvVar, EnvVarSource, HTTPGetAction, HostPathVolumeSource, LocalObjectReference,
    ObjectFieldSelector, PodSpec, PodTemplateSpec, Probe, ResourceFieldSelector, ResourceQuota,
    ResourceQuotaSpec, ResourceRequirements, ScopeSelector, ScopedResourceSelectorRequirement,
    SecurityContext, ServiceAccount, Volume, VolumeMount,
};
use k8s_openapi::api::networking::v1::{
    NetworkPolicy, NetworkPolicyEgressRule, NetworkPolicyIngressRule, NetworkPolicyPort,
    NetworkPolicySpec,
};
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding, PolicyRule, RoleRef, Subject};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::ChartContext;
use super::context::truthy;
use crate::merge::overlay;
use crate::release;

/// The chart's name, which every object's name starts from.
const NAME: &str = "istio-cni";
/// istioctl renders every chart as the Helm release `istio`.
pub(super) const RELEASE: &str = "istio";

/// The component's chart defaults (our own text, same effect as Istio's chart `values.yaml`).
pub fn defaults() -> Value {
    // Split up: one `json!` this size exceeds the macro recursion limit.
    let ambient = json!({
        "enabled": false,
        "enablementSelectors": [
            {"podSelector": {"matchLabels": {"istio.io/dataplane-mode": "ambient"}}},
            {
                "podSelector": {"matchExpressions": [
                    {"key": "istio.io/dataplane-mode", "operator": "NotIn", "values": ["none"]}
                ]},
                "namespaceSelector": {"matchLabels": {"istio.io/dataplane-mode": "ambient"}}
            }
        ],
        "configDir": "",
        "dnsCapture": true,
        "ipv6": true,
        "reconcileIptablesOnStartup": true,
        "shareHostNetworkNamespace": false,
        "enableAmbientDetectionRetry": false
    });
    let global = json!({
        "hub": "registry.istio.io/testing",
        "tag": "latest",
        "variant": "",
        "imagePullPolicy": "",
        "logging": {"level": "info"},
        "logAsJson": false,
        "networkPolicy": {"enabled": false},
        "imagePullSecrets": [],
        "defaultResources": {"requests": {"cpu": "100m", "memory": "100Mi"}},
        "nativeNftables": false,
        "resourceScope": "all"
    });
    json!({
        "hub": "",
        "tag": "",
        "variant": "",
        "image": "install-cni",
        "pullPolicy": "",
        "logging": {"level": ""},
        "cniBinDir": "/opt/cni/bin",
        "cniConfDir": "/etc/cni/net.d",
        "cniConfFileName": "",
        "cniNetnsDir": "/var/run/netns",
        "istioOwnedCNIConfigFileName": "",
        "istioOwnedCNIConfig": false,
        "excludeNamespaces": ["kube-system"],
        "affinity": {},
        "daemonSetLabels": {},
        "podAnnotations": {},
        "podLabels": {},
        "chained": true,
        "provider": "default",
        "ambient": ambient,
        "repair": {
            "enabled": true,
            "hub": "",
            "tag": "",
            "labelPods": false,
            "deletePods": false,
            "repairPods": true,
            "initContainerName": "istio-validation",
            "brokenPodLabelKey": "cni.istio.io/uninitialized",
            "brokenPodLabelValue": "true"
        },
        "seccompProfile": {},
        "seLinuxOptions": {},
        "useAppArmorAnnotation": true,
        "resources": {"requests": {"cpu": "100m", "memory": "100Mi"}},
        "resourceQuotas": {"enabled": false, "pods": 5000},
        "tolerations": [
            {"effect": "NoSchedule", "operator": "Exists"},
            {"key": "CriticalAddonsOnly", "operator": "Exists"},
            {"effect": "NoExecute", "operator": "Exists"}
        ],
        "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1}},
        "terminationGracePeriodSeconds": 30,
        "revision": "",
        "ownerName": "",
        "global": global,
        "env": {}
    })
}

/// Renders the component's objects.
pub fn render(context: &ChartContext) -> Result<Vec<Value>, String> {
    let v = &flattened(context);
    let scope = v.str("global.resourceScope");
    let cluster_scoped = scope == "all" || scope == "cluster";
    let namespace_scoped = scope == "all" || scope == "namespace";
    let mut objects = Vec::new();
    if namespace_scoped {
        objects.push(to_json(&service_account(v))?);
    }
    if cluster_scoped {
        objects.extend(cluster_rbac(v)?);
    }
    if namespace_scoped {
        objects.push(to_json(&config_map(v))?);
        objects.push(daemon_set(v)?);
        if v.truthy("resourceQuotas.enabled") {
            objects.push(to_json(&resource_quota(
                &format!("{NAME}-resource-quota"),
                v.namespace(),
                common_labels(NAME),
                &v.str("resourceQuotas.pods"),
            ))?);
        }
        if v.str("provider") == "multus" {
            objects.push(network_attachment_definition());
        }
    }
    if v.truthy("global.networkPolicy.enabled") {
        objects.push(to_json(&network_policy(v))?);
    }
    Ok(objects)
}

/// The chart copies everything under `cni` to the top level before rendering.
fn flattened(context: &ChartContext) -> ChartContext {
    let mut flat = context.clone();
    if let Some(own) = context.values.get("cni").filter(|c| c.is_object()) {
        overlay(&mut flat.values, own.clone());
    }
    flat
}

/// The labels most of the chart's objects carry.
fn labels(v: &ChartContext, extra: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut labels = common_labels(NAME);
    for (key, value) in extra {
        labels.insert((*key).into(), (*value).into());
    }
    labels.insert("release".into(), RELEASE.into());
    labels.insert("istio.io/rev".into(), v.revision_or_default());
    labels.insert(
        "install.operator.istio.io/owning-resource".into(),
        owner_name(v),
    );
    labels.insert("operator.istio.io/component".into(), "Cni".into());
    labels
}

/// `ownerName`, which istioctl leaves unset, so the charts write `unknown`.
pub(super) fn owner_name(v: &ChartContext) -> String {
    let owner = v.str("ownerName");
    if owner.is_empty() {
        "unknown".into()
    } else {
        owner
    }
}

fn meta(v: &ChartContext, name: &str, extra: &[(&str, &str)], namespaced: bool) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.into()),
        namespace: namespaced.then(|| v.namespace().to_string()),
        labels: Some(labels(v, extra)),
        ..ObjectMeta::default()
    }
}

fn service_account(v: &ChartContext) -> ServiceAccount {
    ServiceAccount {
        metadata: meta(v, NAME, &[("app", NAME)], true),
        image_pull_secrets: pull_secrets(v.get("global.imagePullSecrets")),
        ..ServiceAccount::default()
    }
}

fn rule(groups: &[&str], resources: &[&str], verbs: &[&str], names: &[&str]) -> PolicyRule {
    let list = |items: &[&str]| items.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
    PolicyRule {
        api_groups: Some(list(groups)),
        resources: Some(list(resources)),
        resource_names: (!names.is_empty()).then(|| list(names)),
        verbs: list(verbs),
        ..PolicyRule::default()
    }
}

fn binding(v: &ChartContext, name: &str, role: &str, extra: &[(&str, &str)]) -> ClusterRoleBinding {
    ClusterRoleBinding {
        metadata: meta(v, name, extra, false),
        role_ref: RoleRef {
            api_group: Some("rbac.authorization.k8s.io".into()),
            kind: "ClusterRole".into(),
            name: role.into(),
        },
        subjects: Some(vec![Subject {
            kind: "ServiceAccount".into(),
            name: NAME.into(),
            namespace: Some(v.namespace().into()),
            ..Subject::default()
        }]),
    }
}

fn cluster_rbac(v: &ChartContext) -> Result<Vec<Value>, String> {
    let app = [("app", NAME)];
    let repair = [("k8s-app", "istio-cni-repair")];
    let mut rules = vec![rule(
        &[""],
        &["pods", "nodes", "namespaces"],
        &["get", "list", "watch"],
        &[],
    )];
    let platform = match v.str("platform") {
        empty if empty.is_empty() => v.str("global.platform"),
        platform => platform,
    };
    if platform == "openshift" {
        rules.push(rule(
            &["security.openshift.io"],
            &["securitycontextconstraints"],
            &["use"],
            &["privileged"],
        ));
    }
    let mut objects = vec![to_json(&ClusterRole {
        metadata: meta(v, NAME, &app, false),
        rules: Some(rules),
        ..ClusterRole::default()
    })?];
    let repair_enabled = v.truthy("repair.enabled");
    let ambient = v.truthy("ambient.enabled");
    if repair_enabled {
        let mut rules = vec![
            rule(&[""], &["events"], &["create", "patch"], &[]),
            rule(&[""], &["pods"], &["watch", "get", "list"], &[]),
        ];
        // Repairing in place needs no extra privilege; deleting or labelling broken pods does.
        if v.truthy("repair.repairPods") {
            // Nothing to add.
        } else if v.truthy("repair.deletePods") {
            rules.push(rule(&[""], &["pods"], &["delete"], &[]));
        } else if v.truthy("repair.labelPods") {
            rules.push(rule(&[""], &["pods/status"], &["patch", "update"], &[]));
        }
        objects.push(to_json(&ClusterRole {
            metadata: meta(v, &format!("{NAME}-repair-role"), &app, false),
            rules: Some(rules),
            ..ClusterRole::default()
        })?);
    }
    if ambient {
        objects.push(to_json(&ClusterRole {
            metadata: meta(v, &format!("{NAME}-ambient"), &app, false),
            rules: Some(vec![
                rule(&[""], &["pods/status"], &["patch", "update"], &[]),
                rule(
                    &["apps"],
                    &["daemonsets"],
                    &["get"],
                    &[&format!("{NAME}-node")],
                ),
            ]),
            ..ClusterRole::default()
        })?);
    }
    objects.push(to_json(&binding(v, NAME, NAME, &app))?);
    if repair_enabled {
        objects.push(to_json(&binding(
            v,
            &format!("{NAME}-repair-rolebinding"),
            &format!("{NAME}-repair-role"),
            &repair,
        ))?);
    }
    if ambient {
        objects.push(to_json(&binding(
            v,
            &format!("{NAME}-ambient"),
            &format!("{NAME}-ambient"),
            &repair,
        ))?);
    }
    Ok(objects)
}

fn config_map(v: &ChartContext) -> ConfigMap {
    let mut data = BTreeMap::new();
    let mut put = |key: &str, value: String| {
        data.insert(key.to_string(), value);
    };
    let tag = first_set(v, &["tag", "global.tag"]);
    put("CURRENT_AGENT_VERSION", tag);
    put("AMBIENT_ENABLED", text_at(v, "ambient.enabled"));
    put(
        "AMBIENT_ENABLEMENT_SELECTOR",
        v.get("ambient.enablementSelectors")
            .map_or_else(|| "null".into(), helm_to_yaml),
    );
    put("AMBIENT_DNS_CAPTURE", text_at(v, "ambient.dnsCapture"));
    put("AMBIENT_IPV6", text_at(v, "ambient.ipv6"));
    put(
        "AMBIENT_RECONCILE_POD_RULES_ON_STARTUP",
        text_at(v, "ambient.reconcileIptablesOnStartup"),
    );
    put(
        "ENABLE_AMBIENT_DETECTION_RETRY",
        text_at(v, "ambient.enableAmbientDetectionRetry"),
    );
    if v.truthy("cniConfFileName") {
        put("CNI_CONF_NAME", text_at(v, "cniConfFileName"));
    }
    put("ISTIO_OWNED_CNI_CONFIG", text_at(v, "istioOwnedCNIConfig"));
    if v.truthy("istioOwnedCNIConfig") {
        put(
            "ISTIO_OWNED_CNI_CONF_FILENAME",
            text_at(v, "istioOwnedCNIConfigFileName"),
        );
    }
    put("CHAINED_CNI_PLUGIN", text_at(v, "chained"));
    let excluded = v
        .get("excludeNamespaces")
        .and_then(Value::as_array)
        .map(|list| list.iter().map(go_text).collect::<Vec<_>>().join(","))
        .unwrap_or_default();
    put("EXCLUDE_NAMESPACES", excluded);
    for (key, path) in [
        ("REPAIR_ENABLED", "repair.enabled"),
        ("REPAIR_LABEL_PODS", "repair.labelPods"),
        ("REPAIR_DELETE_PODS", "repair.deletePods"),
        ("REPAIR_REPAIR_PODS", "repair.repairPods"),
        ("REPAIR_INIT_CONTAINER_NAME", "repair.initContainerName"),
        ("REPAIR_BROKEN_POD_LABEL_KEY", "repair.brokenPodLabelKey"),
        (
            "REPAIR_BROKEN_POD_LABEL_VALUE",
            "repair.brokenPodLabelValue",
        ),
        ("NATIVE_NFTABLES", "global.nativeNftables"),
    ] {
        put(key, text_at(v, path));
    }
    for (key, value) in env_map(v.get("env")) {
        put(&key, value);
    }
    ConfigMap {
        metadata: meta(v, &format!("{NAME}-config"), &[("app", NAME)], true),
        data: Some(data),
        ..ConfigMap::default()
    }
}

fn daemon_set(v: &ChartContext) -> Result<Value, String> {
    let node = format!("{NAME}-node");
    let ambient = v.truthy("ambient.enabled");
    let host_network = ambient && v.truthy("ambient.shareHostNetworkNamespace");
    let procfs = v.truthy("repair.repairPods") || ambient;
    // Without a cluster the GKE auto-detection cannot fire, so an unset directory means the default.
    let bin_dir = match v.str("cniBinDir") {
        empty if empty.is_empty() => "/opt/cni/bin".to_string(),
        dir => dir,
    };

    let mut metadata = meta(v, &node, &[("k8s-app", &node)], true);
    if let Some(extra) = v.get("daemonSetLabels") {
        metadata
            .labels
            .get_or_insert_with(BTreeMap::new)
            .extend(string_map(extra));
    }

    let mut pod_labels = common_labels(NAME);
    pod_labels.insert("k8s-app".into(), node.clone());
    pod_labels.insert("sidecar.istio.io/inject".into(), "false".into());
    pod_labels.insert("istio.io/dataplane-mode".into(), "none".into());
    if let Some(extra) = v.get("podLabels") {
        pod_labels.extend(string_map(extra));
    }
    let mut annotations = BTreeMap::from([
        ("sidecar.istio.io/inject".to_string(), "false".to_string()),
        ("prometheus.io/scrape".into(), "true".into()),
        ("prometheus.io/port".into(), "15014".into()),
        ("prometheus.io/path".into(), "/metrics".into()),
    ]);
    let app_armor_annotation = v.truthy("useAppArmorAnnotation");
    if app_armor_annotation {
        annotations.insert(
            "container.apparmor.security.beta.kubernetes.io/install-cni".into(),
            "unconfined".into(),
        );
    }
    if let Some(extra) = v.get("podAnnotations") {
        annotations.extend(string_map(extra));
    }

    let image = v.str("image");
    let image = if image.contains('/') {
        image
    } else {
        let name = if image.is_empty() {
            "install-cni".to_string()
        } else {
            image
        };
        format!(
            "{}/{name}:{}",
            first_set(v, &["hub", "global.hub"]),
            image_tag(v)
        )
    };
    let pull_policy = first_set(v, &["pullPolicy", "global.imagePullPolicy"]);

    let mut args = Vec::new();
    let level = first_set(v, &["logging.level", "global.logging.level"]);
    if !level.is_empty() {
        args.push(format!("--log_output_level={level}"));
    }
    if v.truthy("global.logAsJson") {
        args.push("--log_as_json".into());
    }

    let mut env = vec![
        field_env("REPAIR_NODE_NAME", "spec.nodeName", None),
        plain_env("REPAIR_RUN_AS_DAEMON", "true"),
        plain_env("REPAIR_SIDECAR_ANNOTATION", "sidecar.istio.io/status"),
    ];
    if !host_network {
        env.push(plain_env("ALLOW_SWITCH_TO_HOST_NS", "true"));
    }
    env.extend([
        field_env("NODE_NAME", "spec.nodeName", Some("v1")),
        resource_env("GOMEMLIMIT", "limits.memory"),
        resource_env("GOMAXPROCS", "limits.cpu"),
        field_env("POD_NAME", "metadata.name", None),
        field_env("POD_NAMESPACE", "metadata.namespace", None),
    ]);
    env.extend(
        env_map(v.get("env"))
            .into_iter()
            .map(|(name, value)| plain_env(&name, &value)),
    );

    let mount = |path: &str, name: &str| VolumeMount {
        mount_path: path.into(),
        name: name.into(),
        ..VolumeMount::default()
    };
    let mut mounts = vec![mount("/host/opt/cni/bin", "cni-bin-dir")];
    if procfs {
        mounts.push(VolumeMount {
            read_only: Some(true),
            ..mount("/host/proc", "cni-host-procfs")
        });
    }
    mounts.push(mount("/host/etc/cni/net.d", "cni-net-dir"));
    mounts.push(mount("/var/run/istio-cni", "cni-socket-dir"));
    if ambient {
        mounts.push(VolumeMount {
            mount_propagation: Some("HostToContainer".into()),
            ..mount("/host/var/run/netns", "cni-netns-dir")
        });
        mounts.push(mount("/var/run/ztunnel", "cni-ztunnel-sock-dir"));
    }

    let mut volumes = vec![host_path_volume("cni-bin-dir", &bin_dir, None)];
    if procfs {
        volumes.push(host_path_volume(
            "cni-host-procfs",
            "/proc",
            Some("Directory"),
        ));
    }
    if ambient {
        volumes.push(host_path_volume(
            "cni-ztunnel-sock-dir",
            "/var/run/ztunnel",
            Some("DirectoryOrCreate"),
        ));
    }
    volumes.push(host_path_volume("cni-net-dir", &v.str("cniConfDir"), None));
    volumes.push(host_path_volume(
        "cni-socket-dir",
        "/var/run/istio-cni",
        None,
    ));
    volumes.push(host_path_volume(
        "cni-netns-dir",
        &v.str("cniNetnsDir"),
        Some("DirectoryOrCreate"),
    ));

    let resources = match v.get("resources").filter(|r| truthy(r)) {
        Some(own) => resource_requirements(own),
        None => v
            .get("global.defaultResources")
            .and_then(resource_requirements),
    };

    let security_context = SecurityContext {
        app_armor_profile: (!app_armor_annotation).then(|| AppArmorProfile {
            type_: "Unconfined".into(),
            ..AppArmorProfile::default()
        }),
        privileged: Some(false),
        run_as_group: Some(0),
        run_as_user: Some(0),
        run_as_non_root: Some(false),
        capabilities: Some(Capabilities {
            drop: Some(vec!["ALL".into()]),
            add: Some(
                [
                    "NET_ADMIN",
                    "NET_RAW",
                    "SYS_PTRACE",
                    "SYS_ADMIN",
                    "DAC_OVERRIDE",
                ]
                .map(String::from)
                .to_vec(),
            ),
        }),
        ..SecurityContext::default()
    };

    let container = Container {
        name: "install-cni".into(),
        image: Some(image),
        image_pull_policy: (!pull_policy.is_empty()).then_some(pull_policy),
        ports: Some(vec![ContainerPort {
            container_port: 15014,
            name: Some("metrics".into()),
            protocol: Some("TCP".into()),
            ..ContainerPort::default()
        }]),
        readiness_probe: Some(Probe {
            http_get: Some(HTTPGetAction {
                path: Some("/readyz".into()),
                port: IntOrString::Int(8000),
                ..HTTPGetAction::default()
            }),
            ..Probe::default()
        }),
        security_context: Some(security_context),
        command: Some(vec!["install-cni".into()]),
        args: Some(args),
        env_from: Some(vec![EnvFromSource {
            config_map_ref: Some(ConfigMapEnvSource {
                name: format!("{NAME}-config"),
                ..ConfigMapEnvSource::default()
            }),
            ..EnvFromSource::default()
        }]),
        env: Some(env),
        volume_mounts: Some(mounts),
        resources,
        ..Container::default()
    };

    let daemon_set = DaemonSet {
        metadata,
        spec: DaemonSetSpec {
            selector: LabelSelector {
                match_labels: Some(BTreeMap::from([("k8s-app".to_string(), node.clone())])),
                ..LabelSelector::default()
            },
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(pod_labels),
                    annotations: Some(annotations),
                    ..ObjectMeta::default()
                }),
                spec: Some(PodSpec {
                    host_network: host_network.then_some(true),
                    dns_policy: host_network.then(|| "ClusterFirstWithHostNet".into()),
                    node_selector: Some(BTreeMap::from([(
                        "kubernetes.io/os".to_string(),
                        "linux".to_string(),
                    )])),
                    priority_class_name: Some("system-node-critical".into()),
                    service_account_name: Some(NAME.into()),
                    termination_grace_period_seconds: v.int("terminationGracePeriodSeconds"),
                    containers: vec![container],
                    volumes: Some(volumes),
                    ..PodSpec::default()
                }),
            },
            ..DaemonSetSpec::default()
        },
        ..DaemonSet::default()
    };
    let mut object = to_json(&daemon_set)?;
    retype_resource_amounts(&mut object);
    // Free-form chart values, written as the user gave them.
    let pod_spec = ["spec", "template", "spec"];
    if let Some(strategy) = v.get("updateStrategy").filter(|s| truthy(s)) {
        set_at(&mut object, &["spec", "updateStrategy"], strategy.clone());
    }
    if let Some(affinity) = v.get("affinity").filter(|a| truthy(a)) {
        set_at(
            &mut object,
            &[&pod_spec[..], &["affinity"]].concat(),
            affinity.clone(),
        );
    }
    if let Some(tolerations) = v.get("tolerations").filter(|t| truthy(t)) {
        set_at(
            &mut object,
            &[&pod_spec[..], &["tolerations"]].concat(),
            tolerations.clone(),
        );
    }
    let container_security = [&pod_spec[..], &["containers"]].concat();
    if let Some(options) = v.get("seLinuxOptions").filter(|o| truthy(o)) {
        // The chart fills in `type: spc_t` when the user sets other SELinux options without one.
        let mut options = options.clone();
        if let Value::Object(map) = &mut options {
            map.entry("type").or_insert_with(|| json!("spc_t"));
        }
        set_container_field(&mut object, &container_security, "seLinuxOptions", options);
    }
    if let Some(profile) = v.get("seccompProfile").filter(|p| truthy(p)) {
        set_container_field(
            &mut object,
            &container_security,
            "seccompProfile",
            profile.clone(),
        );
    }
    Ok(object)
}

/// Sets a field of the first container's `securityContext`.
fn set_container_field(object: &mut Value, containers: &[&str], field: &str, value: Value) {
    let mut cursor = Some(&mut *object);
    for key in containers {
        cursor = cursor.and_then(|c| c.get_mut(*key));
    }
    if let Some(Value::Object(context)) = cursor
        .and_then(|list| list.get_mut(0))
        .and_then(|c| c.get_mut("securityContext"))
    {
        context.insert(field.into(), value);
    }
}

/// `tag` (or `global.tag`), with `-variant` when a variant is chosen.
fn image_tag(v: &ChartContext) -> String {
    let tag = first_set(v, &["tag", "global.tag"]);
    let variant = first_set(v, &["variant", "global.variant"]);
    if variant.is_empty() {
        tag
    } else {
        format!("{tag}-{variant}")
    }
}

fn network_policy(v: &ChartContext) -> NetworkPolicy {
    let node = format!("{NAME}-node");
    let port = |number: i32| NetworkPolicyIngressRule {
        ports: Some(vec![NetworkPolicyPort {
            protocol: Some("TCP".into()),
            port: Some(IntOrString::Int(number)),
            ..NetworkPolicyPort::default()
        }]),
        ..NetworkPolicyIngressRule::default()
    };
    NetworkPolicy {
        metadata: meta(
            v,
            &format!("{NAME}{}", v.revision_suffix()),
            &[("k8s-app", &node)],
            true,
        ),
        spec: Some(NetworkPolicySpec {
            pod_selector: Some(LabelSelector {
                match_labels: Some(BTreeMap::from([("k8s-app".to_string(), node)])),
                ..LabelSelector::default()
            }),
            policy_types: Some(vec!["Ingress".into(), "Egress".into()]),
            // Metrics, then the readiness probe.
            ingress: Some(vec![port(15014), port(8000)]),
            egress: Some(vec![NetworkPolicyEgressRule::default()]),
        }),
    }
}

/// Multus' attachment definition that makes pods on `OpenShift` use the Istio CNI plugin. No
/// k8s-openapi type exists for this CRD, so it is written as JSON.
fn network_attachment_definition() -> Value {
    let mut labels = common_labels(NAME);
    labels.insert("operator.istio.io/component".into(), "Cni".into());
    json!({
        "apiVersion": "k8s.cni.cncf.io/v1",
        "kind": "NetworkAttachmentDefinition",
        "metadata": {"name": NAME, "namespace": "default", "labels": labels},
    })
}

// ---- Helm-isms shared with the ztunnel render ----

/// The labels Istio's charts put on everything (`istio.labels`), minus Helm's own bookkeeping,
/// plus `app.kubernetes.io/name`.
pub(super) fn common_labels(name: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        ("app.kubernetes.io/name".to_string(), name.to_string()),
        ("app.kubernetes.io/instance".into(), RELEASE.into()),
        ("app.kubernetes.io/part-of".into(), "istio".into()),
        (
            "app.kubernetes.io/version".into(),
            release::ISTIO_VERSION.into(),
        ),
    ])
}

/// A resource quota reserving `pods` pods of the node-critical priority class.
pub(super) fn resource_quota(
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

/// A value as a Go template prints it (`{{ . }}`): strings bare, numbers and booleans as text.
pub(super) fn go_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        Value::Bool(flag) => flag.to_string(),
        other => other.to_string(),
    }
}

/// The value at a path as Go prints it; `""` when missing.
fn text_at(v: &ChartContext, path: &str) -> String {
    v.get(path).map(go_text).unwrap_or_default()
}

/// The first truthy value of `paths` as text (Helm's `a | default b`), `""` if none is.
pub(super) fn first_set(v: &ChartContext, paths: &[&str]) -> String {
    paths
        .iter()
        .filter_map(|path| v.get(path).filter(|value| truthy(value)))
        .map(go_text)
        .next()
        .unwrap_or_default()
}

/// A user map (labels, annotations) with every value printed as text.
pub(super) fn string_map(value: &Value) -> BTreeMap<String, String> {
    value
        .as_object()
        .map(|map| {
            map.iter()
                .map(|(key, value)| (key.clone(), go_text(value)))
                .collect()
        })
        .unwrap_or_default()
}

/// The `env` value's entries, sorted by name as the chart's `range` walks them.
pub(super) fn env_map(value: Option<&Value>) -> Vec<(String, String)> {
    value
        .map(string_map)
        .unwrap_or_default()
        .into_iter()
        .collect()
}

/// Image pull secrets given as names (or as `{name: …}` entries).
pub(super) fn pull_secrets(value: Option<&Value>) -> Option<Vec<LocalObjectReference>> {
    let list = value?.as_array().filter(|l| !l.is_empty())?;
    Some(
        list.iter()
            .map(|entry| LocalObjectReference {
                name: entry.get("name").map_or_else(|| go_text(entry), go_text),
            })
            .collect(),
    )
}

/// The charts' `resources` helper: `limits` then `requests`, each kept only with its set entries.
pub(super) fn resource_requirements(value: &Value) -> Option<ResourceRequirements> {
    let pick = |key: &str| {
        let entries: BTreeMap<String, Quantity> = value
            .get(key)?
            .as_object()?
            .iter()
            .filter(|(_, amount)| truthy(amount))
            .map(|(name, amount)| (name.clone(), Quantity(go_text(amount))))
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
pub(super) fn retype_resource_amounts(object: &mut Value) {
    let resources = &mut object["spec"]["template"]["spec"]["containers"][0]["resources"];
    for key in ["limits", "requests"] {
        if let Some(Value::Object(amounts)) = resources.get_mut(key) {
            for amount in amounts.values_mut() {
                if let Some(number) = amount.as_str().and_then(yaml_number) {
                    *amount = number;
                }
            }
        }
    }
}

/// What a bare YAML scalar reads back as, when that is a number.
fn yaml_number(text: &str) -> Option<Value> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    if let Ok(integer) = text.parse::<i64>() {
        return Some(json!(integer));
    }
    let float: f64 = text.parse().ok()?;
    serde_json::Number::from_f64(float).map(Value::Number)
}

pub(super) fn plain_env(name: &str, value: &str) -> EnvVar {
    EnvVar {
        name: name.into(),
        value: Some(value.into()),
        ..EnvVar::default()
    }
}

pub(super) fn field_env(name: &str, path: &str, api_version: Option<&str>) -> EnvVar {
    EnvVar {
        name: name.into(),
        value_from: Some(EnvVarSource {
            field_ref: Some(ObjectFieldSelector {
                api_version: api_version.map(String::from),
                field_path: path.into(),
            }),
            ..EnvVarSource::default()
        }),
        ..EnvVar::default()
    }
}

pub(super) fn resource_env(name: &str, resource: &str) -> EnvVar {
    EnvVar {
        name: name.into(),
        value_from: Some(EnvVarSource {
            resource_field_ref: Some(ResourceFieldSelector {
                resource: resource.into(),
                divisor: Some(Quantity("1".into())),
                ..ResourceFieldSelector::default()
            }),
            ..EnvVarSource::default()
        }),
        ..EnvVar::default()
    }
}

pub(super) fn host_path_volume(name: &str, path: &str, kind: Option<&str>) -> Volume {
    Volume {
        name: name.into(),
        host_path: Some(HostPathVolumeSource {
            path: path.into(),
            type_: kind.map(String::from),
        }),
        ..Volume::default()
    }
}

pub(super) fn to_json<T: Serialize>(object: &T) -> Result<Value, String> {
    serde_json::to_value(object).map_err(|error| error.to_string())
}

/// Sets `value` at `path` in a JSON tree, creating maps on the way.
pub(super) fn set_at(tree: &mut Value, path: &[&str], value: Value) {
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

/// Helm's `toYaml`: block style, keys sorted, lists not indented under their key, no trailing
/// newline.
pub(super) fn helm_to_yaml(value: &Value) -> String {
    let mut out = String::new();
    emit(value, 0, &mut out);
    out.trim_end_matches('\n').to_string()
}

fn emit(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, child) in map {
                out.push_str(&pad);
                out.push_str(&scalar_text(&Value::String(key.clone())));
                out.push(':');
                emit_child(child, indent, true, out);
            }
        }
        Value::Array(list) if !list.is_empty() => {
            for child in list {
                out.push_str(&pad);
                out.push('-');
                emit_child(child, indent, false, out);
            }
        }
        other => {
            out.push_str(&pad);
            out.push_str(&scalar_text(other));
            out.push('\n');
        }
    }
}

/// Writes what follows `key:` or `-`.
fn emit_child(child: &Value, indent: usize, under_key: bool, out: &mut String) {
    match child {
        Value::Object(map) if !map.is_empty() => {
            if under_key {
                out.push('\n');
                emit(child, indent + 2, out);
            } else {
                // The first entry shares the dash's line.
                let mut nested = String::new();
                emit(child, indent + 2, &mut nested);
                out.push(' ');
                out.push_str(nested.trim_start());
            }
        }
        Value::Array(list) if !list.is_empty() => {
            if under_key {
                out.push('\n');
                emit(child, indent, out);
            } else {
                let mut nested = String::new();
                emit(child, indent + 2, &mut nested);
                out.push(' ');
                out.push_str(nested.trim_start());
            }
        }
        scalar => {
            out.push(' ');
            out.push_str(&scalar_text(scalar));
            out.push('\n');
        }
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
        Value::String(text) => {
            let reserved = matches!(
                text.to_ascii_lowercase().as_str(),
                "" | "~" | "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
            ) || text.parse::<f64>().is_ok();
            if reserved || text.contains('\n') {
                serde_json::to_string(text).unwrap_or_default()
            } else if text.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@` ".contains(c))
                || text.ends_with(' ')
                || text.contains(": ")
                || text.contains(" #")
            {
                format!("'{}'", text.replace('\'', "''"))
            } else {
                text.clone()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api;
    use crate::render::{ComponentInstance, ComponentName};

    fn context(values: Value) -> ChartContext {
        let instance = ComponentInstance {
            component: ComponentName::Cni,
            name: None,
            namespace: "istio-system".into(),
            raw: Value::Null,
            spec: api::GatewayComponent::default(),
        };
        let mut merged = defaults();
        overlay(&mut merged, values);
        ChartContext {
            instance,
            values: merged,
            given: Value::Null,
        }
    }

    fn find<'a>(objects: &'a [Value], kind: &str, name: &str) -> &'a Value {
        objects
            .iter()
            .find(|o| o["kind"] == kind && o["metadata"]["name"] == name)
            .unwrap_or_else(|| panic!("{kind}/{name} not rendered"))
    }

    fn base() -> Value {
        json!({"global": {"hub": "docker.io/istio", "tag": "1.31.0"}})
    }

    #[test]
    fn default_render_matches_the_chart() {
        let objects = render(&context(base())).expect("renders");
        let kinds: Vec<_> = objects
            .iter()
            .map(|o| {
                format!(
                    "{}/{}",
                    o["kind"].as_str().unwrap_or(""),
                    o["metadata"]["name"].as_str().unwrap_or("")
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "ServiceAccount/istio-cni",
                "ClusterRole/istio-cni",
                "ClusterRole/istio-cni-repair-role",
                "ClusterRoleBinding/istio-cni",
                "ClusterRoleBinding/istio-cni-repair-rolebinding",
                "ConfigMap/istio-cni-config",
                "DaemonSet/istio-cni-node",
            ]
        );
        let ds = find(&objects, "DaemonSet", "istio-cni-node");
        let container = &ds["spec"]["template"]["spec"]["containers"][0];
        assert_eq!(container["image"], "docker.io/istio/install-cni:1.31.0");
        assert_eq!(container["args"], json!(["--log_output_level=info"]));
        assert_eq!(container["resources"]["requests"]["cpu"], "100m");
        assert_eq!(
            ds["spec"]["updateStrategy"]["rollingUpdate"]["maxUnavailable"],
            1
        );
        assert_eq!(
            ds["spec"]["template"]["spec"]["volumes"][0]["hostPath"]["path"],
            "/opt/cni/bin"
        );
        assert_eq!(
            ds["spec"]["template"]["spec"]["tolerations"][1]["key"],
            "CriticalAddonsOnly"
        );
        assert_eq!(ds["metadata"]["labels"]["istio.io/rev"], "default");
        let cm = find(&objects, "ConfigMap", "istio-cni-config");
        assert_eq!(cm["data"]["CURRENT_AGENT_VERSION"], "1.31.0");
        assert_eq!(cm["data"]["AMBIENT_ENABLED"], "false");
        assert_eq!(cm["data"]["EXCLUDE_NAMESPACES"], "kube-system");
        assert_eq!(
            cm["data"]["AMBIENT_ENABLEMENT_SELECTOR"],
            "- podSelector:\n    matchLabels:\n      istio.io/dataplane-mode: ambient\n\
             - namespaceSelector:\n    matchLabels:\n      istio.io/dataplane-mode: ambient\n  \
             podSelector:\n    matchExpressions:\n    - key: istio.io/dataplane-mode\n      \
             operator: NotIn\n      values:\n      - none"
        );
        assert!(cm["data"].get("CNI_CONF_NAME").is_none());
    }

    #[test]
    fn cni_values_and_openshift_settings_apply() {
        let mut values = base();
        overlay(
            &mut values,
            json!({
                "global": {"platform": "openshift", "networkPolicy": {"enabled": true}},
                "seLinuxOptions": {"type": "spc_t"},
                "revision": "canary",
                "cni": {
                    "cniBinDir": "/var/lib/cni/bin", "chained": false,
                    "cniConfFileName": "istio-cni.conf", "provider": "multus",
                    "ambient": {"enabled": true}, "resourceQuotas": {"enabled": true}
                }
            }),
        );
        let objects = render(&context(values)).expect("renders");
        let role = find(&objects, "ClusterRole", "istio-cni");
        assert_eq!(
            role["rules"][1]["apiGroups"],
            json!(["security.openshift.io"])
        );
        find(&objects, "ClusterRole", "istio-cni-ambient");
        find(&objects, "ClusterRoleBinding", "istio-cni-ambient");
        find(&objects, "NetworkAttachmentDefinition", "istio-cni");
        find(&objects, "NetworkPolicy", "istio-cni-canary");
        let quota = find(&objects, "ResourceQuota", "istio-cni-resource-quota");
        assert_eq!(quota["spec"]["hard"]["pods"], "5000");
        let cm = find(&objects, "ConfigMap", "istio-cni-config");
        assert_eq!(cm["data"]["CHAINED_CNI_PLUGIN"], "false");
        assert_eq!(cm["data"]["CNI_CONF_NAME"], "istio-cni.conf");
        assert_eq!(cm["metadata"]["labels"]["istio.io/rev"], "canary");
        let ds = find(&objects, "DaemonSet", "istio-cni-node");
        let pod = &ds["spec"]["template"]["spec"];
        assert_eq!(pod["volumes"][0]["hostPath"]["path"], "/var/lib/cni/bin");
        assert_eq!(pod["volumes"][2]["name"], "cni-ztunnel-sock-dir");
        assert_eq!(
            pod["containers"][0]["securityContext"]["seLinuxOptions"]["type"],
            "spc_t"
        );
        assert_eq!(
            pod["containers"][0]["volumeMounts"][5]["name"],
            "cni-ztunnel-sock-dir"
        );
    }

    #[test]
    fn to_yaml_quotes_like_helm() {
        assert_eq!(
            helm_to_yaml(&json!({"a": ["true", "x: y", {"b": []}], "c": {}})),
            "a:\n- \"true\"\n- 'x: y'\n- b: []\nc: {}"
        );
    }
}
