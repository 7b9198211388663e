//! Ingress and egress gateways: one service account, SDS role and role binding, deployment and
//! service, and when asked for an autoscaler, disruption budget and network policy, per entry
//! of `components.ingressGateways` / `components.egressGateways`.
//!
//! istioctl renders these from two nearly identical legacy charts (`gateways/istio-ingress` and
//! `gateways/istio-egress`). They differ only in names, default values and which extra-port list
//! the Service reads, so one renderer serves both, parameterised by [`Flavour`]. The charts print
//! several user-supplied values verbatim into YAML, so a few fields are built as JSON to keep what
//! a YAML re-parse of Helm's text would give (numbers stay numbers, empty blocks become `null`).

mod deployment;
mod service;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::ServiceAccount;
use k8s_openapi::api::rbac::v1::{PolicyRule, Role, RoleBinding, RoleRef, Subject};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::{Value, json};

use super::error::ChartError;
use super::helm::{self, truthy};
use super::{ChartContext, ComponentName, chart, pod};

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
pub fn render(context: &ChartContext) -> Result<Vec<Value>, ChartError> {
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
            .map(helm::go_text)
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
        self.get(key).map(helm::go_text).unwrap_or_default()
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
        helm::text_map(self.get("labels"))
    }

    /// The labels the chart's `istio.labels` helper adds to everything (minus Helm's own).
    fn chart_labels(&self, labels: &mut BTreeMap<String, String>) {
        labels.extend(chart::istio_labels(self.context.release));
    }

    /// Object labels: optionally the gateway's own, then the chart's bookkeeping ones.
    fn labels(&self, with_gateway_labels: bool) -> BTreeMap<String, String> {
        let mut labels = if with_gateway_labels {
            self.selector_labels()
        } else {
            BTreeMap::new()
        };
        labels.insert("release".into(), chart::RELEASE.into());
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
        self.chart_labels(&mut labels);
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

    fn service_account(&self) -> Result<Value, ChartError> {
        let mut metadata = self.metadata(self.service_account_name(), self.labels(true));
        let annotations = self
            .get("serviceAccount")
            .and_then(|account| account.get("annotations"))
            .filter(|a| truthy(a));
        if let Some(annotations) = annotations {
            metadata.annotations = Some(helm::text_map(Some(annotations)));
        }
        let account = ServiceAccount {
            metadata,
            image_pull_secrets: pod::pull_secrets(self.context.get("global.imagePullSecrets")),
            ..ServiceAccount::default()
        };
        chart::to_json(&account)
    }

    fn sds_name(&self) -> String {
        format!("{}-sds", self.name)
    }

    fn role(&self) -> Result<Value, ChartError> {
        let role = Role {
            metadata: self.metadata(self.sds_name(), self.labels(false)),
            rules: Some(vec![PolicyRule {
                api_groups: Some(vec![String::new()]),
                resources: Some(vec!["secrets".into()]),
                verbs: vec!["get".into(), "watch".into(), "list".into()],
                ..PolicyRule::default()
            }]),
        };
        chart::to_json(&role)
    }

    fn role_binding(&self) -> Result<Value, ChartError> {
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
        chart::to_json(&binding)
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

/// Sets `key` in the object at `path`, which the typed render always creates.
fn insert(value: &mut Value, path: &[&str], key: &str, field: Value) {
    if let Some(Value::Object(map)) = chart::at_mut(value, path) {
        map.insert(key.to_string(), field);
    }
}

fn int_or_string(value: &Value) -> IntOrString {
    match helm::reread(value) {
        Value::Number(number) => IntOrString::Int(number.as_i64().unwrap_or_default() as i32),
        other => IntOrString::String(helm::go_text(&other)),
    }
}
