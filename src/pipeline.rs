//! The offline pipeline in one call: inputs → merged and validated `IstioOperator` → sorted
//! manifests. Commands, tests and benchmarks all go through here, so what `manifest generate`
//! prints is exactly what `install` applies.

use serde_json::Value;

use crate::api::validation::{self, ValidationError, Warning};
use crate::manifest::{self, Manifest};
use crate::merge::{self, InputFile, MergeError, SetFlag};
use crate::release::{self, Resolved};
use crate::render::{self, ComponentName, RenderError};

/// What the user asked for: `-f` files (already read and parsed), `--set` flags, `--force`.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub files: Vec<InputFile>,
    pub set_flags: Vec<SetFlag>,
    /// Turn validation errors into warnings, as istioctl's `--force` does.
    pub force: bool,
    /// Fields a translation wrote (a Banzai `Istio`'s), so that messages name them as written.
    pub origins: Vec<Origin>,
}

/// One translated field: validation messages about `path` name `written` in `source` instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub source: crate::yaml::Source,
    /// The `IstioOperator` path under `spec`, as validation messages write it.
    pub path: String,
    /// The field as the user wrote it (`spec.pilot.image`).
    pub written: String,
}

/// A validation problem about a translated field, in the user's words: `` `values.pilot.image`:
/// bad image … `` becomes `` istio.yaml: `spec.pilot.image` (translated to `values.pilot.image`):
/// bad image … ``.
fn in_written_terms(problem: String, origins: &[Origin]) -> String {
    let Some(rest) = problem.strip_prefix('`') else {
        return problem;
    };
    let Some((path, message)) = rest.split_once('`') else {
        return problem;
    };
    let origin = origins.iter().find(|o| {
        path == o.path
            || path
                .strip_prefix(o.path.as_str())
                .is_some_and(|rest| rest.starts_with(['.', '[']))
    });
    match origin {
        Some(origin) => format!(
            "{}: `{}{}` (translated to `{path}`){message}",
            origin.source,
            origin.written,
            &path[origin.path.len()..]
        ),
        None => problem,
    }
}

/// A merged `IstioOperator` and what validation had to say about it.
#[derive(Debug, Clone)]
pub struct Merged {
    pub tree: Value,
    pub warnings: Vec<Warning>,
}

/// Any failure of the offline pipeline.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Merge(#[from] MergeError),
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Render(#[from] RenderError),
}

/// Merges and validates the inputs (profile < files < `--set`).
pub fn merge(inputs: &Inputs) -> Result<Merged, PipelineError> {
    let mut tree = merge::merge_inputs(&inputs.files, &inputs.set_flags)?;
    let mut warnings =
        validation::validate(&tree, inputs.force).map_err(|error| ValidationError {
            problems: error
                .problems
                .into_iter()
                .map(|problem| in_written_terms(problem, &inputs.origins))
                .collect(),
        })?;
    // The merge already chose the release (an unsupported one is an error there).
    if let Ok(Resolved {
        warning: Some(warning),
        ..
    }) = release::resolve(&tree)
    {
        warnings.push(Warning(warning));
    }
    merge::apply_unvalidated_values(&mut tree);
    Ok(Merged { tree, warnings })
}

/// Everything `manifest generate` checks — validation, then the render itself — without keeping
/// the render: the one validator behind `validate` and `migrate banzai`, so that neither passes
/// what `manifest generate` and `install` refuse. Returns the warnings a render would print.
pub fn check(inputs: &Inputs) -> Result<Vec<Warning>, PipelineError> {
    let merged = merge(inputs)?;
    let manifests = render(&merged)?;
    let mut warnings = merged.warnings.clone();
    warnings.extend(unmatched_overlays(&merged, &manifests));
    Ok(warnings)
}

/// Renders a merged tree into sorted manifests.
pub fn render(merged: &Merged) -> Result<Vec<Manifest>, PipelineError> {
    let mut manifests = render::render(&merged.tree)?;
    manifest::sort(&mut manifests);
    Ok(manifests)
}

