//! The `base` component: what a cluster needs before any control plane runs.
//!
//! That is Istio's custom resource definitions ([`crds`]), the `istio-reader-service-account` that
//! multicluster remote secrets use, and, when a default revision is named, the
//! `istiod-default-validator` webhook (and, for the stable channel, an admission policy that keeps
//! unstable resources and fields out). `global.resourceScope` splits the cluster-scoped objects
//! from the namespaced one.
//!
//! `base.enableIstioConfigCRDs` is accepted but, exactly as in istioctl, changes nothing here:
//! istioctl only drops a chart's `crds/` directory with it, and this chart templates its CRDs
//! instead (`base.excludedCRDs` is the setting that leaves CRDs out).

mod crds;

use std::collections::BTreeMap;

use k8s_openapi::api::admissionregistration::v1::{
    MatchResources, NamedRuleWithOperations, RuleWithOperations, ServiceReference,
    ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding,
    ValidatingAdmissionPolicyBindingSpec, ValidatingAdmissionPolicySpec, ValidatingWebhook,
    ValidatingWebhookConfiguration, Validation, Variable, WebhookClientConfig,
};
use k8s_openapi::api::core::v1::{LocalObjectReference, ServiceAccount};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde_json::{Value, json};

use super::error::ChartError;
use super::{ChartContext, chart};
use crate::manifest::Embedded;
use crate::release::{Feature, Release};

/// The API groups of Istio's configuration resources, which validation covers.
const CONFIG_GROUPS: [&str; 4] = [
    "security.istio.io",
    "networking.istio.io",
    "telemetry.istio.io",
    "extensions.istio.io",
];

/// The component's chart defaults (our own text, same effect as Istio's chart `values.yaml`).
pub fn defaults(release: &Release) -> Value {
    let mut global = json!({
        "imagePullSecrets": [],
        "istioNamespace": "istio-system",
        "resourceScope": "all",
    });
    if release.has(Feature::ReaderRbacSwitch) {
        global["enableReaderRBAC"] = json!(true);
    }
    json!({
        "global": global,
        "base": {
            "excludedCRDs": [],
            "enableCRDTemplates": true,
            "validationURL": "",
            "validationCABundle": "",
            "enableIstioConfigCRDs": true,
        },
        "defaultRevision": "default",
        "experimental": { "stableValidationPolicy": false },
    })
}

/// Renders the component's objects.
pub fn render(context: &ChartContext) -> Result<Vec<Value>, ChartError> {
    let scope = context.str("global.resourceScope");
    let cluster_scoped = scope == "all" || scope == "cluster";
    let namespaced = scope == "all" || scope == "namespace";
    let default_revision = context.str("defaultRevision");
    let mut objects = Vec::new();
    if cluster_scoped {
        if !context.truthy("base.enableCRDTemplates") {
            objects.extend(
                context
                    .release
                    .crds()
                    .trees()
                    .iter()
                    .map(|(_, tree)| tree.clone()),
            );
        }
        if !default_revision.is_empty() {
            if context.truthy("experimental.stableValidationPolicy") {
                objects.push(chart::to_json(&stable_policy(context, &default_revision))?);
                objects.push(chart::to_json(&stable_policy_binding())?);
            }
            objects.push(default_validator(context, &default_revision)?);
        }
    }
    // An explicit `false` switches the reader off; a missing or null setting leaves it on.
    let reader_enabled = !context.release.has(Feature::ReaderRbacSwitch)
        || context
            .values
            .pointer("/global/enableReaderRBAC")
            .is_none_or(super::helm::truthy);
    let custom_reader = context.release.has(Feature::CustomReaderServiceAccount)
        && context.truthy("global.readerServiceAccount.name");
    if namespaced && reader_enabled && !custom_reader {
        objects.push(chart::to_json(&reader_service_account(context))?);
    }
    Ok(objects)
}

/// The chart's labels plus `own`.
fn labels(release: &Release, own: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut labels = chart::istio_labels(release);
    labels.extend(
        own.iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string())),
    );
    labels
}

