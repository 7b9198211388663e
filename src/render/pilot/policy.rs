//! The stable-channel `ValidatingAdmissionPolicy` (the `stable` profile): the API server itself
//! refuses Istio resources that use fields not yet marked stable, for objects of this revision.

use k8s_openapi::api::admissionregistration::v1::{
    MatchResources, NamedRuleWithOperations, ValidatingAdmissionPolicy,
    ValidatingAdmissionPolicyBinding, ValidatingAdmissionPolicyBindingSpec,
    ValidatingAdmissionPolicySpec, Validation, Variable,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{
    LabelSelector, LabelSelectorRequirement, ObjectMeta,
};
use serde_json::Value;

use super::Pilot;
use crate::release::Feature;
use crate::render::chart;
use crate::render::error::ChartError;

/// Kinds whose every use is experimental.
const EXPERIMENTAL_KINDS: [(&str, &str); 3] = [
    ("isEnvoyFilter", "EnvoyFilter"),
    ("isWasmPlugin", "WasmPlugin"),
    ("isProxyConfig", "ProxyConfig"),
];

/// Telemetry fields that are not stable: per-provider trace sampling by request id, metric
/// reporting intervals and access-log filters.
const TELEMETRY_RULE: &str = "!(
  variables.isTelemetry && (
    (has(object.spec.tracing) ? object.spec.tracing : {}).exists(t, has(t.useRequestIdForTraceSampling)) ||
    (has(object.spec.metrics) ? object.spec.metrics : {}).exists(m, has(m.reportingInterval)) ||
    (has(object.spec.accessLogging) ? object.spec.accessLogging : {}).exists(l, has(l.filter))
  )
)
";

/// `AuthorizationPolicy` trust-domain matching is not stable.
const AUTHORIZATION_RULE: &str = "!(
  variables.isAuthorizationPolicy &&
  has(object.spec.rules) &&
  object.spec.rules.exists(r,
    has(r.from) && r.from.exists(f,
      has(f.source) && (has(f.source.trustDomains) || has(f.source.notTrustDomains))
    )
  )
)";

fn policy_name(pilot: &Pilot, base: &str) -> String {
    format!("{}-{}.istio.io", pilot.name(base), pilot.istio_namespace)
}

/// The policy and its binding, when `experimental.stableValidationPolicy` is set.
pub(super) fn stable_channel(pilot: &Pilot) -> Result<Vec<Value>, ChartError> {
    if !pilot.values.truthy("experimental.stableValidationPolicy") {
        return Ok(Vec::new());
    }
    let name = policy_name(pilot, "stable-channel-policy");
    let variable = |name: &str, kind: &str| Variable {
        name: name.into(),
        expression: format!("object.kind == '{kind}'"),
    };
    let mut variables: Vec<Variable> = EXPERIMENTAL_KINDS
        .iter()
        .map(|(name, kind)| variable(name, kind))
        .collect();
    variables.push(variable("isTelemetry", "Telemetry"));
    let trust_domains = pilot.values.release.has(Feature::TrustDomainPolicyRule);
    if trust_domains {
        variables.push(variable("isAuthorizationPolicy", "AuthorizationPolicy"));
    }
    let mut validations: Vec<Validation> = EXPERIMENTAL_KINDS
        .iter()
        .map(|(name, _)| Validation {
            expression: format!("!variables.{name}"),
            ..Validation::default()
        })
        .collect();
    // The last rule of the chart's block ends without a line break.
    let rules: &[&str] = if trust_domains {
        &[TELEMETRY_RULE, AUTHORIZATION_RULE]
    } else {
        &[TELEMETRY_RULE.trim_end()]
    };
    for rule in rules {
        validations.push(Validation {
            expression: (*rule).into(),
            ..Validation::default()
        });
    }
    let policy = ValidatingAdmissionPolicy {
        metadata: ObjectMeta {
            name: Some(name.clone()),
            labels: Some({
                let mut labels = chart::istio_labels(pilot.values.release);
                labels.insert("app.kubernetes.io/name".into(), "istiod".into());
                labels
            }),
            ..ObjectMeta::default()
        },
        spec: Some(ValidatingAdmissionPolicySpec {
            failure_policy: Some("Fail".into()),
            match_constraints: Some(MatchResources {
                resource_rules: Some(vec![NamedRuleWithOperations {
                    api_groups: Some(
                        [
                            "security.istio.io",
                            "networking.istio.io",
                            "telemetry.istio.io",
                            "extensions.istio.io",
                        ]
                        .map(String::from)
                        .to_vec(),
                    ),
                    api_versions: Some(vec!["*".into()]),
                    operations: Some(vec!["CREATE".into(), "UPDATE".into()]),
                    resources: Some(vec!["*".into()]),
                    ..NamedRuleWithOperations::default()
                }]),
                object_selector: Some(LabelSelector {
                    match_expressions: Some(vec![LabelSelectorRequirement {
                        key: "istio.io/rev".into(),
                        operator: "In".into(),
                        values: Some(vec![pilot.revision_label()]),
                    }]),
                    ..LabelSelector::default()
                }),
                ..MatchResources::default()
            }),
            variables: Some(variables),
            validations: Some(validations),
            ..ValidatingAdmissionPolicySpec::default()
        }),
        ..ValidatingAdmissionPolicy::default()
    };
    let binding = ValidatingAdmissionPolicyBinding {
        metadata: ObjectMeta {
            name: Some(policy_name(pilot, "stable-channel-policy-binding")),
            ..ObjectMeta::default()
        },
        spec: ValidatingAdmissionPolicyBindingSpec {
            policy_name: name,
            validation_actions: vec!["Deny".into()],
            ..ValidatingAdmissionPolicyBindingSpec::default()
        },
    };
    Ok(vec![chart::to_json(&policy)?, chart::to_json(&binding)?])
}
