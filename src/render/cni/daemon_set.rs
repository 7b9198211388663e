//! `istio-cni-node`: the daemon set that installs the CNI plugin on every node and repairs pods.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{DaemonSet, DaemonSetSpec};
use k8s_openapi::api::core::v1::{
    AppArmorProfile, Capabilities, ConfigMapEnvSource, Container, ContainerPort, EnvFromSource,
    HTTPGetAction, PodSpec, PodTemplateSpec, Probe, SecurityContext, VolumeMount,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::{Value, json};

use super::{NAME, meta};
use crate::release::Feature;
use crate::render::error::ChartError;
use crate::render::helm::{self, truthy};
use crate::render::{ChartContext, chart, pod};

pub(super) fn daemon_set(v: &ChartContext) -> Result<Value, ChartError> {
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
            .extend(helm::text_map(Some(extra)));
    }

    let mut pod_labels = chart::app_labels(v.release, NAME);
    pod_labels.insert("k8s-app".into(), node.clone());
    pod_labels.insert("sidecar.istio.io/inject".into(), "false".into());
    pod_labels.insert("istio.io/dataplane-mode".into(), "none".into());
    if let Some(extra) = v.get("podLabels") {
        pod_labels.extend(helm::text_map(Some(extra)));
    }
    let mut annotations = BTreeMap::from([
        ("sidecar.istio.io/inject".to_string(), "false".to_string()),
        ("prometheus.io/scrape".into(), "true".into()),
        ("prometheus.io/port".into(), "15014".into()),
        ("prometheus.io/path".into(), "/metrics".into()),
    ]);
    // Before 1.30 the annotation was the only way; `useAppArmorAnnotation` did not exist.
    let app_armor_annotation =
        !v.release.has(Feature::AppArmorProfileSwitch) || v.truthy("useAppArmorAnnotation");
    if app_armor_annotation {
        annotations.insert(
            "container.apparmor.security.beta.kubernetes.io/install-cni".into(),
            "unconfined".into(),
        );
    }
    if let Some(extra) = v.get("podAnnotations") {
        annotations.extend(helm::text_map(Some(extra)));
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
            chart::first_set(v, &["hub", "global.hub"]),
            image_tag(v)
        )
    };
    let pull_policy = chart::first_set(v, &["pullPolicy", "global.imagePullPolicy"]);

    let mut args = Vec::new();
    let level = chart::first_set(v, &["logging.level", "global.logging.level"]);
    if !level.is_empty() {
        args.push(format!("--log_output_level={level}"));
    }
    if v.truthy("global.logAsJson") {
        args.push("--log_as_json".into());
    }

    let mut env = vec![
        pod::field_env("REPAIR_NODE_NAME", "spec.nodeName", None),
        pod::env("REPAIR_RUN_AS_DAEMON", "true"),
        pod::env("REPAIR_SIDECAR_ANNOTATION", "sidecar.istio.io/status"),
    ];
    if !host_network {
        env.push(pod::env("ALLOW_SWITCH_TO_HOST_NS", "true"));
    }
    env.extend([
        pod::field_env("NODE_NAME", "spec.nodeName", Some("v1")),
        pod::resource_env("GOMEMLIMIT", "limits.memory"),
        pod::resource_env("GOMAXPROCS", "limits.cpu"),
        pod::field_env("POD_NAME", "metadata.name", None),
        pod::field_env("POD_NAMESPACE", "metadata.namespace", None),
    ]);
    env.extend(
        helm::text_map(v.get("env"))
            .into_iter()
            .map(|(name, value)| pod::env(&name, &value)),
    );

    let mut mounts = vec![pod::mount("cni-bin-dir", "/host/opt/cni/bin", false)];
    if procfs {
        mounts.push(pod::mount("cni-host-procfs", "/host/proc", true));
    }
    mounts.push(pod::mount("cni-net-dir", "/host/etc/cni/net.d", false));
    mounts.push(pod::mount("cni-socket-dir", "/var/run/istio-cni", false));
    if ambient {
        mounts.push(VolumeMount {
            mount_propagation: Some("HostToContainer".into()),
            ..pod::mount("cni-netns-dir", "/host/var/run/netns", false)
        });
        mounts.push(pod::mount(
            "cni-ztunnel-sock-dir",
            "/var/run/ztunnel",
            false,
        ));
    }

    let mut volumes = vec![pod::host_path("cni-bin-dir", &bin_dir, None)];
    if procfs {
        volumes.push(pod::host_path(
            "cni-host-procfs",
            "/proc",
            Some("Directory"),
        ));
    }
    if ambient {
        volumes.push(pod::host_path(
            "cni-ztunnel-sock-dir",
            "/var/run/ztunnel",
            Some("DirectoryOrCreate"),
        ));
    }
    volumes.push(pod::host_path("cni-net-dir", &v.str("cniConfDir"), None));
    volumes.push(pod::host_path("cni-socket-dir", "/var/run/istio-cni", None));
    volumes.push(pod::host_path(
        "cni-netns-dir",
        &v.str("cniNetnsDir"),
        Some("DirectoryOrCreate"),
    ));

    let resources = match v.get("resources").filter(|r| truthy(r)) {
        Some(own) => pod::resource_requirements(own),
        None => v
            .get("global.defaultResources")
            .and_then(pod::resource_requirements),
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
    let mut object = chart::to_json(&daemon_set)?;
    pod::reread_resource_amounts(&mut object);
    // Free-form chart values, written as the user gave them.
    let pod_spec = ["spec", "template", "spec"];
    if let Some(strategy) = v.get("updateStrategy").filter(|s| truthy(s)) {
        chart::set_at(&mut object, &["spec", "updateStrategy"], strategy.clone());
    }
    if let Some(affinity) = v.get("affinity").filter(|a| truthy(a)) {
        chart::set_at(
            &mut object,
            &[&pod_spec[..], &["affinity"]].concat(),
            affinity.clone(),
        );
    }
    if let Some(tolerations) = v.get("tolerations").filter(|t| truthy(t)) {
        chart::set_at(
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
    let tag = chart::first_set(v, &["tag", "global.tag"]);
    let variant = chart::first_set(v, &["variant", "global.variant"]);
    if variant.is_empty() {
        tag
    } else {
        format!("{tag}-{variant}")
    }
}