/// The published CRDs minus `base.excludedCRDs`, when the chart templates them (it relabels them
/// with [`chart::istio_labels`], replacing the published legacy labels wholesale). With
/// `base.enableCRDTemplates` off the chart emits the published file untouched instead, and
/// [`render`] returns those trees.
pub fn embedded_crds(context: &ChartContext) -> Vec<&'static Embedded> {
    let scope = context.str("global.resourceScope");
    if !(scope == "all" || scope == "cluster") || !context.truthy("base.enableCRDTemplates") {
        return Vec::new();
    }
    let excluded: Vec<&str> = context
        .get("base.excludedCRDs")
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    context
        .release
        .crds()
        .embedded
        .iter()
        .filter(|crd| !excluded.contains(&crd.name))
        .collect()
}

/// The cluster-wide validating webhook that serves the default revision.
fn default_validator(context: &ChartContext, default_revision: &str) -> Result<Value, ChartError> {
    let url = context.str("base.validationURL");
    let ca_bundle = context.str("base.validationCABundle");
    let service = url.is_empty().then(|| ServiceReference {
        name: if default_revision == "default" {
            "istiod".into()
        } else {
            format!("istiod-{default_revision}")
        },
        namespace: context.str("global.istioNamespace"),
        path: Some("/validate".into()),
        port: None,
    });
    // istioctl never renders as a Helm upgrade, so without a CA bundle the webhook fails open
    // until istiod patches it.
    let failure_policy = if !ca_bundle.is_empty() {
        "Fail".to_string()
    } else if context.truthy("base.validationFailurePolicy") {
        context.str("base.validationFailurePolicy")
    } else {
        "Ignore".to_string()
    };
    let webhook = ValidatingWebhook {
        name: "validation.istio.io".into(),
        client_config: WebhookClientConfig {
            url: (!url.is_empty()).then_some(url),
            service,
            ca_bundle: None,
        },
        rules: Some(vec![RuleWithOperations {
            operations: Some(strings(&["CREATE", "UPDATE"])),
            api_groups: Some(strings(&CONFIG_GROUPS)),
            api_versions: Some(strings(&["*"])),
            resources: Some(strings(&["*"])),
            scope: None,
        }]),
        failure_policy: Some(failure_policy),
        side_effects: "None".into(),
        admission_review_versions: strings(&["v1"]),
        ..ValidatingWebhook::default()
    };
    let configuration = ValidatingWebhookConfiguration {
        metadata: ObjectMeta {
            name: Some("istiod-default-validator".into()),
            labels: Some(labels(
                context.release,
                &[
                    ("app", "istiod"),
                    ("release", chart::RELEASE),
                    ("istio", "istiod"),
                    ("istio.io/rev", default_revision),
                    ("app.kubernetes.io/name", "istiod"),
                ],
            )),
            ..ObjectMeta::default()
        },
        webhooks: Some(vec![webhook]),
    };
    let mut value = chart::to_json(&configuration)?;
    if !ca_bundle.is_empty() {
        // The chart passes the user's text through as the (already base64) bundle; the typed
        // field would encode it a second time.
        value["webhooks"][0]["clientConfig"]["caBundle"] = Value::String(ca_bundle);
    }
    Ok(value)
}

