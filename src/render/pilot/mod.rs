//! The `pilot` component: istiod, the Istio control plane.
//!
//! Renders what Istio's `istio-discovery` chart installs: istiod's identity and RBAC, the mesh
//! config and values `ConfigMaps`, the Deployment with its Service, autoscaler and disruption
//! budget, the injection and validation webhooks, and (for remote clusters) the Service that
//! points at a remote istiod. The sidecar-injector `ConfigMap` comes from [`super::injector`].
//!
//! The chart reads settings both at the top level and under `pilot.` (a legacy prefix); like the
//! chart, [`chart_view`] copies `pilot.*` over the top level before anything is rendered.

mod config;
mod policy;
mod rbac;
mod webhooks;
mod workload;

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::error::ChartError;
use super::helm::truthy;
use super::{ChartContext, chart};
use crate::merge::overlay;
use crate::release::{Feature, Release};

/// The component's chart defaults (our own text, same effect as Istio's chart `values.yaml`).
///
/// The whole tree is kept, not just the keys the render reads: the `values` `ConfigMap` publishes
/// the merged values, and the injector templates read `global.proxy.*` and friends from here.
pub fn defaults(release: &Release) -> Value {
    let mut chart = json!({
        "autoscaleEnabled": true,
        "autoscaleMin": 1,
        "autoscaleMax": 5,
        "autoscaleBehavior": {},
        "replicaCount": 1,
        "rollingMaxSurge": "100%",
        "rollingMaxUnavailable": "25%",
        "hub": "",
        "tag": "",
        "variant": "",
        "image": "pilot",
        "traceSampling": 1.0,
        "resources": { "requests": { "cpu": "500m", "memory": "2048Mi" } },
        "seccompProfile": {},
        "cni": { "enabled": false, "provider": "default" },
    });
    overlay(
        &mut chart,
        json!({
            "extraContainerArgs": [],
            "env": {},
            "envVarFrom": [],
            "taint": { "enabled": false, "namespace": "", "name": "cni.istio.io/not-ready" },
            "affinity": {},
            "tolerations": [],
            "cpu": { "targetAverageUtilization": 80 },
            "memory": {},
            "volumeMounts": [],
            "volumes": [],
            "initContainers": [],
            "nodeSelector": {},
            "podAnnotations": {},
            "serviceAnnotations": {},
            "serviceAccountAnnotations": {},
            "sidecarInjectorWebhookAnnotations": {},
            "topologySpreadConstraints": [],
        }),
    );
    overlay(
        &mut chart,
        json!({
            "jwksResolverExtraRootCA": "",
            "keepaliveMaxServerConnectionAge": "30m",
            "deploymentLabels": {},
            "deploymentAnnotations": {},
            "configMap": true,
            "podLabels": {},
            "ipFamilyPolicy": "",
            "ipFamilies": [],
            "trustedZtunnelNamespace": "",
            "trustedZtunnelName": "",
            "revision": "",
            "revisionTags": [],
            "ownerName": "",
            "meshConfig": { "enablePrometheusMerge": true },
            "experimental": { "stableValidationPolicy": false },
            "base": { "enableIstioConfigCRDs": true },
            "gateways": { "securityContext": {}, "seccompProfile": {} },
            "gatewayClasses": {},
            "pdb": { "minAvailable": 1, "unhealthyPodEvictionPolicy": "" },
        }),
    );
    overlay(&mut chart, injection_defaults());
    chart["global"] = global_defaults();
    if !release.has(Feature::UntaintControllerEnv) {
        // Before 1.30 the taint's name was fixed, not a value.
        if let Some(taint) = chart.get_mut("taint").and_then(Value::as_object_mut) {
            taint.remove("name");
        }
    }
    chart
}

/// The chart's injection, remote-istiod and telemetry defaults.
fn injection_defaults() -> Value {
    json!({
        "sidecarInjectorWebhook": {
            "neverInjectSelector": [],
            "alwaysInjectSelector": [],
            "injectedAnnotations": {},
            "enableNamespacesByDefault": false,
            "reinvocationPolicy": "Never",
            "rewriteAppHTTPProbe": true,
            "templates": {},
            "defaultTemplates": [],
        },
        "istiodRemote": {
            "enabled": false,
            "enabledLocalInjectorIstiod": false,
            "injectionURL": "",
            "injectionPath": "/inject",
            "injectionCABundle": "",
        },
        "telemetry": {
            "enabled": true,
            "v2": {
                "enabled": true,
                "prometheus": { "enabled": true },
                "stackdriver": { "enabled": false },
            },
        },
    })
}

