//! Istio's custom resource definitions, as the `base` chart of a release installs them.
//!
//! Each release's CRDs are its chart's own file (`manifests/charts/base/files/crd-all.gen.yaml`),
//! which `testenv/gen-crds` converts into `releases/<minor>/crds.json`; [`crate::release`] embeds
//! them so that rendering never reads files.
//!
//! Two forms are embedded per release. `crds_text.rs` holds each CRD as the YAML text meshctl
//! writes for it, split around its `metadata` (the only part a render changes): `manifest
//! generate` writes that text straight out instead of parsing half a megabyte of JSON into trees
//! and writing them back. It is generated from `crds.json` by the test `embedded_text_is_current`
//! (run it with `MESHCTL_BLESS=1` after `testenv/gen-crds`), which fails when the two drift. The
//! JSON is parsed (once per process) only when something reads a CRD as a tree: an install, a
//! diff, an overlay.

#[cfg(test)]
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
#[cfg(test)]
use serde::Deserialize;
#[cfg(test)]
use serde_json::Value;

#[cfg(test)]
use crate::release::Release;

/// The shape of `crds.json`. The provenance fields are only read by the tests that keep the data
/// in step with the release.
#[cfg(test)]
#[derive(Debug, Deserialize)]
pub struct Published {
    /// The Go module the CRDs come from (`istio.io/istio`).
    pub module: String,
    /// The release's version.
    pub version: String,
    /// The file inside the module.
    pub source: String,
    /// The CRDs, in the file's order, exactly as published (their legacy labels included).
    pub crds: Vec<CustomResourceDefinition>,
}

/// A release's CRD data, parsed into typed CRDs (tests keep the data honest with it).
#[cfg(test)]
pub fn published(release: &Release) -> Published {
    serde_json::from_str(release.crds().json)
        .unwrap_or_else(|error| panic!("{}: embedded CRD data is invalid: {error}", release.minor))
}

/// What stands in for the `metadata` block while the text is generated.
#[cfg(test)]
const METADATA_MARK: &str = "meshctl-generated-metadata-mark";

/// `crds_text.rs` as the generator writes it from a release's `crds.json`.
#[cfg(test)]
fn generated_text(release: &Release) -> String {
    use std::fmt::Write as _;
    let mut out = String::from(
        "// @generated from crds.json by the test `render::base::crds::tests::embedded_text_is_current`\n\
         // (`MESHCTL_BLESS=1 cargo test --lib embedded_text_is_current`). Do not edit.\n[\n",
    );
    for (name, tree) in release.crds().trees() {
        let metadata = tree["metadata"].as_object().expect("metadata");
        for key in metadata.keys() {
            assert!(
                matches!(key.as_str(), "annotations" | "labels" | "name"),
                "{name}: metadata.{key} is not supported by the embedded form"
            );
        }
        let annotations: Vec<(&String, &str)> = metadata
            .get("annotations")
            .and_then(Value::as_object)
            .map(|map| {
                map.iter()
                    .map(|(key, value)| (key, value.as_str().expect("annotations are strings")))
                    .collect()
            })
            .unwrap_or_default();
        let mut marked = tree.clone();
        marked["metadata"] = Value::String(METADATA_MARK.into());
        let text = crate::yaml::value_to_string(&marked);
        let line = format!("metadata: {METADATA_MARK}\n");
        let (before, after) = text
            .split_once(&line)
            .expect("the mark is written on one line");
        let _ = writeln!(out, "    Embedded {{");
        let _ = writeln!(
            out,
            "        api_version: {:?},",
            tree["apiVersion"].as_str().unwrap_or_default()
        );
        let _ = writeln!(
            out,
            "        kind: {:?},",
            tree["kind"].as_str().unwrap_or_default()
        );
        let _ = writeln!(out, "        name: {name:?},");
        let _ = writeln!(out, "        annotations: &{annotations:?},");
        let _ = writeln!(out, "        before_metadata: {},", raw_string(before));
        let _ = writeln!(out, "        after_metadata: {},", raw_string(after));
        let _ = writeln!(out, "        tree: tree_of,");
        let _ = writeln!(out, "    }},");
    }
    out.push_str("]\n");
    out
}

