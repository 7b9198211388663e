//! Fields meshctl sets when it creates an object and then leaves to the controller that runs them.
//!
//! istiod takes over part of what the install writes: its validation controller switches each
//! webhook of the validator (`istio-validator-*`, `istiod-default-validator`) from the rendered
//! `failurePolicy: Ignore` to `Fail` once it has seen its own webhook reject invalid config
//! (`pkg/webhooks/validation/controller`). An installer that re-applies `Ignore` on every run
//! fights istiod forever: each write of one is undone by the other (istio-ecosystem/sail-operator
//! #1041), and validation silently fails open in between.
//!
//! So meshctl sends such a field while it owns it (on create, and as long as nobody else has
//! changed it) and leaves it out of its apply once the live object's managed fields show that
//! another manager holds it and meshctl does not. Server-side apply then keeps the other
//! manager's value and meshctl stops owning the field; nothing is written when nothing else
//! changed. (caBundles, which istiod patches too, are never rendered, so they need no rule.)

use serde::Serialize;
use serde_json::Value;

use super::FIELD_MANAGER;

/// A field left to another manager, for the plan to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HandedOver {
    /// The field, as a path with the list element's key: `webhooks[name=…].failurePolicy`.
    pub field: String,
    /// Who holds it now.
    pub manager: String,
}

/// Removes from `body` (an apply body of the same object as `live`) the fields that are handed
/// over and held by another manager on `live`; returns what it removed.
pub fn hand_over(body: &mut Value, live: &Value) -> Vec<HandedOver> {
    if body["kind"] != "ValidatingWebhookConfiguration" {
        return Vec::new();
    }
    let mut handed = Vec::new();
    let Some(webhooks) = body.get_mut("webhooks").and_then(Value::as_array_mut) else {
        return handed;
    };
    for webhook in webhooks {
        let Some(name) = webhook["name"].as_str().map(str::to_string) else {
            continue;
        };
        if webhook.get("failurePolicy").is_none() {
            continue;
        }
        let owners = owners_of_webhook_field(live, &name, "f:failurePolicy");
        if owners.iter().any(|m| m == FIELD_MANAGER) {
            continue;
        }
        if let Some(manager) = owners.into_iter().next() {
            if let Some(map) = webhook.as_object_mut() {
                map.remove("failurePolicy");
            }
            handed.push(HandedOver {
                field: format!("webhooks[name={name}].failurePolicy"),
                manager,
            });
        }
    }
    handed
}

/// Removes from `body` the fields `handed` names (as [`hand_over`] found them for the plan).
pub fn strip(body: &mut Value, handed: &[HandedOver]) {
    for field in handed {
        let Some(name) = field
            .field
            .strip_prefix("webhooks[name=")
            .and_then(|rest| rest.strip_suffix("].failurePolicy"))
        else {
            continue;
        };
        if let Some(webhooks) = body.get_mut("webhooks").and_then(Value::as_array_mut) {
            for webhook in webhooks.iter_mut().filter(|w| w["name"] == name) {
                if let Some(map) = webhook.as_object_mut() {
                    map.remove("failurePolicy");
                }
            }
        }
    }
}

/// The managers whose managed fields include `field` of the webhook named `name`, in the order
/// the server lists them. Status subresource entries are not the object's fields.
fn owners_of_webhook_field(live: &Value, name: &str, field: &str) -> Vec<String> {
    let Some(entries) = live["metadata"]["managedFields"].as_array() else {
        return Vec::new();
    };
    entries
        .iter()
        .filter(|entry| entry["subresource"].as_str().unwrap_or_default().is_empty())
        .filter(|entry| {
            entry["fieldsV1"]["f:webhooks"]
                .as_object()
                .into_iter()
                .flatten()
                .any(|(key, fields)| {
                    list_key_name(key) == Some(name) && fields.get(field).is_some()
                })
        })
        .filter_map(|entry| entry["manager"].as_str().map(str::to_string))
        .collect()
}

/// The `name` of a list-map key in managed fields: `k:{"name":"x"}` → `x`.
fn list_key_name(key: &str) -> Option<&str> {
    let json = key.strip_prefix("k:")?;
    let rest = json.split("\"name\":\"").nth(1)?;
    rest.split('"').next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn validator(failure_policy: &str) -> Value {
        json!({
            "apiVersion": "admissionregistration.k8s.io/v1",
            "kind": "ValidatingWebhookConfiguration",
            "metadata": {"name": "istio-validator-istio-system"},
            "webhooks": [{"name": "rev.validation.istio.io", "failurePolicy": failure_policy,
                          "sideEffects": "None"}],
        })
    }

    fn live_with(managers: &[(&str, bool)]) -> Value {
        let entries: Vec<Value> = managers
            .iter()
            .map(|(manager, holds)| {
                let mut webhook = json!({".": {}, "f:sideEffects": {}});
                if *holds {
                    webhook["f:failurePolicy"] = json!({});
                }
                json!({"manager": manager, "operation": "Apply", "fieldsType": "FieldsV1",
                       "fieldsV1": {"f:webhooks": {"k:{\"name\":\"rev.validation.istio.io\"}": webhook}}})
            })
            .collect();
        let mut live = validator("Fail");
        live["metadata"]["managedFields"] = Value::Array(entries);
        live
    }

    #[test]
    fn a_failure_policy_istiod_took_over_is_left_to_it() {
        let mut body = validator("Ignore");
        let handed = hand_over(
            &mut body,
            &live_with(&[("meshctl", false), ("pilot-discovery", true)]),
        );
        assert_eq!(
            handed,
            [HandedOver {
                field: "webhooks[name=rev.validation.istio.io].failurePolicy".into(),
                manager: "pilot-discovery".into(),
            }]
        );
        assert!(body["webhooks"][0].get("failurePolicy").is_none());
        assert_eq!(
            body["webhooks"][0]["sideEffects"], "None",
            "only the handed-over field goes"
        );
    }

    #[test]
    fn a_failure_policy_meshctl_still_owns_is_sent() {
        // Leaving it out would make the server drop it, and the API default is Fail.
        let mut body = validator("Ignore");
        let handed = hand_over(&mut body, &live_with(&[("meshctl", true)]));
        assert!(handed.is_empty());
        assert_eq!(body["webhooks"][0]["failurePolicy"], "Ignore");

        let mut body = validator("Ignore");
        let shared = live_with(&[("meshctl", true), ("pilot-discovery", true)]);
        assert!(hand_over(&mut body, &shared).is_empty());
    }

    #[test]
    fn other_kinds_and_objects_without_managed_fields_are_untouched() {
        let mut body = validator("Ignore");
        assert!(hand_over(&mut body, &validator("Fail")).is_empty());
        let mut mutating = validator("Fail");
        mutating["kind"] = json!("MutatingWebhookConfiguration");
        let live = live_with(&[("pilot-discovery", true)]);
        assert!(hand_over(&mut mutating, &live).is_empty());
    }

    #[test]
    fn strip_removes_what_the_plan_handed_over() {
        let mut body = validator("Ignore");
        let handed = hand_over(&mut body.clone(), &live_with(&[("pilot-discovery", true)]));
        strip(&mut body, &handed);
        assert!(body["webhooks"][0].get("failurePolicy").is_none());
    }
}
