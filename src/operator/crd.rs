//! The `IstioOperator` `CustomResourceDefinition` (`istiooperators.install.istio.io`), as the
//! operator serves it: one version (`v1alpha1`), namespaced, with the status subresource.
//!
//! The schema is structural (the API server requires it) but deliberately loose on `spec`: the
//! known top-level fields are typed, and `spec` itself keeps unknown fields. Pruning a misspelt
//! field (`spec.compnents`) would silently install the defaults instead of what the user meant;
//! kept, it reaches meshctl's own strict validator, which names the field and sets status Error.
//! The deep parts (`values`, `meshConfig`, `components`) are objects whose contents meshctl
//! validates itself, with messages that name the path. `status` is typed exactly as the
//! controller writes it, so that a controller bug shows up as a rejected status write.

use std::collections::BTreeMap;

use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::{
    CustomResourceColumnDefinition, CustomResourceDefinition, CustomResourceDefinitionNames,
    CustomResourceDefinitionSpec, CustomResourceDefinitionVersion, CustomResourceSubresourceStatus,
    CustomResourceSubresources, CustomResourceValidation, JSON, JSONSchemaProps,
    JSONSchemaPropsOrArray, JSONSchemaPropsOrBool,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::{CRD_NAME, GROUP, KIND, MANAGED_BY_LABEL, PART_OF_LABEL, PLURAL, VERSION};

use super::status::Phase;

/// The `IstioOperator` CRD, labelled as part of the operator.
#[must_use]
pub fn custom_resource_definition() -> CustomResourceDefinition {
    CustomResourceDefinition {
        metadata: ObjectMeta {
            name: Some(CRD_NAME.to_string()),
            labels: Some(BTreeMap::from([
                (PART_OF_LABEL.0.to_string(), PART_OF_LABEL.1.to_string()),
                (
                    MANAGED_BY_LABEL.0.to_string(),
                    MANAGED_BY_LABEL.1.to_string(),
                ),
            ])),
            ..ObjectMeta::default()
        },
        spec: CustomResourceDefinitionSpec {
            group: GROUP.to_string(),
            names: CustomResourceDefinitionNames {
                kind: KIND.to_string(),
                list_kind: Some(format!("{KIND}List")),
                plural: PLURAL.to_string(),
                singular: Some("istiooperator".to_string()),
                // `iop` is what istioctl users type; `io` was the old operator's second name.
                short_names: Some(vec!["iop".to_string(), "io".to_string()]),
                categories: None,
            },
            scope: "Namespaced".to_string(),
            versions: vec![CustomResourceDefinitionVersion {
                name: VERSION.to_string(),
                served: true,
                storage: true,
                schema: Some(CustomResourceValidation {
                    open_api_v3_schema: Some(schema()),
                }),
                subresources: Some(CustomResourceSubresources {
                    // Status through its own endpoint: a user's `kubectl apply` of the spec never
                    // overwrites what the controller reported, and the controller's status
                    // writes never bump `metadata.generation`.
                    status: Some(CustomResourceSubresourceStatus(serde_json::Value::Object(
                        serde_json::Map::new(),
                    ))),
                    scale: None,
                }),
                additional_printer_columns: Some(printer_columns()),
                ..CustomResourceDefinitionVersion::default()
            }],
            conversion: None,
            preserve_unknown_fields: None,
        },
        status: None,
    }
}

/// `kubectl get iop`: revision, status, age, as Istio's own CRD showed them, and the release
/// istiod runs (from `componentStatus`, Istio's `version` field); `-o wide` adds
/// whether it is Ready (the condition kstatus and `kubectl wait` read) and the message.
fn printer_columns() -> Vec<CustomResourceColumnDefinition> {
    let column = |name: &str, type_: &str, path: &str, description: &str, priority: i32| {
        CustomResourceColumnDefinition {
            name: name.to_string(),
            type_: type_.to_string(),
            json_path: path.to_string(),
            description: Some(description.to_string()),
            priority: (priority > 0).then_some(priority),
            format: None,
        }
    };
    vec![
        column(
            "Revision",
            "string",
            ".spec.revision",
            "The control-plane revision this resource installs.",
            0,
        ),
        column(
            "Status",
            "string",
            ".status.status",
            "HEALTHY, UPDATING, RECONCILING or ERROR (Istio's InstallStatus).",
            0,
        ),
        column(
            "Release",
            "string",
            ".status.componentStatus.Pilot.version",
            "The Istio release istiod runs or is being brought to.",
            0,
        ),
        column(
            "Revisions",
            "string",
            ".status.revisions[*].name",
            "With meshctl.io/update-strategy: RevisionBased, the revisions installed, newest first.",
            1,
        ),
        column(
            "Ready",
            "string",
            ".status.conditions[?(@.type==\"Ready\")].status",
            "The Ready condition.",
            1,
        ),
        column(
            "Message",
            "string",
            ".status.message",
            "What the controller last had to say.",
            1,
        ),
        column(
            "Age",
            "date",
            ".metadata.creationTimestamp",
            "When the resource was created.",
            0,
        ),
    ]
}

fn typed(type_: &str) -> JSONSchemaProps {
    JSONSchemaProps {
        type_: Some(type_.to_string()),
        ..JSONSchemaProps::default()
    }
}

fn string() -> JSONSchemaProps {
    typed("string")
}

fn described(mut props: JSONSchemaProps, description: &str) -> JSONSchemaProps {
    props.description = Some(description.to_string());
    props
}

fn string_enum(values: &[&str]) -> JSONSchemaProps {
    JSONSchemaProps {
        enum_: Some(
            values
                .iter()
                .map(|v| JSON(serde_json::Value::String((*v).to_string())))
                .collect(),
        ),
        ..string()
    }
}

fn string_array() -> JSONSchemaProps {
    JSONSchemaProps {
        items: Some(JSONSchemaPropsOrArray::Schema(Box::new(string()))),
        ..typed("array")
    }
}

fn int64() -> JSONSchemaProps {
    JSONSchemaProps {
        format: Some("int64".to_string()),
        ..typed("integer")
    }
}

/// An object whose contents meshctl validates itself (the API server keeps them as written).
fn open_object(description: &str) -> JSONSchemaProps {
    JSONSchemaProps {
        x_kubernetes_preserve_unknown_fields: Some(true),
        ..described(typed("object"), description)
    }
}

fn object(
    properties: impl IntoIterator<Item = (&'static str, JSONSchemaProps)>,
) -> JSONSchemaProps {
    JSONSchemaProps {
        properties: Some(
            properties
                .into_iter()
                .map(|(name, props)| (name.to_string(), props))
                .collect(),
        ),
        ..typed("object")
    }
}

/// The whole `openAPIV3Schema`.
fn schema() -> JSONSchemaProps {
    JSONSchemaProps {
        description: Some(
            "An Istio installation, kept in place by meshctl's operator \
             (https://istio.io/latest/docs/reference/config/istio.operator.v1alpha1/)."
                .to_string(),
        ),
        ..object([
            ("apiVersion", string()),
            ("kind", string()),
            ("metadata", typed("object")),
            ("spec", spec()),
            ("status", status()),
        ])
    }
}

fn spec() -> JSONSchemaProps {
    let mut spec = object([
        (
            "profile",
            described(string(), "The built-in profile to start from."),
        ),
        (
            "hub",
            described(string(), "The registry of Istio's images."),
        ),
        (
            // istioctl accepts `tag: 1.31` (a number) as well as a string, and so does meshctl
            // (`api::Tag`); int-or-string would reject the float, so the type is left open here
            // and checked by meshctl's validator.
            "tag",
            JSONSchemaProps {
                description: Some("The tag of Istio's images (a string or a number).".into()),
                x_kubernetes_preserve_unknown_fields: Some(true),
                ..JSONSchemaProps::default()
            },
        ),
        (
            "revision",
            described(string(), "The control-plane revision."),
        ),
        (
            "namespace",
            described(string(), "The namespace of the control plane."),
        ),
        (
            "installPackagePath",
            described(string(), "Accepted for compatibility; ignored."),
        ),
        (
            "compatibilityVersion",
            described(string(), "Behave as this earlier Istio release did."),
        ),
        ("meshConfig", open_object("Istio's MeshConfig.")),
        ("components", open_object("Per-component settings.")),
        ("values", open_object("Helm values passed to the charts.")),
        (
            "unvalidatedValues",
            open_object("Helm values passed without validation."),
        ),
    ]);
    // Unknown top-level fields are kept, so that meshctl's validator can name a misspelt one
    // (status Error) instead of the API server pruning it without a word.
    spec.x_kubernetes_preserve_unknown_fields = Some(true);
    spec.description = Some("What to install: an IstioOperator spec as istioctl reads it.".into());
    spec
}

fn status() -> JSONSchemaProps {
    let condition = object([
        ("type", string()),
        ("status", string_enum(&["True", "False", "Unknown"])),
        ("reason", string()),
        ("message", string()),
        (
            "lastTransitionTime",
            JSONSchemaProps {
                format: Some("date-time".to_string()),
                ..string()
            },
        ),
        ("observedGeneration", int64()),
    ]);
    let condition = JSONSchemaProps {
        required: Some(vec!["type".to_string(), "status".to_string()]),
        ..condition
    };
    let conditions = JSONSchemaProps {
        items: Some(JSONSchemaPropsOrArray::Schema(Box::new(condition))),
        // One entry per condition type, merged by type on server-side apply.
        x_kubernetes_list_type: Some("map".to_string()),
        x_kubernetes_list_map_keys: Some(vec!["type".to_string()]),
        ..typed("array")
    };
    // Istio's `InstallStatus.VersionStatus` (`version`, `status`, `error`) and meshctl's
    // `message`: a resource Istio's operator wrote keeps every field it had.
    let component = object([
        ("status", string_enum(&Phase::SCHEMA_VALUES)),
        ("error", string()),
        ("version", string()),
        ("message", string()),
    ]);
    let component_status = JSONSchemaProps {
        additional_properties: Some(JSONSchemaPropsOrBool::Schema(Box::new(component))),
        description: Some(
            "Per component (Base, Pilot, IngressGateways, EgressGateways, Cni, Ztunnel).".into(),
        ),
        ..typed("object")
    };
    let revision = object([
        ("name", string()),
        ("version", string()),
        ("tags", string_array()),
        ("inUse", typed("boolean")),
        ("usedBy", string_array()),
        (
            "unusedSince",
            JSONSchemaProps {
                format: Some("date-time".to_string()),
                ..string()
            },
        ),
    ]);
    let revisions = JSONSchemaProps {
        items: Some(JSONSchemaPropsOrArray::Schema(Box::new(JSONSchemaProps {
            required: Some(vec!["name".to_string(), "inUse".to_string()]),
            ..revision
        }))),
        description: Some(
            "With meshctl.io/update-strategy: RevisionBased: the resource's revisions, the current one first.".into(),
        ),
        ..typed("array")
    };
    JSONSchemaProps {
        description: Some("Written by the controller.".to_string()),
        ..object([
            ("status", string_enum(&Phase::SCHEMA_VALUES)),
            ("message", string()),
            ("observedGeneration", int64()),
            ("conditions", conditions),
            ("componentStatus", component_status),
            ("revisions", revisions),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every node has a type, unless it keeps unknown fields (the structural-schema rule the API
    /// server enforces); returns the paths that break it.
    fn untyped(props: &JSONSchemaProps, path: &str, found: &mut Vec<String>) {
        if props.type_.is_none()
            && props.x_kubernetes_preserve_unknown_fields != Some(true)
            && props.x_kubernetes_int_or_string != Some(true)
        {
            found.push(path.to_string());
        }
        for (name, child) in props.properties.iter().flatten() {
            untyped(child, &format!("{path}.{name}"), found);
        }
        if let Some(JSONSchemaPropsOrArray::Schema(items)) = &props.items {
            untyped(items, &format!("{path}[]"), found);
        }
        if let Some(JSONSchemaPropsOrBool::Schema(values)) = &props.additional_properties {
            untyped(values, &format!("{path}.*"), found);
        }
    }

    fn schema_of(crd: &CustomResourceDefinition) -> &JSONSchemaProps {
        crd.spec.versions[0]
            .schema
            .as_ref()
            .and_then(|s| s.open_api_v3_schema.as_ref())
            .expect("schema")
    }

    #[test]
    fn every_schema_node_has_a_type_or_keeps_unknown_fields() {
        let crd = custom_resource_definition();
        let mut found = Vec::new();
        untyped(schema_of(&crd), "", &mut found);
        assert!(found.is_empty(), "untyped nodes: {found:?}");
    }

    #[test]
    fn spec_keeps_unknown_fields_so_the_validator_can_name_them() {
        let crd = custom_resource_definition();
        let spec = &schema_of(&crd).properties.as_ref().expect("properties")["spec"];
        assert_eq!(spec.x_kubernetes_preserve_unknown_fields, Some(true));
        let properties = spec.properties.as_ref().expect("spec properties");
        for field in [
            "profile",
            "hub",
            "tag",
            "revision",
            "namespace",
            "installPackagePath",
            "compatibilityVersion",
            "meshConfig",
            "components",
            "values",
            "unvalidatedValues",
        ] {
            assert!(properties.contains_key(field), "spec.{field} is described");
        }
        // Every field the typed API knows is described in the schema, and nothing else.
        let known = serde_json::to_value(crate::api::IstioOperatorSpec {
            profile: Some(String::new()),
            install_package_path: Some(String::new()),
            hub: Some(String::new()),
            tag: Some(crate::api::Tag::Text(String::new())),
            namespace: Some(String::new()),
            revision: Some(String::new()),
            compatibility_version: Some(String::new()),
            mesh_config: Some(serde_json::Map::new()),
            components: Some(crate::api::Components::default()),
            values: Some(serde_json::Map::new()),
            unvalidated_values: Some(serde_json::Value::Null),
        })
        .expect("serialises");
        let known: Vec<&String> = known.as_object().expect("object").keys().collect();
        let described: Vec<&String> = properties.keys().collect();
        let mut known_sorted = known.clone();
        known_sorted.sort();
        assert_eq!(known_sorted, described);
    }

    #[test]
    fn status_is_typed_as_the_controller_writes_it() {
        let crd = custom_resource_definition();
        let status = &schema_of(&crd).properties.as_ref().expect("properties")["status"];
        assert_eq!(status.x_kubernetes_preserve_unknown_fields, None);
        let properties = status.properties.as_ref().expect("status properties");
        assert_eq!(
            properties["status"].enum_.as_ref().map(Vec::len),
            Some(Phase::SCHEMA_VALUES.len())
        );
        assert_eq!(
            properties["conditions"].x_kubernetes_list_map_keys,
            Some(vec!["type".to_string()])
        );
        assert_eq!(
            properties["observedGeneration"].format.as_deref(),
            Some("int64")
        );
    }

    #[test]
    fn kubectl_get_shows_istios_status_columns() {
        let crd = custom_resource_definition();
        let columns = crd.spec.versions[0]
            .additional_printer_columns
            .as_ref()
            .expect("columns");
        let shown: Vec<(&str, &str)> = columns
            .iter()
            .filter(|c| c.priority.is_none())
            .map(|c| (c.name.as_str(), c.json_path.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("Revision", ".spec.revision"),
                ("Status", ".status.status"),
                ("Release", ".status.componentStatus.Pilot.version"),
                ("Age", ".metadata.creationTimestamp"),
            ]
        );
    }

    #[test]
    fn round_trips_through_json() {
        let crd = custom_resource_definition();
        let json = serde_json::to_value(&crd).expect("serialises");
        assert_eq!(
            json["spec"]["versions"][0]["subresources"]["status"],
            serde_json::json!({})
        );
        assert_eq!(
            json["spec"]["names"]["shortNames"],
            serde_json::json!(["iop", "io"])
        );
        let back: CustomResourceDefinition = serde_json::from_value(json).expect("parses");
        assert_eq!(back, crd);
    }
}
