//! The `base` component. (Being written.)

use serde_json::{Value, json};

use super::ChartContext;

/// The component's chart defaults (our own text, same effect as Istio's chart `values.yaml`).
pub fn defaults() -> Value {
    json!({})
}

/// Renders the component's objects.
pub fn render(_context: &ChartContext) -> Result<Vec<Value>, String> {
    Ok(Vec::new())
}