/// A Rust raw string literal holding `text`, with as many `#` as it needs.
#[cfg(test)]
fn raw_string(text: &str) -> String {
    let mut hashes = 0;
    while text.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let fence = "#".repeat(hashes);
    format!("r{fence}\"{text}\"{fence}")
}

/// The typed schema keeps `minimum`, `maximum` and `multipleOf` as `f64`, which would print as
/// `0.0`. istioctl goes through Go's JSON numbers and prints whole numbers without a fraction, so
/// every whole float becomes an integer again.
#[cfg(test)]
fn integral_numbers(value: &mut Value) {
    match value {
        Value::Number(number) => {
            if let Some(float) = number.as_f64().filter(|_| number.is_f64())
                && float.fract() == 0.0
                && float.abs() < 9.0e15
            {
                *value = Value::from(float as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_numbers),
        Value::Object(map) => map.values_mut().for_each(integral_numbers),
        Value::Null | Value::Bool(_) | Value::String(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED: [&str; 15] = [
        "authorizationpolicies.security.istio.io",
        "destinationrules.networking.istio.io",
        "envoyfilters.networking.istio.io",
        "gateways.networking.istio.io",
        "peerauthentications.security.istio.io",
        "proxyconfigs.networking.istio.io",
        "requestauthentications.security.istio.io",
        "serviceentries.networking.istio.io",
        "sidecars.networking.istio.io",
        "telemetries.telemetry.istio.io",
        "trafficextensions.extensions.istio.io",
        "virtualservices.networking.istio.io",
        "wasmplugins.extensions.istio.io",
        "workloadentries.networking.istio.io",
        "workloadgroups.networking.istio.io",
    ];

    #[test]
    fn fifteen_istio_crds() {
        // 1.29 predates `trafficextensions.extensions.istio.io`.
        for release in crate::release::all() {
            let published = published(release);
            assert_eq!(published.module, "istio.io/istio");
            assert_eq!(
                published.source,
                "manifests/charts/base/files/crd-all.gen.yaml"
            );
            assert_eq!(published.version, release.version);
            let mut names: Vec<&str> = published
                .crds
                .iter()
                .map(|crd| crd.metadata.name.as_deref().expect("named"))
                .collect();
            names.sort_unstable();
            let expected: Vec<&str> = EXPECTED
                .iter()
                .copied()
                .filter(|name| {
                    release.minor != "1.29" || *name != "trafficextensions.extensions.istio.io"
                })
                .collect();
            assert_eq!(names, expected, "{}", release.minor);
            for crd in &published.crds {
                let spec = &crd.spec;
                assert_eq!(
                    crd.metadata.name.as_deref(),
                    Some(format!("{}.{}", spec.names.plural, spec.group).as_str())
                );
                assert!(spec.group.ends_with(".istio.io"));
                assert_eq!(spec.scope, "Namespaced");
                assert_eq!(
                    crd.metadata
                        .annotations
                        .as_ref()
                        .and_then(|a| a.get("helm.sh/resource-policy"))
                        .map(String::as_str),
                    Some("keep")
                );
            }
        }
    }

    #[test]
    fn every_served_version_has_a_structural_schema() {
        for release in crate::release::all() {
            for crd in &published(release).crds {
                let name = crd.metadata.name.as_deref().unwrap_or_default();
                let served: Vec<_> = crd.spec.versions.iter().filter(|v| v.served).collect();
                assert!(!served.is_empty(), "{name} serves no version");
                assert_eq!(
                    crd.spec.versions.iter().filter(|v| v.storage).count(),
                    1,
                    "{name} must store exactly one version"
                );
                for version in served {
                    let schema = version
                        .schema
                        .as_ref()
                        .and_then(|s| s.open_api_v3_schema.as_ref())
                        .unwrap_or_else(|| panic!("{name} {} has no schema", version.name));
                    // Structural: the root is a typed object whose `spec` is described.
                    assert_eq!(schema.type_.as_deref(), Some("object"), "{name}");
                    let properties = schema.properties.as_ref().expect("root properties");
                    let spec = properties.get("spec").expect("spec schema");
                    assert_eq!(spec.type_.as_deref(), Some("object"), "{name}");
                    assert!(properties.contains_key("status"), "{name}");
                }
            }
        }
    }

    #[test]
    fn typed_and_untyped_views_agree() {
        // Rendering uses the untyped trees; the typed structs must read every field of them, so
        // a typed round trip (what a k8s-openapi consumer sees) reproduces each tree exactly.
        for release in crate::release::all() {
            let published = published(release);
            let trees = release.crds().trees();
            assert_eq!(published.crds.len(), trees.len());
            for (crd, (name, tree)) in published.crds.iter().zip(trees) {
                let mut typed = serde_json::to_value(crd).expect("serialise");
                integral_numbers(&mut typed);
                assert_eq!(
                    &typed, tree,
                    "{name} differs between the typed and untyped views"
                );
            }
        }
    }

    /// Each release's `crds_text.rs` is what the generator makes of its `crds.json` now.
    #[test]
    fn embedded_text_is_current() {
        let mut stale = Vec::new();
        for release in crate::release::all() {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("releases/{}/crds_text.rs", release.minor));
            let expected = generated_text(release);
            if std::env::var_os("MESHCTL_BLESS").is_some() {
                // What is embedded is the text of the previous build: check it after a rebuild.
                std::fs::write(&path, &expected).expect("write crds_text.rs");
                continue;
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            if committed != expected {
                stale.push(path.display().to_string());
                continue;
            }
            let embedded = release.crds().embedded;
            let trees = release.crds().trees();
            assert_eq!(embedded.len(), trees.len());
            for (embedded, (name, _)) in embedded.iter().zip(trees) {
                assert_eq!(embedded.name, name);
            }
        }
        assert!(
            stale.is_empty(),
            "{} stale: run MESHCTL_BLESS=1 cargo test --lib embedded_text_is_current (and rebuild)",
            stale.join(", ")
        );
    }

    /// Writing an embedded CRD from its text gives exactly the bytes writing its tree gives, for
    /// any labels.
    #[test]
    fn embedded_text_writes_like_the_tree() {
        use std::collections::BTreeMap;

        use crate::manifest::{self, Manifest};
        use crate::render::ComponentName;

        let label_sets = [
            BTreeMap::new(),
            BTreeMap::from([("app".to_string(), "istio-pilot".to_string())]),
            BTreeMap::from([
                (
                    "app.kubernetes.io/version".to_string(),
                    "1.31.0".to_string(),
                ),
                ("istio.io/rev".to_string(), "canary".to_string()),
                ("odd".to_string(), "yes: no".to_string()),
                ("number".to_string(), "0777".to_string()),
            ]),
        ];
        for release in crate::release::all() {
            for embedded in release.crds().embedded {
                for labels in &label_sets {
                    let fast = Manifest::embedded(ComponentName::Base, embedded, labels.clone());
                    let slow = Manifest::new(ComponentName::Base, fast.object().clone());
                    assert_eq!(
                        manifest::to_yaml_stream(std::slice::from_ref(&fast)),
                        manifest::to_yaml_stream(&[slow]),
                        "{}",
                        embedded.name
                    );
                    assert_eq!(
                        fast.object()["metadata"]["labels"],
                        serde_json::to_value(labels).expect("labels")
                    );
                }
            }
        }
    }

    #[test]
    fn whole_floats_become_integers() {
        let mut value =
            serde_json::json!({"maximum": 4_294_967_295.0_f64, "minimum": 0.0, "x": 0.5});
        integral_numbers(&mut value);
        assert_eq!(
            serde_json::to_string(&value).expect("json"),
            r#"{"maximum":4294967295,"minimum":0,"x":0.5}"#
        );
    }
}