/// The chart's `global` defaults (split out only to keep each `json!` within macro limits).
fn global_defaults() -> Value {
    let mut global = json!({
        "istioNamespace": "istio-system",
        "certSigners": [],
        "defaultPodDisruptionBudget": { "enabled": true },
        "defaultResources": { "requests": { "cpu": "10m" } },
            // istioctl always passes its own hub and tag; these are the chart's fallbacks.
            "hub": "registry.istio.io/testing",
            "tag": "latest",
        "variant": "",
        "imagePullPolicy": "",
        "imagePullSecrets": [],
        "istiod": { "enableAnalysis": false },
        "logAsJson": false,
        "nativeNftables": false,
        "logging": { "level": "default:info" },
        "networkPolicy": { "enabled": false },
        "omitSidecarInjectorConfigMap": false,
        "resourceScope": "all",
        "operatorManageWebhooks": false,
        "priorityClassName": "",
    });
    global["proxy"] = json!({
            "image": "proxyv2",
            "autoInject": "enabled",
            "clusterDomain": "cluster.local",
            "componentLogLevel": "misc:error",
            "excludeInboundPorts": "",
            "includeInboundPorts": "*",
            "includeIPRanges": "*",
            "excludeIPRanges": "",
            "includeOutboundPorts": "",
            "excludeOutboundPorts": "",
            "logLevel": "warning",
            "outlierLogPath": "",
            "privileged": false,
            "seccompProfile": {},
            "readinessFailureThreshold": 4,
            "readinessInitialDelaySeconds": 0,
            "readinessPeriodSeconds": 15,
            "startupProbe": { "enabled": true, "failureThreshold": 600 },
            "resources": {
                "requests": { "cpu": "100m", "memory": "128Mi" },
                "limits": { "cpu": "2000m", "memory": "1024Mi" },
            },
            "statusPort": 15020,
            "tracer": "none",
    });
    overlay(
        &mut global,
        json!({
            "proxy_init": { "image": "proxyv2", "forceApplyIptables": false },
            "remotePilotAddress": "",
            "caAddress": "",
            "externalIstiod": false,
            "configCluster": false,
            "configValidation": true,
            "meshID": "",
            "meshNetworks": {},
            "mountMtlsCerts": false,
            "multiCluster": { "clusterName": "" },
            "network": "",
            "pilotCertProvider": "istiod",
            "sds": { "token": { "aud": "istio-ca" } },
            "sts": { "servicePort": 0 },
            "caName": "",
            "waypoint": {
                "resources": {
                    "requests": { "cpu": "100m", "memory": "128Mi" },
                    "limits": { "cpu": "2", "memory": "1Gi" },
                },
                "affinity": {},
                "topologySpreadConstraints": [],
                "nodeSelector": {},
                "tolerations": [],
            },
        }),
    );
    global
}

/// The values the chart's templates see: `pilot.*` laid over the top level (the chart's legacy
/// descoping step). The `pilot` key itself stays, as the published merged values show it.
#[must_use]
pub fn chart_view(context: &ChartContext) -> ChartContext {
    let mut view = context.clone();
    if let Some(pilot) = context.values.get("pilot").filter(|p| p.is_object()) {
        overlay(&mut view.values, pilot.clone());
    }
    view
}

