//! `k8s` settings and `k8s.overlays`: applied to a component's rendered objects as istioctl applies
//! them. (Being written.)

use super::{ChartContext, RenderError};
use crate::manifest::Manifest;

/// Applies the instance's `k8s` settings and overlays to its objects.
pub fn apply_kubernetes_settings(
    _context: &ChartContext,
    _manifests: &mut [Manifest],
) -> Result<(), RenderError> {
    Ok(())
}