/// The stable channel's policy: rejects the alpha resources and the unstable fields of stable ones.
fn stable_policy(context: &ChartContext, default_revision: &str) -> ValidatingAdmissionPolicy {
    let variable = |name: &str, kind: &str| Variable {
        name: name.into(),
        expression: format!("object.kind == '{kind}'"),
    };
    let validation = |expression: &str| Validation {
        expression: expression.into(),
        ..Validation::default()
    };
    // Telemetry: per-provider fields that are not stable.
    let telemetry = [
        "!(",
        "  variables.isTelemetry && (",
        "    (has(object.spec.tracing) ? object.spec.tracing : {}).exists(t, has(t.useRequestIdForTraceSampling)) ||",
        "    (has(object.spec.metrics) ? object.spec.metrics : {}).exists(m, has(m.reportingInterval)) ||",
        "    (has(object.spec.accessLogging) ? object.spec.accessLogging : {}).exists(l, has(l.filter))",
        "  )",
        ")",
        "",
    ]
    .join("\n");
    // AuthorizationPolicy: trust-domain matching on sources is not stable.
    let authorization = [
        "!(",
        "  variables.isAuthorizationPolicy &&",
        "  has(object.spec.rules) &&",
        "  object.spec.rules.exists(r,",
        "    has(r.from) && r.from.exists(f,",
        "      has(f.source) && (has(f.source.trustDomains) || has(f.source.notTrustDomains))",
        "    )",
        "  )",
        ")",
    ]
    .join("\n");
    let mut variables = vec![
        variable("isEnvoyFilter", "EnvoyFilter"),
        variable("isWasmPlugin", "WasmPlugin"),
        variable("isProxyConfig", "ProxyConfig"),
        variable("isTelemetry", "Telemetry"),
    ];
    let mut validations = vec![
        validation("!variables.isEnvoyFilter"),
        validation("!variables.isWasmPlugin"),
        validation("!variables.isProxyConfig"),
        validation(&telemetry),
    ];
    if context.release.has(Feature::TrustDomainPolicyRule) {
        variables.push(variable("isAuthorizationPolicy", "AuthorizationPolicy"));
        validations.push(validation(&authorization));
    }
    ValidatingAdmissionPolicy {
        metadata: ObjectMeta {
            name: Some("stable-channel-default-policy.istio.io".into()),
            labels: Some(labels(
                context.release,
                &[
                    ("release", chart::RELEASE),
                    ("istio", "istiod"),
                    ("istio.io/rev", default_revision),
                    ("app.kubernetes.io/name", "istiod"),
                ],
            )),
            ..ObjectMeta::default()
        },
        spec: Some(ValidatingAdmissionPolicySpec {
            failure_policy: Some("Fail".into()),
            match_constraints: Some(MatchResources {
                resource_rules: Some(vec![NamedRuleWithOperations {
                    api_groups: Some(strings(&CONFIG_GROUPS)),
                    api_versions: Some(strings(&["*"])),
                    operations: Some(strings(&["CREATE", "UPDATE"])),
                    resources: Some(strings(&["*"])),
                    ..NamedRuleWithOperations::default()
                }]),
                ..MatchResources::default()
            }),
            variables: Some(variables),
            validations: Some(validations),
            ..ValidatingAdmissionPolicySpec::default()
        }),
        status: None,
    }
}

fn stable_policy_binding() -> ValidatingAdmissionPolicyBinding {
    ValidatingAdmissionPolicyBinding {
        metadata: ObjectMeta {
            name: Some("stable-channel-default-policy-binding.istio.io".into()),
            ..ObjectMeta::default()
        },
        spec: ValidatingAdmissionPolicyBindingSpec {
            policy_name: "stable-channel-default-policy.istio.io".into(),
            validation_actions: strings(&["Deny"]),
            ..ValidatingAdmissionPolicyBindingSpec::default()
        },
    }
}

