//! The admission webhooks istiod serves: sidecar injection (per revision, per revision tag) and
//! config validation.

use k8s_openapi::ByteString;
use k8s_openapi::api::admissionregistration::v1::{
    MutatingWebhook, MutatingWebhookConfiguration, RuleWithOperations, ServiceReference,
    ValidatingWebhook, ValidatingWebhookConfiguration, WebhookClientConfig,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{
    LabelSelector, LabelSelectorRequirement, ObjectMeta,
};
use serde_json::Value;

use super::Pilot;
use crate::render::error::ChartError;
use crate::render::{chart, helm};

fn requirement(key: &str, operator: &str, values: &[&str]) -> LabelSelectorRequirement {
    LabelSelectorRequirement {
        key: key.into(),
        operator: operator.into(),
        values: (!values.is_empty()).then(|| values.iter().map(|v| (*v).to_string()).collect()),
    }
}

fn selector(requirements: Vec<LabelSelectorRequirement>) -> LabelSelector {
    LabelSelector {
        match_expressions: Some(requirements),
        match_labels: None,
    }
}

/// A `caBundle` the chart writes as text; the API type holds the decoded bytes, so decode it
/// (valid base64 round-trips exactly; anything else is kept as its raw bytes).
fn ca_bundle(encoded: &str) -> Option<ByteString> {
    if encoded.is_empty() {
        return None;
    }
    let bytes = decode_base64(encoded).unwrap_or_else(|| encoded.as_bytes().to_vec());
    Some(ByteString(bytes))
}

fn decode_base64(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if !clean.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(clean.len() / 4 * 3);
    for chunk in clean.chunks(4) {
        let mut buffer = 0u32;
        let mut padding = 0;
        for &byte in chunk {
            let value = if byte == b'=' {
                padding += 1;
                0
            } else {
                if padding > 0 {
                    return None;
                }
                ALPHABET.iter().position(|&a| a == byte)? as u32
            };
            buffer = (buffer << 6) | value;
        }
        let bytes = buffer.to_be_bytes();
        out.extend_from_slice(&bytes[1..4 - padding]);
    }
    Some(out)
}

/// The shared part of every injection webhook (the chart's `core` template).
fn injection_webhook(pilot: &Pilot, prefix: &str, with_ca_bundle: bool) -> MutatingWebhook {
    let values = pilot.values;
    let url = values.str("istiodRemote.injectionURL");
    let client_config = WebhookClientConfig {
        url: (!url.is_empty()).then_some(url.clone()),
        service: url.is_empty().then(|| ServiceReference {
            name: pilot.name("istiod"),
            namespace: pilot.namespace.clone(),
            path: Some(values.str("istiodRemote.injectionPath")),
            port: Some(443),
        }),
        ca_bundle: if with_ca_bundle {
            ca_bundle(&values.str("istiodRemote.injectionCABundle"))
        } else {
            None
        },
    };
    MutatingWebhook {
        name: format!("{prefix}sidecar-injector.istio.io"),
        client_config,
        side_effects: "None".into(),
        rules: Some(vec![RuleWithOperations {
            operations: Some(vec!["CREATE".into()]),
            api_groups: Some(vec![String::new()]),
            api_versions: Some(vec!["v1".into()]),
            resources: Some(vec!["pods".into()]),
            scope: None,
        }]),
        failure_policy: Some("Fail".into()),
        reinvocation_policy: Some(values.str("sidecarInjectorWebhook.reinvocationPolicy")),
        admission_review_versions: vec!["v1".into()],
        ..MutatingWebhook::default()
    }
}

/// The injection webhooks for pods of revision (or tag) `rev`; `legacy` adds the ones that also
/// honour the revision-less `istio-injection` and `sidecar.istio.io/inject` labels.
fn injection_webhooks(pilot: &Pilot, rev: &str, legacy: bool) -> Vec<MutatingWebhook> {
    let not_disabled = || requirement("sidecar.istio.io/inject", "NotIn", &["false"]);
    let mut webhooks = Vec::new();

    let mut by_namespace = injection_webhook(pilot, "rev.namespace.", true);
    by_namespace.namespace_selector = Some(selector(vec![
        requirement("istio.io/rev", "In", &[rev]),
        requirement("istio-injection", "DoesNotExist", &[]),
    ]));
    by_namespace.object_selector = Some(selector(vec![not_disabled()]));
    webhooks.push(by_namespace);

    let mut by_object = injection_webhook(pilot, "rev.object.", true);
    by_object.namespace_selector = Some(selector(vec![
        requirement("istio.io/rev", "DoesNotExist", &[]),
        requirement("istio-injection", "DoesNotExist", &[]),
    ]));
    by_object.object_selector = Some(selector(vec![
        not_disabled(),
        requirement("istio.io/rev", "In", &[rev]),
    ]));
    webhooks.push(by_object);

    if !legacy {
        return webhooks;
    }
    let mut legacy_namespace = injection_webhook(pilot, "namespace.", true);
    legacy_namespace.namespace_selector = Some(selector(vec![requirement(
        "istio-injection",
        "In",
        &["enabled"],
    )]));
    legacy_namespace.object_selector = Some(selector(vec![not_disabled()]));
    webhooks.push(legacy_namespace);

    let mut legacy_object = injection_webhook(pilot, "object.", true);
    legacy_object.namespace_selector = Some(selector(vec![
        requirement("istio-injection", "DoesNotExist", &[]),
        requirement("istio.io/rev", "DoesNotExist", &[]),
    ]));
    legacy_object.object_selector = Some(selector(vec![
        requirement("sidecar.istio.io/inject", "In", &["true"]),
        requirement("istio.io/rev", "DoesNotExist", &[]),
    ]));
    webhooks.push(legacy_object);

    if pilot
        .values
        .truthy("sidecarInjectorWebhook.enableNamespacesByDefault")
    {
        let mut auto = injection_webhook(pilot, "auto.", true);
        auto.namespace_selector = Some(selector(vec![
            requirement("istio-injection", "DoesNotExist", &[]),
            requirement("istio.io/rev", "DoesNotExist", &[]),
            requirement(
                "kubernetes.io/metadata.name",
                "NotIn",
                &[
                    "kube-system",
                    "kube-public",
                    "kube-node-lease",
                    "local-path-storage",
                ],
            ),
        ]));
        auto.object_selector = Some(selector(vec![
            requirement("sidecar.istio.io/inject", "DoesNotExist", &[]),
            requirement("istio.io/rev", "DoesNotExist", &[]),
        ]));
        webhooks.push(auto);
    }
    webhooks
}

fn injector_configuration(
    pilot: &Pilot,
    base_name: String,
    extra_labels: &[(&str, &str)],
    webhooks: Vec<MutatingWebhook>,
) -> Result<Value, ChartError> {
    let name = if pilot.namespace == "istio-system" {
        base_name
    } else {
        format!("{base_name}-{}", pilot.namespace)
    };
    let annotations = pilot
        .values
        .get("sidecarInjectorWebhookAnnotations")
        .filter(|a| crate::render::helm::truthy(a))
        .map(|a| helm::text_map(Some(a)));
    let mut labels = pilot.owned_labels(&[("app", "sidecar-injector")]);
    for (key, value) in extra_labels {
        labels.insert((*key).to_string(), (*value).to_string());
    }
    let configuration = MutatingWebhookConfiguration {
        metadata: ObjectMeta {
            name: Some(name),
            labels: Some(labels),
            annotations,
            ..ObjectMeta::default()
        },
        webhooks: Some(webhooks),
    };
    chart::to_json(&configuration)
}

/// `istio-sidecar-injector[-REV][-NS]`: which pods this revision injects.
pub(super) fn sidecar_injector(pilot: &Pilot) -> Result<Value, ChartError> {
    let revision = pilot.revision_label();
    let webhooks = injection_webhooks(pilot, &revision, pilot.revision.is_empty());
    injector_configuration(pilot, pilot.name("istio-sidecar-injector"), &[], webhooks)
}

/// `istio-revision-tag-<tag>[-NS]`: injection for namespaces and pods labelled with a tag.
pub(super) fn revision_tag_injectors(pilot: &Pilot) -> Result<Vec<Value>, ChartError> {
    let tags: Vec<String> = pilot
        .values
        .get("revisionTags")
        .and_then(Value::as_array)
        .map(|list| list.iter().map(helm::go_text).collect())
        .unwrap_or_default();
    tags.iter()
        .map(|tag| {
            let webhooks = injection_webhooks(pilot, tag, tag == "default");
            injector_configuration(
                pilot,
                format!("istio-revision-tag-{tag}"),
                &[("istio.io/tag", tag.as_str())],
                webhooks,
            )
        })
        .collect()
}

/// `istio-validator[-REV]-NS`: validation of this revision's Istio config.
pub(super) fn validator(pilot: &Pilot) -> Result<Value, ChartError> {
    let values = pilot.values;
    let url = values.str("base.validationURL");
    let bundle = values.str("base.validationCABundle");
    let failure_policy = if !bundle.is_empty() {
        "Fail".to_string()
    } else if values.truthy("base.validationFailurePolicy") {
        values.str("base.validationFailurePolicy")
    } else {
        // A fresh install fails open until istiod patches in its CA and flips this to `Fail`.
        "Ignore".to_string()
    };
    let revision = pilot.revision_label();
    let webhook = ValidatingWebhook {
        name: "rev.validation.istio.io".into(),
        client_config: WebhookClientConfig {
            url: (!url.is_empty()).then_some(url.clone()),
            service: url.is_empty().then(|| ServiceReference {
                name: pilot.name("istiod"),
                namespace: pilot.istio_namespace.clone(),
                path: Some("/validate".into()),
                port: None,
            }),
            ca_bundle: ca_bundle(&bundle),
        },
        rules: Some(vec![RuleWithOperations {
            operations: Some(vec!["CREATE".into(), "UPDATE".into()]),
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
            resources: Some(vec!["*".into()]),
            scope: None,
        }]),
        failure_policy: Some(failure_policy),
        side_effects: "None".into(),
        admission_review_versions: vec!["v1".into()],
        object_selector: Some(selector(vec![requirement(
            "istio.io/rev",
            "In",
            &[revision.as_str()],
        )])),
        ..ValidatingWebhook::default()
    };
    let configuration = ValidatingWebhookConfiguration {
        metadata: ObjectMeta {
            name: Some(format!(
                "{}-{}",
                pilot.name("istio-validator"),
                pilot.istio_namespace
            )),
            labels: Some(pilot.chart_labels(
                "istiod",
                &[
                    ("app", "istiod"),
                    ("istio", "istiod"),
                    ("istio.io/rev", revision.as_str()),
                ],
            )),
            ..ObjectMeta::default()
        },
        webhooks: Some(vec![webhook]),
    };
    chart::to_json(&configuration)
}
