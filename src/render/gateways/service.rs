//! The gateway's Service, autoscaler, disruption budget and network policy.

use std::collections::BTreeMap;

use k8s_openapi::api::autoscaling::v2::{
    CrossVersionObjectReference, HorizontalPodAutoscaler, HorizontalPodAutoscalerSpec, MetricSpec,
    MetricTarget, ResourceMetricSource,
};
use k8s_openapi::api::core::v1::{Service, ServiceSpec};
use k8s_openapi::api::networking::v1::{
    NetworkPolicy, NetworkPolicyEgressRule, NetworkPolicyPort, NetworkPolicySpec,
};
use k8s_openapi::api::policy::v1::{PodDisruptionBudget, PodDisruptionBudgetSpec};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::{Map, Value, json};

use super::{Gateway, insert, int_or_string};
use crate::render::chart;
use crate::render::error::ChartError;
use crate::render::helm::{self, truthy};

impl Gateway<'_> {
    pub(super) fn service(&self) -> Result<Value, ChartError> {
        let service = Service {
            metadata: self.metadata(self.name.clone(), self.labels(true)),
            spec: Some(ServiceSpec {
                selector: Some(self.selector_labels()),
                ..ServiceSpec::default()
            }),
            ..Service::default()
        };
        let mut value = chart::to_json(&service)?;
        let annotations: Map<String, Value> = helm::entries(self.get("serviceAnnotations"))
            .into_iter()
            .map(|(key, value)| (key, Value::String(helm::go_text(&value))))
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
                helm::reread(policy),
            );
        }
        insert(
            &mut value,
            &spec,
            "type",
            self.get("type").map_or(Value::Null, helm::reread),
        );
        let mut ports: Vec<Value> = self
            .list("ports")
            .iter()
            .map(|port| {
                Value::Object(
                    helm::entries(Some(port))
                        .into_iter()
                        .map(|(key, value)| (key, helm::reread(&value)))
                        .collect(),
                )
            })
            .collect();
        for extra in self.list(self.flavour.extra_ports_key) {
            ports.push(json!({
                "port": extra.get("port").map_or(Value::Null, helm::reread),
                "name": extra.get("name").map_or(Value::Null, helm::reread),
            }));
        }
        let ports = if ports.is_empty() {
            Value::Null
        } else {
            Value::Array(ports)
        };
        insert(&mut value, &spec, "ports", ports);
        if let Some(policy) = self.get("ipFamilyPolicy").filter(|p| truthy(p)) {
            insert(&mut value, &spec, "ipFamilyPolicy", helm::reread(policy));
        }
        let families = self.list("ipFamilies");
        if !families.is_empty() {
            let families = families.iter().map(helm::reread).collect();
            insert(&mut value, &spec, "ipFamilies", Value::Array(families));
        }
        Ok(value)
    }

    pub(super) fn autoscaler(&self) -> Result<Value, ChartError> {
        let utilization = self
            .get("cpu")
            .and_then(|cpu| cpu.get("targetAverageUtilization"));
        let autoscaler = HorizontalPodAutoscaler {
            metadata: self.metadata(self.name.clone(), self.labels(true)),
            spec: HorizontalPodAutoscalerSpec {
                max_replicas: helm::int(self.get("autoscaleMax")).unwrap_or_default() as i32,
                min_replicas: helm::int(self.get("autoscaleMin")).map(|m| m as i32),
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
                            average_utilization: helm::int(utilization).map(|u| u as i32),
                            ..MetricTarget::default()
                        },
                    }),
                    ..MetricSpec::default()
                }]),
                ..HorizontalPodAutoscalerSpec::default()
            },
            ..HorizontalPodAutoscaler::default()
        };
        chart::to_json(&autoscaler)
    }

    pub(super) fn disruption_budget(&self) -> Result<Option<Value>, ChartError> {
        if !self
            .context
            .truthy("global.defaultPodDisruptionBudget.enabled")
        {
            return Ok(None);
        }
        let autoscale = self.truthy("autoscaleEnabled");
        // A budget on a single replica would block node drains (kubernetes#93476).
        let several = if autoscale {
            helm::int(self.get("autoscaleMin")).unwrap_or(0) > 1
        } else {
            helm::int(self.get("replicaCount")).unwrap_or(0) > 1
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
        chart::to_json(&budget).map(Some)
    }

    pub(super) fn network_policy(&self) -> Result<Value, ChartError> {
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
        labels.insert("release".into(), chart::RELEASE.into());
        labels.insert(
            "app.kubernetes.io/name".into(),
            self.flavour.chart_name.into(),
        );
        let tcp = |port: i32| NetworkPolicyPort {
            protocol: Some("TCP".into()),
            port: Some(IntOrString::Int(port)),
            ..NetworkPolicyPort::default()
        };
        let release = self.context.release;
        let mut ingress = vec![
            chart::ingress_rule(release, vec![tcp(15021)]),
            chart::ingress_rule(release, vec![tcp(15020), tcp(15090)]),
        ];
        for port in self.list("ports") {
            let target = port
                .get("targetPort")
                .filter(|t| truthy(t))
                .or_else(|| port.get("port"))
                .map(int_or_string);
            ingress.push(chart::ingress_rule(
                release,
                vec![NetworkPolicyPort {
                    protocol: Some(
                        port.get("protocol")
                            .map(helm::go_text)
                            .filter(|p| !p.is_empty())
                            .unwrap_or_else(|| "TCP".into()),
                    ),
                    port: target,
                    ..NetworkPolicyPort::default()
                }],
            ));
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
        chart::to_json(&policy)
    }
}
