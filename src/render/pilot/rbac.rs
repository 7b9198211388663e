//! istiod's identity and permissions: its `ServiceAccount`, namespace Role, the cluster roles for
//! discovery and the gateway deployment controller, and the reader role multicluster secrets use.

use k8s_openapi::api::core::v1::ServiceAccount;
use k8s_openapi::api::rbac::v1::{
    ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, RoleRef, Subject,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde_json::Value;

use super::Pilot;
use crate::release::Feature;
use crate::render::error::ChartError;
use crate::render::{chart, helm, pod};

/// A rule from API groups, resources and verbs.
fn rule(groups: &[&str], resources: &[&str], verbs: &[&str]) -> PolicyRule {
    let list = |items: &[&str]| Some(items.iter().map(|s| (*s).to_string()).collect());
    PolicyRule {
        api_groups: list(groups),
        resources: list(resources),
        verbs: verbs.iter().map(|s| (*s).to_string()).collect(),
        ..PolicyRule::default()
    }
}

const ALL_VERBS: &[&str] = &[
    "get", "watch", "list", "update", "patch", "create", "delete",
];
const READ: &[&str] = &["get", "list", "watch"];
const READ_WATCH_FIRST: &[&str] = &["get", "watch", "list"];
const ISTIO_GROUPS: &[&str] = &[
    "config.istio.io",
    "security.istio.io",
    "networking.istio.io",
    "authentication.istio.io",
    "rbac.istio.io",
    "telemetry.istio.io",
    "extensions.istio.io",
];

pub(super) fn service_account(pilot: &Pilot) -> Result<Value, ChartError> {
    let values = pilot.values;
    let annotations = helm::text_map(values.get("serviceAccountAnnotations"));
    let account = ServiceAccount {
        metadata: ObjectMeta {
            name: Some(pilot.name("istiod")),
            namespace: Some(pilot.istio_namespace.clone()),
            labels: Some(pilot.chart_labels("istiod", &[("app", "istiod")])),
            annotations: (!annotations.is_empty()).then_some(annotations),
            ..ObjectMeta::default()
        },
        image_pull_secrets: pod::pull_secrets(values.get("global.imagePullSecrets")),
        ..ServiceAccount::default()
    };
    chart::to_json(&account)
}

fn istiod_subject(pilot: &Pilot) -> Subject {
    Subject {
        kind: "ServiceAccount".into(),
        name: pilot.name("istiod"),
        namespace: Some(pilot.istio_namespace.clone()),
        ..Subject::default()
    }
}

pub(super) fn role(pilot: &Pilot) -> Result<Value, ChartError> {
    let role = Role {
        metadata: ObjectMeta {
            name: Some(pilot.name("istiod")),
            namespace: Some(pilot.istio_namespace.clone()),
            labels: Some(pilot.chart_labels("istiod", &[("app", "istiod")])),
            ..ObjectMeta::default()
        },
        rules: Some(vec![
            rule(&["networking.istio.io"], &["gateways"], &["create"]),
            rule(
                &[""],
                &["secrets"],
                &["create", "get", "watch", "list", "update", "delete"],
            ),
            rule(&[""], &["configmaps"], &["delete"]),
            rule(
                &["coordination.k8s.io"],
                &["leases"],
                &["get", "update", "patch", "create"],
            ),
        ]),
    };
    chart::to_json(&role)
}

pub(super) fn role_binding(pilot: &Pilot) -> Result<Value, ChartError> {
    let binding = RoleBinding {
        metadata: ObjectMeta {
            name: Some(pilot.name("istiod")),
            namespace: Some(pilot.istio_namespace.clone()),
            labels: Some(pilot.chart_labels("istiod", &[("app", "istiod")])),
            ..ObjectMeta::default()
        },
        role_ref: RoleRef {
            api_group: Some("rbac.authorization.k8s.io".into()),
            kind: "Role".into(),
            name: pilot.name("istiod"),
        },
        subjects: Some(vec![istiod_subject(pilot)]),
    };
    chart::to_json(&binding)
}

/// The Gateway API status resources istiod writes; `listenersets/status` last (since 1.30).
const GATEWAY_STATUS: [&str; 10] = [
    "backendtlspolicies/status",
    "gatewayclasses/status",
    "gateways/status",
    "grpcroutes/status",
    "httproutes/status",
    "referencegrants/status",
    "tcproutes/status",
    "tlsroutes/status",
    "udproutes/status",
    "listenersets/status",
];

/// `istiod-clusterrole-*` and (unless the gateway deployment controller is off)
/// `istiod-gateway-controller-*`, each with its binding.
pub(super) fn cluster_roles(pilot: &Pilot) -> Result<Vec<Value>, ChartError> {
    let values = pilot.values;
    let listener_sets = values.release.has(Feature::ListenerSetsStatus);
    let suffix = format!("{}-{}", pilot.name(""), pilot.namespace);
    let role_name = format!("istiod-clusterrole{suffix}");
    let mcs_group = {
        let group = values.str("env.MCS_API_GROUP");
        if group.is_empty() {
            "multicluster.x-k8s.io".to_string()
        } else {
            group
        }
    };
    let analysis = values.truthy("global.istiod.enableAnalysis");
    let mut rules = vec![
        rule(
            &["admissionregistration.k8s.io"],
            &["mutatingwebhookconfigurations"],
            &["get", "list", "watch", "update", "patch"],
        ),
        rule(
            &["admissionregistration.k8s.io"],
            &["validatingwebhookconfigurations"],
            &["get", "list", "watch", "update"],
        ),
        rule(ISTIO_GROUPS, &["*"], READ_WATCH_FIRST),
    ];
    if analysis {
        rules.push(rule(
            ISTIO_GROUPS,
            &[
                "authorizationpolicies/status",
                "destinationrules/status",
                "envoyfilters/status",
                "gateways/status",
                "peerauthentications/status",
                "proxyconfigs/status",
                "requestauthentications/status",
                "serviceentries/status",
                "sidecars/status",
                "telemetries/status",
                "virtualservices/status",
                "wasmplugins/status",
                "workloadentries/status",
                "workloadgroups/status",
            ],
            &["update", "patch"],
        ));
    }
    rules.extend([
        rule(&["networking.istio.io"], &["workloadentries"], ALL_VERBS),
        rule(
            &["networking.istio.io"],
            &["workloadentries/status", "serviceentries/status"],
            ALL_VERBS,
        ),
        rule(
            &["security.istio.io"],
            &["authorizationpolicies/status"],
            ALL_VERBS,
        ),
        rule(&[""], &["services/status"], ALL_VERBS),
        rule(
            &["apiextensions.k8s.io"],
            &["customresourcedefinitions"],
            READ,
        ),
        rule(
            &[""],
            &["pods", "nodes", "services", "namespaces", "endpoints"],
            READ,
        ),
        rule(&["discovery.k8s.io"], &["endpointslices"], READ),
    ]);
    if values.truthy("taint.enabled") {
        rules.push(rule(&[""], &["nodes"], &["patch"]));
    }
    if analysis {
        rules.push(rule(
            &["extensions", "networking.k8s.io"],
            &["ingresses"],
            READ,
        ));
        rules.push(rule(
            &["extensions", "networking.k8s.io"],
            &["ingresses/status"],
            &["*"],
        ));
    }
    rules.extend([
        rule(
            &["networking.k8s.io"],
            &["ingresses", "ingressclasses"],
            READ,
        ),
        rule(&["networking.k8s.io"], &["ingresses/status"], &["*"]),
        rule(
            &[""],
            &["configmaps"],
            &["create", "get", "list", "watch", "update"],
        ),
    ]);
    let cert_provider = values.str("global.pilotCertProvider");
    if values.truthy("env.EXTERNAL_CA")
        || !["istiod", "custom", "none"].contains(&cert_provider.as_str())
    {
        rules.push(rule(
            &["certificates.k8s.io"],
            &[
                "certificatesigningrequests",
                "certificatesigningrequests/approval",
                "certificatesigningrequests/status",
            ],
            &["update", "create", "get", "delete", "watch"],
        ));
        let signers: Vec<String> = values
            .get("global.certSigners")
            .and_then(Value::as_array)
            .map(|list| list.iter().map(helm::go_text).collect())
            .unwrap_or_default();
        let mut approve = rule(&["certificates.k8s.io"], &["signers"], &["approve"]);
        // An empty `resourceNames:` reads back as null.
        approve.resource_names = (!signers.is_empty()).then_some(signers);
        rules.push(approve);
    }
    if values.get("env.ENABLE_CLUSTER_TRUST_BUNDLE_API") == Some(&Value::Bool(true)) {
        rules.push(rule(
            &["certificates.k8s.io"],
            &["clustertrustbundles"],
            &["update", "create", "delete", "list", "watch", "get"],
        ));
        let mut attest = rule(&["certificates.k8s.io"], &["signers"], &["attest"]);
        attest.resource_names = Some(vec!["istio.io/istiod-ca".into()]);
        rules.push(attest);
    }
    rules.extend([
        rule(&["authentication.k8s.io"], &["tokenreviews"], &["create"]),
        rule(
            &["authorization.k8s.io"],
            &["subjectaccessreviews"],
            &["create"],
        ),
        rule(
            &["gateway.networking.k8s.io", "gateway.networking.x-k8s.io"],
            &["*"],
            READ_WATCH_FIRST,
        ),
        rule(
            &["gateway.networking.x-k8s.io"],
            if listener_sets {
                &["xbackendtrafficpolicies/status"]
            } else {
                &["xbackendtrafficpolicies/status", "xlistenersets/status"]
            },
            &["update", "patch"],
        ),
        rule(
            &["gateway.networking.k8s.io"],
            // Before 1.30 listener sets were experimental: `xlistenersets/status` above.
            if listener_sets {
                &GATEWAY_STATUS
            } else {
                &GATEWAY_STATUS[..GATEWAY_STATUS.len() - 1]
            },
            &["update", "patch"],
        ),
        rule(
            &["gateway.networking.k8s.io"],
            &["gatewayclasses"],
            &["create", "update", "patch", "delete"],
        ),
        rule(
            &["inference.networking.k8s.io"],
            &["inferencepools"],
            READ_WATCH_FIRST,
        ),
        rule(
            &["inference.networking.k8s.io"],
            &["inferencepools/status"],
            &["update", "patch"],
        ),
        rule(&[""], &["secrets"], READ_WATCH_FIRST),
        rule(
            &[mcs_group.as_str()],
            &["serviceexports"],
            &["get", "watch", "list", "create", "delete"],
        ),
        rule(&[mcs_group.as_str()], &["serviceimports"], READ_WATCH_FIRST),
    ]);
    let mut objects = vec![
        cluster_role(pilot, &role_name, "istiod", "istiod", rules)?,
        cluster_role_binding(pilot, &role_name, "istiod", "istiod", istiod_subject(pilot))?,
    ];
    let deployment_controller = values
        .get("env.PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER")
        .map(helm::go_text);
    if deployment_controller.as_deref() != Some("false") {
        let name = format!("istiod-gateway-controller{suffix}");
        let rules = vec![
            rule(&["apps"], &["deployments"], ALL_VERBS),
            rule(&["autoscaling"], &["horizontalpodautoscalers"], ALL_VERBS),
            rule(&["policy"], &["poddisruptionbudgets"], ALL_VERBS),
            rule(&[""], &["services"], ALL_VERBS),
            rule(&[""], &["serviceaccounts"], ALL_VERBS),
        ];
        objects.push(cluster_role(pilot, &name, "istiod", "istiod", rules)?);
        objects.push(cluster_role_binding(
            pilot,
            &name,
            "istiod",
            "istiod",
            istiod_subject(pilot),
        )?);
    }
    Ok(objects)
}

/// `istio-reader-clusterrole-*` and its binding to the reader service account.
pub(super) fn reader(pilot: &Pilot) -> Result<Vec<Value>, ChartError> {
    let values = pilot.values;
    let name = format!(
        "istio-reader-clusterrole{}-{}",
        pilot.name(""),
        pilot.namespace
    );
    let mcs_group = {
        let group = values.str("env.MCS_API_GROUP");
        if group.is_empty() {
            "multicluster.x-k8s.io".to_string()
        } else {
            group
        }
    };
    let mut rules = vec![
        rule(ISTIO_GROUPS, &["*"], READ),
        rule(
            &[""],
            &[
                "endpoints",
                "pods",
                "services",
                "nodes",
                "replicationcontrollers",
                "namespaces",
                "secrets",
                "configmaps",
            ],
            READ,
        ),
        rule(
            &["networking.istio.io"],
            &["workloadentries"],
            READ_WATCH_FIRST,
        ),
        rule(
            &["networking.x-k8s.io", "gateway.networking.k8s.io"],
            &["gateways"],
            READ_WATCH_FIRST,
        ),
        rule(
            &["apiextensions.k8s.io"],
            &["customresourcedefinitions"],
            READ,
        ),
        rule(&["discovery.k8s.io"], &["endpointslices"], READ),
        rule(
            &[mcs_group.as_str()],
            &["serviceexports"],
            &["get", "list", "watch", "create", "delete"],
        ),
        rule(&[mcs_group.as_str()], &["serviceimports"], READ),
        rule(&["apps"], &["replicasets"], READ),
        rule(&["authentication.k8s.io"], &["tokenreviews"], &["create"]),
        rule(
            &["authorization.k8s.io"],
            &["subjectaccessreviews"],
            &["create"],
        ),
    ];
    if values.truthy("istiodRemote.enabled") {
        rules.extend([
            rule(
                &[""],
                &["configmaps"],
                &["create", "get", "list", "watch", "update"],
            ),
            rule(
                &["admissionregistration.k8s.io"],
                &["mutatingwebhookconfigurations"],
                &["get", "list", "watch", "update", "patch"],
            ),
            rule(
                &["admissionregistration.k8s.io"],
                &["validatingwebhookconfigurations"],
                &["get", "list", "watch", "update"],
            ),
        ]);
    }
    let custom = if values.release.has(Feature::CustomReaderServiceAccount) {
        values.str("global.readerServiceAccount.name")
    } else {
        String::new()
    };
    let subject = if custom.is_empty() {
        Subject {
            kind: "ServiceAccount".into(),
            name: "istio-reader-service-account".into(),
            namespace: Some(pilot.istio_namespace.clone()),
            ..Subject::default()
        }
    } else {
        let namespace = values.str("global.readerServiceAccount.namespace");
        Subject {
            kind: "ServiceAccount".into(),
            name: custom,
            namespace: (!namespace.is_empty()).then_some(namespace),
            ..Subject::default()
        }
    };
    Ok(vec![
        cluster_role(pilot, &name, "istio-reader", "istio-reader", rules)?,
        cluster_role_binding(pilot, &name, "istio-reader", "istio-reader", subject)?,
    ])
}

fn cluster_role(
    pilot: &Pilot,
    name: &str,
    app: &str,
    app_name: &str,
    rules: Vec<PolicyRule>,
) -> Result<Value, ChartError> {
    let role = ClusterRole {
        metadata: ObjectMeta {
            name: Some(name.to_string()),
            labels: Some(pilot.chart_labels(app_name, &[("app", app)])),
            ..ObjectMeta::default()
        },
        rules: Some(rules),
        ..ClusterRole::default()
    };
    chart::to_json(&role)
}

fn cluster_role_binding(
    pilot: &Pilot,
    name: &str,
    app: &str,
    app_name: &str,
    subject: Subject,
) -> Result<Value, ChartError> {
    let binding = ClusterRoleBinding {
        metadata: ObjectMeta {
            name: Some(name.to_string()),
            labels: Some(pilot.chart_labels(app_name, &[("app", app)])),
            ..ObjectMeta::default()
        },
        role_ref: RoleRef {
            api_group: Some("rbac.authorization.k8s.io".into()),
            kind: "ClusterRole".into(),
            name: name.to_string(),
        },
        subjects: Some(vec![subject]),
    };
    chart::to_json(&binding)
}