/// The cluster's singleton reader identity (not revisioned), in the control plane's namespace.
fn reader_service_account(context: &ChartContext) -> ServiceAccount {
    let pull_secrets: Vec<LocalObjectReference> = context
        .get("global.imagePullSecrets")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|secret| LocalObjectReference {
                    name: match secret {
                        Value::String(name) => name.clone(),
                        other => other.to_string(),
                    },
                })
                .collect()
        })
        .unwrap_or_default();
    ServiceAccount {
        metadata: ObjectMeta {
            name: Some("istio-reader-service-account".into()),
            namespace: Some(context.str("global.istioNamespace")),
            labels: Some(labels(
                context.release,
                &[
                    ("app", "istio-reader"),
                    ("release", chart::RELEASE),
                    ("app.kubernetes.io/name", "istio-reader"),
                ],
            )),
            ..ObjectMeta::default()
        },
        image_pull_secrets: (!pull_secrets.is_empty()).then_some(pull_secrets),
        ..ServiceAccount::default()
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Manifest;
    use crate::merge::SetFlag;
    use crate::pipeline::{self, Inputs};
    use crate::render::ComponentName;

    /// The base component's objects for a set of `--set` flags.
    fn base_objects(flags: &[&str]) -> Vec<Value> {
        let inputs = Inputs {
            set_flags: flags
                .iter()
                .map(|flag| SetFlag::parse(flag).expect("flag"))
                .collect(),
            ..Inputs::default()
        };
        let merged = pipeline::merge(&inputs).expect("merge");
        let instance = crate::render::enabled_components(&merged.tree)
            .expect("components")
            .into_iter()
            .find(|i| i.component == crate::render::ComponentName::Base)
            .expect("base enabled");
        let context = ChartContext::new(
            &merged.tree,
            &instance,
            crate::release::resolve(&merged.tree)
                .expect("release")
                .release,
        )
        .expect("context");
        let mut objects: Vec<Value> = embedded_crds(&context)
            .into_iter()
            .map(|crd| {
                Manifest::embedded(
                    ComponentName::Base,
                    crd,
                    chart::istio_labels(context.release),
                )
                .into_object()
            })
            .collect();
        objects.extend(render(&context).expect("render"));
        objects
    }

    fn find<'a>(objects: &'a [Value], kind: &str) -> Vec<&'a Value> {
        objects.iter().filter(|o| o["kind"] == kind).collect()
    }

    #[test]
    fn default_profile_renders_crds_and_reader() {
        let objects = base_objects(&[]);
        assert_eq!(objects.len(), 16);
        let crds = find(&objects, "CustomResourceDefinition");
        assert_eq!(crds.len(), 15);
        let crd = crds
            .iter()
            .find(|c| c["metadata"]["name"] == "authorizationpolicies.security.istio.io")
            .expect("authorization policies");
        assert_eq!(
            crd["metadata"]["labels"],
            json!({
                "app.kubernetes.io/instance": "istio",
                "app.kubernetes.io/part-of": "istio",
                "app.kubernetes.io/version": crate::release::newest().version,
            })
        );
        assert_eq!(
            crd["metadata"]["annotations"],
            json!({"helm.sh/resource-policy": "keep"})
        );
        assert_eq!(crd["apiVersion"], "apiextensions.k8s.io/v1");
        assert_eq!(crd["spec"]["names"]["shortNames"], json!(["ap"]));
        // Whole numbers stay whole (Go prints them without a fraction).
        let rules = crds
            .iter()
            .find(|c| c["metadata"]["name"] == "destinationrules.networking.istio.io")
            .expect("destination rules");
        let text = serde_json::to_string(rules).expect("json");
        assert!(text.contains(r#""maximum":4294967295"#));
        assert!(!text.contains("4294967295.0"));
        let reader = find(&objects, "ServiceAccount")[0];
        assert_eq!(
            reader["metadata"],
            json!({
                "name": "istio-reader-service-account",
                "namespace": "istio-system",
                "labels": {
                    "app": "istio-reader",
                    "release": "istio",
                    "app.kubernetes.io/name": "istio-reader",
                    "app.kubernetes.io/instance": "istio",
                    "app.kubernetes.io/part-of": "istio",
                    "app.kubernetes.io/version": crate::release::newest().version,
                },
            })
        );
        assert!(reader.get("imagePullSecrets").is_none());
        // The default profile names no default revision: no default validator.
        assert!(find(&objects, "ValidatingWebhookConfiguration").is_empty());
    }

    #[test]
    fn default_revision_adds_the_default_validator() {
        let objects = base_objects(&[
            "values.defaultRevision=canary",
            "values.base.validationCABundle=abc",
        ]);
        let webhook = find(&objects, "ValidatingWebhookConfiguration")[0];
        assert_eq!(webhook["metadata"]["name"], "istiod-default-validator");
        assert_eq!(webhook["metadata"]["labels"]["istio.io/rev"], "canary");
        assert_eq!(webhook["metadata"]["labels"]["app"], "istiod");
        let hook = &webhook["webhooks"][0];
        assert_eq!(
            hook["clientConfig"],
            json!({
                "caBundle": "abc",
                "service": {"name": "istiod-canary", "namespace": "istio-system", "path": "/validate"},
            })
        );
        assert_eq!(hook["failurePolicy"], "Fail");
        assert_eq!(hook["name"], "validation.istio.io");
        assert_eq!(hook["sideEffects"], "None");
        assert_eq!(hook["admissionReviewVersions"], json!(["v1"]));
        assert_eq!(hook["rules"][0]["apiGroups"], json!(CONFIG_GROUPS));

        let objects = base_objects(&[
            "values.defaultRevision=default",
            "values.base.validationURL=https://x:15017/validate",
        ]);
        let hook = &find(&objects, "ValidatingWebhookConfiguration")[0]["webhooks"][0];
        assert_eq!(
            hook["clientConfig"],
            json!({"url": "https://x:15017/validate"})
        );
        assert_eq!(hook["failurePolicy"], "Ignore");
    }

    #[test]
    fn stable_policy_needs_a_default_revision() {
        let objects = base_objects(&["profile=stable"]);
        assert!(find(&objects, "ValidatingAdmissionPolicy").is_empty());
        let objects = base_objects(&["profile=stable", "values.defaultRevision=default"]);
        let policy = find(&objects, "ValidatingAdmissionPolicy")[0];
        assert_eq!(
            policy["metadata"]["name"],
            "stable-channel-default-policy.istio.io"
        );
        assert!(policy["metadata"]["labels"].get("app").is_none());
        let validations = policy["spec"]["validations"].as_array().expect("list");
        assert_eq!(validations.len(), 5);
        assert!(
            validations[3]["expression"]
                .as_str()
                .expect("text")
                .ends_with(")\n")
        );
        assert!(
            validations[4]["expression"]
                .as_str()
                .expect("text")
                .ends_with("  )\n)")
        );
        let binding = find(&objects, "ValidatingAdmissionPolicyBinding")[0];
        assert_eq!(
            binding,
            &json!({
                "apiVersion": "admissionregistration.k8s.io/v1",
                "kind": "ValidatingAdmissionPolicyBinding",
                "metadata": {"name": "stable-channel-default-policy-binding.istio.io"},
                "spec": {
                    "policyName": "stable-channel-default-policy.istio.io",
                    "validationActions": ["Deny"],
                },
            })
        );
    }

    #[test]
    fn crd_selection_settings() {
        let objects =
            base_objects(&["values.base.excludedCRDs[0]=envoyfilters.networking.istio.io"]);
        let crds = find(&objects, "CustomResourceDefinition");
        assert_eq!(crds.len(), 14);
        assert!(
            crds.iter()
                .all(|c| c["metadata"]["name"] != "envoyfilters.networking.istio.io")
        );
        // As in istioctl: this only concerns a chart's `crds/` directory, which base has none of.
        let objects = base_objects(&["values.base.enableIstioConfigCRDs=false"]);
        assert_eq!(find(&objects, "CustomResourceDefinition").len(), 15);
        // Untemplated CRDs keep the labels they are published with.
        let objects = base_objects(&["values.base.enableCRDTemplates=false"]);
        let crd = find(&objects, "CustomResourceDefinition")[0];
        assert_eq!(crd["metadata"]["labels"]["app"], "istio-pilot");
        assert_eq!(crd["metadata"]["labels"]["heritage"], "Tiller");
    }

    #[test]
    fn scope_and_reader_settings() {
        let objects = base_objects(&["values.global.resourceScope=namespace"]);
        assert_eq!(objects.len(), 1);
        assert_eq!(objects[0]["kind"], "ServiceAccount");
        let objects = base_objects(&["values.global.resourceScope=cluster"]);
        assert_eq!(objects.len(), 15);
        assert_eq!(
            base_objects(&["values.global.enableReaderRBAC=false"]).len(),
            15
        );
        assert_eq!(
            base_objects(&["values.global.readerServiceAccount.name=foo"]).len(),
            15
        );
        let objects = base_objects(&[
            "values.global.imagePullSecrets[0]=sec1",
            "values.global.imagePullSecrets[1]=sec2",
            "values.global.istioNamespace=other",
        ]);
        let reader = find(&objects, "ServiceAccount")[0];
        assert_eq!(reader["metadata"]["namespace"], "other");
        assert_eq!(
            reader["imagePullSecrets"],
            json!([{"name": "sec1"}, {"name": "sec2"}])
        );
    }
}
