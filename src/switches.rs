//! meshctl's mesh switches: two `IstioOperator` annotations that keep a file valid for istioctl
//! (which ignores annotations) and turn on what Banzai Cloud's `Istio` resource made easy.
//!
//! - [`MTLS_MODE_ANNOTATION`] (`STRICT | PERMISSIVE | DISABLED`, Istio's enum spelling): a
//!   `security.istio.io/v1` `PeerAuthentication` named `default` in the mesh root namespace,
//!   rendered with the Base component (its CRD is Base's) and so generated, diffed, applied,
//!   pruned and uninstalled like every rendered object.
//! - [`INJECTION_NAMESPACES_ANNOTATION`] (`"ns-a, ns-b"`): namespaces labelled for sidecar
//!   injection. These are not rendered objects; [`crate::cluster::injection`] labels them.
//!
//! This module only reads the annotations: input in, typed [`Switches`] or a [`SwitchError`] that
//! names the annotation out. Nothing here talks to a cluster or prints.

use serde_json::{Value, json};

/// Annotation: mesh-wide mutual TLS mode.
pub const MTLS_MODE_ANNOTATION: &str = "meshctl.io/mtls-mode";
/// Annotation: comma-separated namespaces labelled for injection.
pub const INJECTION_NAMESPACES_ANNOTATION: &str = "meshctl.io/injection-namespaces";

/// Istio's `PeerAuthentication.MutualTLS.Mode`, as far as a mesh-wide switch needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MtlsMode {
    Strict,
    Permissive,
    Disabled,
}

impl MtlsMode {
    /// The enum spelling Istio's API uses.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Strict => "STRICT",
            Self::Permissive => "PERMISSIVE",
            Self::Disabled => "DISABLED",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        // Case-sensitive, as Istio's enum is: `strict` is refused rather than guessed.
        match text {
            "STRICT" => Some(Self::Strict),
            "PERMISSIVE" => Some(Self::Permissive),
            "DISABLED" => Some(Self::Disabled),
            _ => None,
        }
    }
}

/// The switches one `IstioOperator` turns on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Switches {
    /// `None`: the annotation is absent and nothing is rendered (exact istioctl parity).
    pub mtls_mode: Option<MtlsMode>,
    /// The namespaces to label, in the order written, without repeats. Empty: none (the
    /// annotation absent, or an empty string).
    pub injection_namespaces: Vec<String>,
}

/// Why an annotation's value is not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SwitchError {
    #[error(
        "annotation `{MTLS_MODE_ANNOTATION}`: `{value}` is not a mutual TLS mode; expected \
         STRICT, PERMISSIVE or DISABLED (upper case, as Istio spells them)"
    )]
    MtlsMode { value: String },
    #[error(
        "annotation `{INJECTION_NAMESPACES_ANNOTATION}`: `{name}` is not a namespace name (a \
         DNS-1123 label: at most 63 lower-case letters, digits and `-`, starting and ending with \
         a letter or digit)"
    )]
    NamespaceName { name: String },
    #[error("annotation `{annotation}` must be a string")]
    NotText { annotation: &'static str },
}

impl Switches {
    /// Reads the switches from an `IstioOperator` tree (a file's or the merged one). A tree
    /// without `metadata.annotations` has none.
    pub fn of(tree: &Value) -> Result<Self, SwitchError> {
        let annotations = &tree["metadata"]["annotations"];
        let text = |annotation: &'static str| match &annotations[annotation] {
            Value::Null => Ok(None),
            Value::String(text) => Ok(Some(text.as_str())),
            _ => Err(SwitchError::NotText { annotation }),
        };
        let mtls_mode = text(MTLS_MODE_ANNOTATION)?
            .map(|value| {
                MtlsMode::parse(value).ok_or_else(|| SwitchError::MtlsMode {
                    value: value.to_string(),
                })
            })
            .transpose()?;
        let injection_namespaces = match text(INJECTION_NAMESPACES_ANNOTATION)? {
            None => Vec::new(),
            Some(list) => parse_namespace_list(list)?,
        };
        Ok(Self {
            mtls_mode,
            injection_namespaces,
        })
    }
}

/// `"ns-a, ns-b"` → `["ns-a", "ns-b"]`: whitespace trimmed, empty items skipped (so `""` and a
/// trailing comma mean nothing), repeats dropped, each name checked.
fn parse_namespace_list(list: &str) -> Result<Vec<String>, SwitchError> {
    let mut names: Vec<String> = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        if !is_dns1123_label(name) {
            return Err(SwitchError::NamespaceName { name: name.into() });
        }
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }
    Ok(names)
}

/// Kubernetes' rule for a namespace name.
#[must_use]
pub fn is_dns1123_label(name: &str) -> bool {
    let bytes = name.as_bytes();
    let allowed = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-';
    !bytes.is_empty()
        && bytes.len() <= 63
        && bytes.iter().all(allowed)
        && bytes.first() != Some(&b'-')
        && bytes.last() != Some(&b'-')
}

