//! `meshctl manifest generate`: render offline, print or write the manifests.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use meshctl::manifest::{self, Manifest};
use meshctl::pipeline;
use meshctl::render::ComponentName;

use super::{CommandError, ExitStatus};
use crate::output::{OutputFile, Printer, same_file, write_file};
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
    let inputs = &args.input.filenames;
    match &args.output {
        None => printer.data(&manifest::to_yaml_stream(&manifests))?,
        Some(path) if is_directory_target(path) => {
            for stale in write_per_component(path, inputs, &manifests)? {
                printer.warn(&format!(
                    "removed `{}`: a file of an earlier render, for a component this render \
                     does not have",
                    stale.display()
                ))?;
            }
        }
        Some(path) => write_file(
            &OutputFile {
                path,
                inputs,
                directory_hint: DIRECTORY_HINT,
            },
            &manifest::to_yaml_stream(&manifests),
        )?,
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

const DIRECTORY_HINT: &str = "name a file, or a directory ending in `/` for one file per component";

/// One file per component (`base.yaml`, `pilot.yaml`, `ingressGateways.yaml`, …), for `GitOps`
/// repositories that review components separately.
///
/// The directory then holds exactly this render: the file of a component an earlier render had
/// and this one has not (an egress gateway since switched off) is removed, and returned so the
/// command says so; left there, a `kubectl apply -f DIR` would re-create what was switched off.
/// Only files with a component's name are touched; anything else in the directory stays.
fn write_per_component(
    directory: &Path,
    inputs: &[std::path::PathBuf],
    manifests: &[Manifest],
) -> anyhow::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(directory)
        .with_context(|| format!("creating directory `{}`", directory.display()))?;
    let mut by_component: BTreeMap<_, Vec<Manifest>> = BTreeMap::new();
    for manifest in manifests {
        by_component
            .entry(manifest.component)
            .or_default()
            .push(manifest.clone());
    }
    for (component, manifests) in &by_component {
        let path = directory.join(format!("{}.yaml", component.spec_name()));
        write_file(
            &OutputFile {
                path: &path,
                inputs,
                directory_hint: DIRECTORY_HINT,
            },
            &manifest::to_yaml_stream(manifests),
        )?;
    }
    let mut removed = Vec::new();
    for component in ComponentName::ALL {
        let path = directory.join(format!("{}.yaml", component.spec_name()));
        let stale = !by_component.contains_key(&component)
            && std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
        if stale {
            if inputs.iter().any(|input| same_file(input, &path)) {
                continue;
            }
            std::fs::remove_file(&path)
                .with_context(|| format!("removing the stale `{}`", path.display()))?;
            removed.push(path);
        }
    }
    Ok(removed)
}
