//! Ingress and egress gateways. (Being written.)

use serde_json::{Value, json};

use super::{ChartContext, ComponentName};

/// The component's chart defaults (our own text, same effect as Istio's chart `values.yaml`).
pub fn defaults(_component: ComponentName) -> Value {
    json!({})
}

/// Renders the component's objects.
pub fn render(_context: &ChartContext) -> Result<Vec<Value>, String> {
    Ok(Vec::new())
}
