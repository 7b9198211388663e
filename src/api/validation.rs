//! Validation of a merged `IstioOperator`, as istioctl's `ParseAndValidateIstioOperator` does it:
//! the tree must decode strictly into [`super::IstioOperator`], and names, revisions and ports must
//! make sense. Errors name the path; `--force` turns them into warnings.

use std::fmt;

use serde_json::Value;

use super::IstioOperator;
use crate::yaml::{self, Source};

/// Something wrong with the merged input that does not stop the render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Every problem validation found, one per line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid IstioOperator:\n{}\nhint: fix the input, or pass --force to render anyway", .problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
pub struct ValidationError {
    pub problems: Vec<String>,
}

/// Validates the merged tree; returns warnings, or every error at once.
pub fn validate(tree: &Value, force: bool) -> Result<Vec<Warning>, ValidationError> {
    let mut problems = Vec::new();
    let warnings = Vec::new();
    if let Err(error) = yaml::from_value::<IstioOperator>(tree, &Source("merged input".into())) {
        problems.push(match error.location.path {
            Some(path) => format!("`{path}`: {}", error.message),
            None => error.message,
        });
    }
    if problems.is_empty() {
        return Ok(warnings);
    }
    if force {
        let mut warnings = warnings;
        warnings.extend(problems.into_iter().map(Warning));
        return Ok(warnings);
    }
    Err(ValidationError { problems })
}
