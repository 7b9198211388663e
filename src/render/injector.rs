//! The `istio-sidecar-injector` ConfigMap: the injection templates istiod executes and the values
//! they read. (Being written.)

use serde_json::Value;

use super::ChartContext;

/// The injector ConfigMap for the pilot component, or `None` where it is not rendered.
pub fn config_map(_context: &ChartContext) -> Result<Option<Value>, String> {
    Ok(None)
}