/// The mesh root namespace: `meshConfig.rootNamespace`, else the install namespace (as istiod
/// defaults it), else `istio-system`.
#[must_use]
pub fn root_namespace(merged: &Value) -> String {
    let non_empty = |value: &Value| value.as_str().filter(|n| !n.is_empty()).map(str::to_string);
    non_empty(&merged["spec"]["meshConfig"]["rootNamespace"])
        .or_else(|| non_empty(&merged["spec"]["values"]["meshConfig"]["rootNamespace"]))
        .or_else(|| non_empty(&merged["metadata"]["namespace"]))
        .or_else(|| non_empty(&merged["spec"]["values"]["global"]["istioNamespace"]))
        .unwrap_or_else(|| "istio-system".into())
}

/// The mesh-wide `PeerAuthentication` for `mode` (labels are added by the render).
#[must_use]
pub fn peer_authentication(mode: MtlsMode, root_namespace: &str) -> Value {
    json!({
        "apiVersion": "security.istio.io/v1",
        "kind": "PeerAuthentication",
        "metadata": {"name": "default", "namespace": root_namespace},
        "spec": {"mtls": {"mode": mode.as_str()}},
    })
}

/// The injection label for a control-plane revision: `istio.io/rev=REV` for a revisioned
/// install, `istio-injection=enabled` for the default one.
#[must_use]
pub fn injection_label(revision: Option<&str>) -> (&'static str, String) {
    match revision.filter(|r| !r.is_empty() && *r != "default") {
        Some(revision) => ("istio.io/rev", revision.to_string()),
        None => ("istio-injection", "enabled".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annotated(pairs: &[(&str, &str)]) -> Value {
        let annotations: serde_json::Map<String, Value> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), Value::String((*v).to_string())))
            .collect();
        json!({"metadata": {"annotations": annotations}})
    }

    #[test]
    fn no_annotations_no_switches() {
        assert_eq!(Switches::of(&json!({})), Ok(Switches::default()));
        assert_eq!(
            Switches::of(&annotated(&[("other", "x")])),
            Ok(Switches::default())
        );
    }

    #[test]
    fn mtls_mode_is_istios_enum_case_sensitive() {
        for (text, mode) in [
            ("STRICT", MtlsMode::Strict),
            ("PERMISSIVE", MtlsMode::Permissive),
            ("DISABLED", MtlsMode::Disabled),
        ] {
            let switches = Switches::of(&annotated(&[(MTLS_MODE_ANNOTATION, text)])).unwrap();
            assert_eq!(switches.mtls_mode, Some(mode));
            assert_eq!(mode.as_str(), text);
        }
        for bad in ["strict", "yes", "", "UNSET"] {
            assert_eq!(
                Switches::of(&annotated(&[(MTLS_MODE_ANNOTATION, bad)])),
                Err(SwitchError::MtlsMode { value: bad.into() })
            );
        }
    }

    #[test]
    fn namespace_list_is_trimmed_checked_and_deduplicated() {
        let of = |list: &str| {
            Switches::of(&annotated(&[(INJECTION_NAMESPACES_ANNOTATION, list)]))
                .map(|s| s.injection_namespaces)
        };
        assert_eq!(
            of(" ns-a ,ns-b,ns-a, "),
            Ok(vec!["ns-a".into(), "ns-b".into()])
        );
        assert_eq!(of(""), Ok(Vec::new()));
        assert_eq!(of(" , "), Ok(Vec::new()));
        for bad in ["Default", "a_b", "-a", "a-", &"a".repeat(64), "a.b"] {
            assert_eq!(
                of(&format!("ok,{bad}")),
                Err(SwitchError::NamespaceName { name: bad.into() }),
                "{bad}"
            );
        }
        assert!(is_dns1123_label(&"a".repeat(63)));
    }

    #[test]
    fn a_non_text_annotation_is_refused() {
        let tree = json!({"metadata": {"annotations": {MTLS_MODE_ANNOTATION: true}}});
        assert_eq!(
            Switches::of(&tree),
            Err(SwitchError::NotText {
                annotation: MTLS_MODE_ANNOTATION
            })
        );
    }

    #[test]
    fn root_namespace_follows_mesh_config_then_install_namespace() {
        assert_eq!(root_namespace(&json!({})), "istio-system");
        assert_eq!(
            root_namespace(&json!({"metadata": {"namespace": "mesh"}})),
            "mesh"
        );
        assert_eq!(
            root_namespace(&json!({"metadata": {"namespace": "mesh"},
                "spec": {"meshConfig": {"rootNamespace": "root"}}})),
            "root"
        );
    }

    #[test]
    fn injection_label_is_revision_aware() {
        assert_eq!(
            injection_label(None),
            ("istio-injection", "enabled".to_string())
        );
        assert_eq!(
            injection_label(Some("default")),
            ("istio-injection", "enabled".to_string())
        );
        assert_eq!(
            injection_label(Some("canary")),
            ("istio.io/rev", "canary".to_string())
        );
    }
}
