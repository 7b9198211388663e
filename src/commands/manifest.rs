//! `meshctl manifest generate`: render offline, print or write the manifests.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use meshctl::manifest::{self, Manifest};
use meshctl::pipeline;

use super::{CommandError, ExitStatus};
use crate::output::{Printer, write_file};
use crate::settings::GenerateSettings;

pub fn generate(
    args: &GenerateSettings,
    printer: &mut Printer,
) -> Result<ExitStatus, CommandError> {
    let inputs = super::read_inputs(&args.input, printer)?;
    let merged = pipeline::merge(&inputs)?;
    for warning in &merged.warnings {
        printer.warn(&warning.0)?;
    }
    let manifests = pipeline::render(&merged)?;
    for warning in pipeline::unmatched_overlays(&merged, &manifests) {
        printer.warn(&warning.0)?;
    }
    match &args.output {
        None => printer.data(&manifest::to_yaml_stream(&manifests))?,
        Some(path) if is_directory_target(path) => write_per_component(path, &manifests)?,
        Some(path) => write_file(path, &manifest::to_yaml_stream(&manifests))?,
    }
    // The process ends right after this; freeing a megabyte of small trees node by node would
    // cost more than the render itself (rustc does the same with its largest structures).
    std::mem::forget(manifests);
    std::mem::forget(merged);
    Ok(ExitStatus::Success)
}

fn is_directory_target(path: &Path) -> bool {
    path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/')
}

/// One file per component (`base.yaml`, `pilot.yaml`, `ingressGateways.yaml`, …), for `GitOps`
/// repositories that review components separately.
fn write_per_component(directory: &Path, manifests: &[Manifest]) -> anyhow::Result<()> {
    std::fs::create_dir_all(directory)
        .with_context(|| format!("creating directory `{}`", directory.display()))?;
    let mut by_component: BTreeMap<_, Vec<Manifest>> = BTreeMap::new();
    for manifest in manifests {
        by_component
            .entry(manifest.component)
            .or_default()
            .push(manifest.clone());
    }
    for (component, manifests) in by_component {
        let path = directory.join(format!("{}.yaml", component.spec_name()));
        write_file(&path, &manifest::to_yaml_stream(&manifests))?;
    }
    Ok(())
}
