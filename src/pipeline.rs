//! The offline pipeline in one call: inputs → merged and validated `IstioOperator` → sorted
//! manifests. Commands, tests and benchmarks all go through here, so what `manifest generate`
//! prints is exactly what `install` applies.

use serde_json::Value;

use crate::api::validation::{self, ValidationError, Warning};
use crate::manifest::{self, Manifest};
use crate::merge::{self, InputFile, MergeError, SetFlag};
use crate::render::{self, RenderError};

/// What the user asked for: `-f` files (already read and parsed), `--set` flags, `--force`.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub files: Vec<InputFile>,
    pub set_flags: Vec<SetFlag>,
    /// Turn validation errors into warnings, as istioctl's `--force` does.
    pub force: bool,
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
    let warnings = validation::validate(&tree, inputs.force)?;
    merge::apply_unvalidated_values(&mut tree);
    Ok(Merged { tree, warnings })
}

/// Renders a merged tree into sorted manifests.
pub fn render(merged: &Merged) -> Result<Vec<Manifest>, PipelineError> {
    let mut manifests = render::render(&merged.tree)?;
    manifest::sort(&mut manifests);
    Ok(manifests)
}