/// Overlays that edit nothing: `k8s.overlays[]` of an enabled component whose kind and name match
/// no object the component rendered. istioctl drops them silently; a typo in a name then goes
/// unnoticed, so meshctl warns.
#[must_use]
pub fn unmatched_overlays(merged: &Merged, manifests: &[Manifest]) -> Vec<Warning> {
    let components = &merged.tree["spec"]["components"];
    let mut places: Vec<(String, ComponentName, &Value)> = Vec::new();
    for (key, component) in [
        ("base", ComponentName::Base),
        ("pilot", ComponentName::Pilot),
        ("cni", ComponentName::Cni),
        ("ztunnel", ComponentName::Ztunnel),
    ] {
        let spec = &components[key];
        // Base is on unless switched off; the others only when switched on.
        let enabled = match key {
            "base" => spec["enabled"] != Value::Bool(false),
            _ => spec["enabled"] == Value::Bool(true),
        };
        if enabled {
            places.push((format!("components.{key}"), component, spec));
        }
    }
    for (key, component) in [
        ("ingressGateways", ComponentName::IngressGateways),
        ("egressGateways", ComponentName::EgressGateways),
    ] {
        for (index, gateway) in components[key].as_array().into_iter().flatten().enumerate() {
            if gateway["enabled"] == Value::Bool(true) {
                places.push((format!("components.{key}[{index}]"), component, gateway));
            }
        }
    }
    let mut warnings = Vec::new();
    for (path, component, spec) in places {
        let Some(overlays) = spec["k8s"]["overlays"].as_array() else {
            continue;
        };
        for (index, overlay) in overlays.iter().enumerate() {
            let kind = overlay["kind"].as_str().unwrap_or_default();
            let name = overlay["name"].as_str().unwrap_or_default();
            let rendered = manifests
                .iter()
                .filter(|m| m.component == component && m.kind() == kind);
            if rendered.clone().any(|m| m.name() == name) {
                continue;
            }
            let names: Vec<&str> = rendered.map(Manifest::name).collect();
            let known = if names.is_empty() {
                format!("it renders no {kind}")
            } else {
                format!("its {kind} objects are `{}`", names.join("`, `"))
            };
            warnings.push(Warning(format!(
                "`{path}.k8s.overlays[{index}]`: no rendered {kind} is named `{name}`, so the \
                 overlay changes nothing ({known})"
            )));
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_with(flags: &[&str]) -> (Merged, Vec<Manifest>) {
        let inputs = Inputs {
            set_flags: flags
                .iter()
                .map(|flag| SetFlag::parse(flag).expect("valid --set"))
                .collect(),
            ..Inputs::default()
        };
        let merged = merge(&inputs).expect("merges");
        let manifests = render(&merged).expect("renders");
        (merged, manifests)
    }

    /// Issue 16: an overlay on an object that is not rendered was dropped silently.
    #[test]
    fn an_overlay_that_matches_nothing_is_a_warning() {
        let overlay = |name: &str| {
            [
                "components.pilot.k8s.overlays[0].kind=Deployment".to_string(),
                format!("components.pilot.k8s.overlays[0].name={name}"),
                "components.pilot.k8s.overlays[0].patches[0].path=spec.minReadySeconds".into(),
                "components.pilot.k8s.overlays[0].patches[0].value=5".into(),
            ]
        };
        let typo = overlay("istio");
        let (merged, manifests) = render_with(&typo.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(
            unmatched_overlays(&merged, &manifests),
            vec![Warning(
                "`components.pilot.k8s.overlays[0]`: no rendered Deployment is named `istio`, so \
                 the overlay changes nothing (its Deployment objects are `istiod`)"
                    .into()
            )]
        );
        let right = overlay("istiod");
        let (merged, manifests) =
            render_with(&right.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(unmatched_overlays(&merged, &manifests).is_empty());
    }
}