/// Renders the component's objects.
pub fn render(context: &ChartContext) -> Result<Vec<Value>, ChartError> {
    let view = chart_view(context);
    let pilot = Pilot::new(&view);
    let mut objects = Vec::new();
    let namespaced = pilot.scope_includes("namespace");
    let cluster_scoped = pilot.scope_includes("cluster");
    let remote = view.truthy("istiodRemote.enabled");
    let local_injector = view.truthy("istiodRemote.enabledLocalInjectorIstiod");
    // Remote clusters get istiod's identity and RBAC only when they also hold the config.
    let identity = !remote || view.truthy("global.configCluster") || local_injector;
    // Remote clusters run no istiod workload unless a local injector istiod is installed.
    let workload = !remote || local_injector;

    if namespaced && identity {
        objects.push(rbac::service_account(&pilot)?);
        objects.push(rbac::role(&pilot)?);
        objects.push(rbac::role_binding(&pilot)?);
    }
    if cluster_scoped && identity {
        objects.extend(rbac::cluster_roles(&pilot)?);
    }
    let reader_enabled = !context.release.has(Feature::ReaderRbacSwitch)
        || view.get("global.enableReaderRBAC").is_none_or(truthy);
    if cluster_scoped && reader_enabled {
        objects.extend(rbac::reader(&pilot)?);
    }
    if namespaced {
        if view.truthy("configMap") {
            objects.push(config::mesh_config_map(&pilot)?);
        }
        objects.push(config::values_config_map(&pilot, context)?);
        objects.extend(config::gateway_class_config_maps(&pilot)?);
        if view.truthy("global.networkPolicy.enabled") {
            objects.push(workload::network_policy(&pilot)?);
        }
        if workload {
            if view.truthy("jwksResolverExtraRootCA") {
                objects.push(config::jwks_config_map(&pilot)?);
            }
            objects.push(workload::deployment(&pilot)?);
            objects.push(workload::service(&pilot)?);
            if let Some(hpa) = workload::autoscaler(&pilot)? {
                objects.push(hpa);
            }
            if let Some(pdb) = workload::disruption_budget(&pilot)? {
                objects.push(pdb);
            }
        }
        objects.extend(workload::revision_tag_services(&pilot)?);
        if remote && view.truthy("global.remotePilotAddress") {
            objects.extend(workload::remote_istiod(&pilot)?);
        }
    }
    if let Some(injector) = super::injector::config_map(&view)? {
        objects.push(injector);
    }
    if cluster_scoped && !view.truthy("global.operatorManageWebhooks") {
        objects.push(webhooks::sidecar_injector(&pilot)?);
        objects.extend(webhooks::revision_tag_injectors(&pilot)?);
    }
    if namespaced && identity {
        objects.extend(policy::stable_channel(&pilot)?);
    }
    if cluster_scoped && identity && view.truthy("global.configValidation") {
        objects.push(webhooks::validator(&pilot)?);
    }
    Ok(objects)
}

/// The resolved chart view plus the names and labels every template repeats.
pub(crate) struct Pilot<'a> {
    pub values: &'a ChartContext,
    /// The Helm release namespace (where istiod runs).
    pub namespace: String,
    /// `global.istioNamespace`, which some templates use instead of the release namespace.
    pub istio_namespace: String,
    /// The revision, `""` for the default one.
    pub revision: String,
}

impl<'a> Pilot<'a> {
    fn new(values: &'a ChartContext) -> Self {
        Self {
            values,
            namespace: values.namespace().to_string(),
            istio_namespace: values.str("global.istioNamespace"),
            revision: values.revision(),
        }
    }

    /// `global.resourceScope` is `all` or the given scope.
    fn scope_includes(&self, scope: &str) -> bool {
        let configured = self.values.str("global.resourceScope");
        configured == "all" || configured == scope
    }

    /// `base` with `-REVISION` appended for a revisioned control plane.
    pub fn name(&self, base: &str) -> String {
        if self.revision.is_empty() {
            base.to_string()
        } else {
            format!("{base}-{}", self.revision)
        }
    }

    /// The value of the `istio.io/rev` label.
    pub fn revision_label(&self) -> String {
        if self.revision.is_empty() {
            "default".into()
        } else {
            self.revision.clone()
        }
    }

    /// The labels of objects the operator owns (`istio.io/rev`, owner and component) plus `extra`.
    pub fn owned_labels(&self, extra: &[(&str, &str)]) -> BTreeMap<String, String> {
        let owner = chart::owner_name(self.values);
        let revision = self.revision_label();
        let mut all = self.chart_labels(
            "istiod",
            &[
                ("istio.io/rev", revision.as_str()),
                ("install.operator.istio.io/owning-resource", owner.as_str()),
                ("operator.istio.io/component", "Pilot"),
            ],
        );
        for (key, value) in extra {
            all.insert((*key).to_string(), (*value).to_string());
        }
        all
    }

    /// The chart's labels with `app.kubernetes.io/name` and `release`, and `extra` on top.
    pub fn chart_labels(&self, name: &str, extra: &[(&str, &str)]) -> BTreeMap<String, String> {
        let mut all = chart::app_labels(self.values.release, name);
        all.insert("release".into(), chart::RELEASE.into());
        for (key, value) in extra {
            all.insert((*key).to_string(), (*value).to_string());
        }
        all
    }
}

#[cfg(test)]
mod tests;
